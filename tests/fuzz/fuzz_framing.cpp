// libFuzzer target: Content-Length framing over arbitrary bytes arriving in arbitrary chunks.
// Every read must consume input (no loop without progress), no body may exceed the cap, and
// every body read must come back unchanged through a write and a read.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "lsp/jsonrpc/transport.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/memory_stream.h"

namespace {

using pyfaq::fuzzing::MemoryStream;
using pyfaq::jsonrpc::ReadResult;
using pyfaq::jsonrpc::Transport;

constexpr std::size_t kCap = 4096;  // small, so that over-long messages are common

void expect_round_trip(const std::string& body) {
  std::string framed;
  {
    Transport writer(std::make_unique<MemoryStream>(std::string(), 1, framed), kCap);
    FUZZ_CHECK(writer.write(body));
  }
  std::string unused;
  Transport reader(std::make_unique<MemoryStream>(framed, 7, unused), kCap);
  const ReadResult again = reader.read();
  FUZZ_CHECK(again.kind == ReadResult::Kind::Message && again.text == body);
  FUZZ_CHECK(reader.read().kind == ReadResult::Kind::EndOfStream);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = 1 + data[0] % 97;
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string output;
  Transport transport(std::make_unique<MemoryStream>(input, chunk, output), kCap);
  // Each read that is not the end consumes at least one byte: more reads than bytes is a loop
  // that makes no progress.
  for (std::size_t reads = 0; reads <= input.size() + 1; ++reads) {
    const ReadResult result = transport.read();
    switch (result.kind) {
      case ReadResult::Kind::EndOfStream:
        return 0;
      case ReadResult::Kind::FramingError:
        FUZZ_CHECK(!result.text.empty());  // the user is owed a reason
        break;
      case ReadResult::Kind::Message:
        FUZZ_CHECK(result.text.size() <= kCap);
        expect_round_trip(result.text);
        break;
    }
  }
  FUZZ_CHECK(!"a read loop that makes no progress");
  return 0;
}
