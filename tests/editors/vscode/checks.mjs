// PASS/FAIL lines and a summary, for the editor tests.
export class Checks {
  passed = 0;
  failed = 0;

  ok(condition, what, detail) {
    if (condition) {
      this.passed += 1;
      console.log(`PASS ${what}`);
      return true;
    }
    this.failed += 1;
    console.log(`FAIL ${what}`);
    if (detail !== undefined) {
      const text = typeof detail === 'string' ? detail : JSON.stringify(detail, null, 1);
      console.log(text.replace(/^/gm, '     '));
    }
    return false;
  }

  /// Prints the summary; true when every check passed.
  report(name) {
    console.log(`${name}: ${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 && this.passed > 0;
  }
}
