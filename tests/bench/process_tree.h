// Memory of a process and all its descendants (a language server may be a launcher plus
// workers), read from /proc: a sampler thread keeps the peak of the summed VmRSS, and the
// summed VmHWM (each process's own peak) is read on demand.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace pyfaq::bench {

/// `root` and every descendant alive now (via /proc/<pid>/task/*/children).
std::vector<pid_t> process_tree(pid_t root);
/// The command names (/proc/<pid>/comm) of that tree.
std::vector<std::string> process_names(pid_t root);

struct TreeMemory {
  long rss_kib = 0;  ///< summed VmRSS now
  long hwm_kib = 0;  ///< summed VmHWM (peak per process)
  int processes = 0;
};
TreeMemory tree_memory(pid_t root);

/// Samples the tree's summed VmRSS every `period` until destroyed.
class TreeSampler {
 public:
  TreeSampler(pid_t root, std::chrono::milliseconds period);
  ~TreeSampler();
  TreeSampler(const TreeSampler&) = delete;
  TreeSampler& operator=(const TreeSampler&) = delete;
  long peak_rss_kib() const { return peak_.load(); }
  int most_processes() const { return processes_.load(); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<long> peak_{0};
  std::atomic<int> processes_{0};
  std::thread thread_;
};

}  // namespace pyfaq::bench
