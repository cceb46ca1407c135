// The server's own log: a file (--log-file) and, for the editor, window/logMessage.
#include "lsp/server/logger.h"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <optional>

namespace pyfaq::server {

std::optional<LogLevel> parse_log_level(std::string_view name) {
  if (name == "error") return LogLevel::Error;
  if (name == "warning") return LogLevel::Warning;
  if (name == "info") return LogLevel::Info;
  if (name == "debug") return LogLevel::Debug;
  return std::nullopt;
}

Logger::Logger(LogLevel level, const std::string& file_path) : level_(level) {
  if (!file_path.empty()) file_.open(file_path, std::ios::app);
}

void Logger::set_sink(std::function<void(LogLevel, const std::string&)> sink) {
  const std::lock_guard lock(mutex_);
  sink_ = std::move(sink);
}

void Logger::log(LogLevel level, const std::string& message) {
  if (!enabled(level)) return;
  std::function<void(LogLevel, const std::string&)> sink;
  {
    const std::lock_guard lock(mutex_);
    if (file_) {
      const std::time_t now =
          std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
      std::tm utc{};
      gmtime_r(&now, &utc);
      static constexpr const char* kNames[] = {"", "E", "W", "I", "D"};
      file_ << std::put_time(&utc, "%FT%TZ") << " " << kNames[static_cast<int>(level)] << " "
            << message << std::endl;
    }
    sink = sink_;
  }
  if (sink) sink(level, message);
}

}  // namespace pyfaq::server
