// Memory of a process tree from /proc.
#include "tests/bench/process_tree.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace pyfaq::bench {

namespace {

void add_children(pid_t pid, std::vector<pid_t>& out) {
  std::error_code error;
  const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
  for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
    std::ifstream children(task.path() / "children");
    pid_t child = 0;
    while (children >> child) {
      out.push_back(child);
      add_children(child, out);
    }
  }
}

/// The value in KiB of `key` ("VmRSS:", "VmHWM:") in /proc/<pid>/status; 0 when gone.
long status_kib(pid_t pid, const std::string& key) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string word;
  while (status >> word) {
    if (word == key) {
      long value = 0;
      status >> value;
      return value;
    }
  }
  return 0;
}

}  // namespace

std::vector<pid_t> process_tree(pid_t root) {
  std::vector<pid_t> pids{root};
  add_children(root, pids);
  std::sort(pids.begin() + 1, pids.end());
  pids.erase(std::unique(pids.begin(), pids.end()), pids.end());
  return pids;
}

std::vector<std::string> process_names(pid_t root) {
  std::vector<std::string> names;
  for (const pid_t pid : process_tree(root)) {
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    if (std::getline(comm, name)) names.push_back(name);
  }
  return names;
}

TreeMemory tree_memory(pid_t root) {
  TreeMemory memory;
  for (const pid_t pid : process_tree(root)) {
    memory.rss_kib += status_kib(pid, "VmRSS:");
    memory.hwm_kib += status_kib(pid, "VmHWM:");
    ++memory.processes;
  }
  return memory;
}

TreeSampler::TreeSampler(pid_t root, std::chrono::milliseconds period)
    : thread_([this, root, period] {
        while (!stop_.load()) {
          const TreeMemory now = tree_memory(root);
          if (now.rss_kib > peak_.load()) peak_.store(now.rss_kib);
          if (now.processes > processes_.load()) processes_.store(now.processes);
          std::this_thread::sleep_for(period);
        }
      }) {}

TreeSampler::~TreeSampler() {
  stop_.store(true);
  thread_.join();
}

}  // namespace pyfaq::bench
