// Findings written out one per line, for comparing analyses.
#include "tests/support/findings_text.h"

namespace pyfaq::testing {

std::string describe(const std::vector<knowledge::Finding>& findings) {
  std::string out;
  for (const knowledge::Finding& finding : findings) {
    out += std::string(finding.rule->code) + " " + std::to_string(finding.range.start) + "-" +
           std::to_string(finding.range.end) + " " + finding.message;
    if (finding.fix) {
      out += " fix: " + finding.fix->title;
      for (const knowledge::TextEdit& edit : finding.fix->edits) {
        out += " [" + std::to_string(edit.range.start) + "-" + std::to_string(edit.range.end) +
               " " + edit.replacement + "]";
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace pyfaq::testing
