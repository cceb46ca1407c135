// PFQ106 decimal-file-mode: `os.chmod(path, 755)` — a permission mode written in decimal digits
// where Python needs the octal `0o755`.
#include <array>
#include <optional>
#include <string>

#include "grammar/call_arguments.h"
#include "grammar/syntax.h"
#include "knowledge/rules/checks.h"

namespace pyfaq::knowledge::rules {

namespace {

using grammar::is_type;
using grammar::node_text;

/// Where a callee takes its mode.
struct ModeSlot {
  std::optional<std::size_t> index;  // positional index; nullopt: keyword `mode=` only
  bool last_positional = false;      // the last positional argument, whatever its index
  bool umask = false;                // os.umask: only the usual umask values
};

/// `os` functions whose mode sits at a known positional index (or `mode=`).
std::optional<ModeSlot> os_slot(std::string_view qualified) {
  static constexpr std::array<std::string_view, 7> kModeSecond{
      "os.chmod", "os.lchmod", "os.fchmod", "os.mkdir", "os.makedirs", "os.mkfifo", "os.mknod"};
  for (std::string_view name : kModeSecond) {
    if (qualified == name) return ModeSlot{1};
  }
  if (qualified == "os.open") return ModeSlot{2};
  if (qualified == "os.umask") return ModeSlot{0, false, true};
  return std::nullopt;
}

std::optional<ModeSlot> mode_slot(const RuleContext& context, TSNode function) {
  if (const auto qualified = context.model.qualified_name(function)) {
    if (auto slot = os_slot(*qualified)) return slot;
  }
  if (!is_type(function, "attribute")) return std::nullopt;
  const std::string_view method =
      node_text(grammar::field(function, "attribute"), context.source());
  if (method == "chmod" || method == "lchmod") return ModeSlot{std::nullopt, true};
  if (method == "mkdir" || method == "touch") return ModeSlot{};
  return std::nullopt;
}

/// Whether `literal` is passed where the callee takes its mode.
bool in_mode_slot(const grammar::CallArguments& args, TSNode literal, const ModeSlot& slot) {
  if (grammar::same_node(args.keyword(slot.umask ? "mask" : "mode"), literal)) return true;
  if (args.has_splat || args.positional.empty()) return false;
  if (slot.last_positional) return grammar::same_node(args.positional.back(), literal);
  return slot.index && *slot.index < args.positional.size() &&
         grammar::same_node(args.positional[*slot.index], literal);
}

/// The rwx bits of one octal digit, as a set.
bool includes(char wider, char narrower) {
  const int a = wider - '0';
  const int b = narrower - '0';
  return (a & b) == b;
}

/// Decimal digits that read as a permission mode: 3 digits 0-7 (4 with a leading special digit
/// 0/1/2/4/6) where the owner has at least read and the group's bits are within the owner's, the
/// others' within the group's (600, 644, 755, 1777 ...).
bool looks_like_octal_mode(std::string_view text) {
  if (text.size() == 4) {
    if (std::string_view("01246").find(text.front()) == std::string_view::npos) return false;
    text.remove_prefix(1);
  }
  if (text.size() != 3) return false;
  for (char c : text) {
    if (c < '0' || c > '7') return false;
  }
  return text[0] >= '4' && includes(text[0], text[1]) && includes(text[1], text[2]);
}

std::string octal_of(std::string_view decimal) {
  unsigned long value = 0;
  for (char c : decimal) value = value * 10 + static_cast<unsigned long>(c - '0');
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + value % 8));
    value /= 8;
  } while (value != 0);
  return "0o" + digits;
}

std::string callee_label(TSNode function, std::string_view source) {
  const std::string_view text = node_text(function, source);
  if (text.size() > 40 || text.find('\n') != std::string_view::npos) return "this call";
  return "`" + std::string(text) + "`";
}

void check_literal(const RuleContext& context, TSNode function, TSNode literal) {
  const std::string_view text = node_text(literal, context.source());
  if (text.empty() || text.front() < '0' || text.front() > '9') return;
  const bool decimal_digits = text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!decimal_digits) return;  // 0o755, 0x1ed, 1_000, 7j ...
  const std::optional<ModeSlot> slot = mode_slot(context, function);
  if (!slot) return;
  const TSNode arguments = is_type(ts_node_parent(literal), "keyword_argument")
                               ? ts_node_parent(ts_node_parent(literal))
                               : ts_node_parent(literal);
  const grammar::CallArguments args = grammar::read_arguments(arguments, context.source());
  if (!args.understood || !in_mode_slot(args, literal, *slot)) return;
  if (slot->umask) {
    if (text != "22" && text != "27" && text != "77") return;
  } else if (text == "511" || !looks_like_octal_mode(text)) {
    return;  // 511 is 0o777 spelled in decimal on purpose
  }
  const std::string label = callee_label(function, context.source());
  const uint32_t start = ts_node_start_byte(literal);
  std::string message;
  std::optional<Fix> fix;
  if (text.size() > 1 && text.front() == '0') {
    // `0755`: Python 2's octal spelling, which Python 3 rejects.
    const std::string octal = "0o" + std::string(text.substr(1));
    message = label + " gets the mode `" + std::string(text) +
              "`, Python 2's octal spelling, which Python 3 rejects; write `" + octal + "`";
    fix = Fix{"Write `" + octal + "`", FixSafety::Safe, {TextEdit{{start, start + 1}, "0o"}}};
  } else {
    const std::string octal = "0o" + std::string(text);
    message = label + " gets the decimal number " + std::string(text) + " (" + octal_of(text) +
              " in octal) as its " + (slot->umask ? "mask" : "mode") +
              "; permission bits are octal: write `" + octal + "`";
    fix = Fix{"Write `" + octal + "`", FixSafety::Safe, {TextEdit{{start, start}, "0o"}}};
  }
  context.report({ts_node_start_byte(literal), ts_node_end_byte(literal)}, std::move(message),
                 std::move(fix));
}

}  // namespace

void check_decimal_file_mode(const RuleContext& context) {
  const grammar::RuleQuery& query = *context.query;
  const auto function = query.capture("call.function");
  const auto mode = query.capture("mode");
  query.for_each_match(context.document.root(), [&](const grammar::QueryMatch& match) {
    check_literal(context, match.get(function), match.get(mode));
  });
}

}  // namespace pyfaq::knowledge::rules
