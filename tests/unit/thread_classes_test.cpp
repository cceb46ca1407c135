// Which calls construct a thread: threading.Thread through imports and aliases, and the classes of
// the module derived from it; rebound or unknown names are not threads.
#include "knowledge/rules/thread_classes.h"

#include <gtest/gtest.h>

#include <string>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "grammar/syntax.h"

namespace pyfaq::knowledge::rules {
namespace {

/// Whether the callee of the last call in `text` constructs a thread.
bool last_call_makes_thread(const std::string& text) {
  const grammar::Document document(text);
  const grammar::SemanticModel model = grammar::SemanticModel::build(document);
  TSNode callee{};
  grammar::for_each_descendant(document.root(), [&](TSNode node) {
    if (grammar::is_type(node, "call")) callee = grammar::field(node, "function");
    return true;
  });
  return is_thread_constructor(model, callee);
}

TEST(ThreadClasses, ResolvesThreadingThread) {
  EXPECT_TRUE(last_call_makes_thread("import threading\nthreading.Thread()\n"));
  EXPECT_TRUE(last_call_makes_thread("import threading as th\nth.Thread()\n"));
  EXPECT_TRUE(last_call_makes_thread("from threading import Thread as T\nT()\n"));
}

TEST(ThreadClasses, FollowsSameModuleSubclasses) {
  EXPECT_TRUE(last_call_makes_thread(
      "import threading\nclass A(threading.Thread):\n    pass\nclass B(A):\n    pass\nB()\n"));
  EXPECT_TRUE(last_call_makes_thread(
      "from threading import Thread\nclass A(object, Thread, metaclass=M):\n    pass\nA()\n"));
}

TEST(ThreadClasses, UnknownOrOtherNamesAreNotThreads) {
  EXPECT_FALSE(last_call_makes_thread("import threading\nthreading.Timer(1, f)\n"));
  EXPECT_FALSE(last_call_makes_thread("from threading import Thread\nThread = 1\nThread()\n"));
  EXPECT_FALSE(last_call_makes_thread("class A:\n    pass\nA()\n"));
  EXPECT_FALSE(last_call_makes_thread(
      "import threading\nclass A(threading.Thread):\n    pass\nA = make()\nA()\n"));
  EXPECT_FALSE(last_call_makes_thread("from .threads import Thread\nThread()\n"));
}

}  // namespace
}  // namespace pyfaq::knowledge::rules
