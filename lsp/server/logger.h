// The server's own log: a file (--log-file) and, for the editor, window/logMessage.
#pragma once

#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace pyfaq::server {

enum class LogLevel { Error = 1, Warning = 2, Info = 3, Debug = 4 };

/// Parses "error", "warning", "info", "debug"; nullopt otherwise.
std::optional<LogLevel> parse_log_level(std::string_view name);

/// Thread-safe. Lines at or above the level go to the file, if any, and to the sink (which
/// sends window/logMessage once the client is there).
class Logger {
 public:
  Logger(LogLevel level, const std::string& file_path);

  void set_sink(std::function<void(LogLevel, const std::string&)> sink);
  void log(LogLevel level, const std::string& message);
  void error(const std::string& message) { log(LogLevel::Error, message); }
  void warning(const std::string& message) { log(LogLevel::Warning, message); }
  void info(const std::string& message) { log(LogLevel::Info, message); }
  void debug(const std::string& message) { log(LogLevel::Debug, message); }
  bool enabled(LogLevel level) const { return level <= level_; }

 private:
  LogLevel level_;
  std::ofstream file_;
  std::function<void(LogLevel, const std::string&)> sink_;
  std::mutex mutex_;
};

}  // namespace pyfaq::server
