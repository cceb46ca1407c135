// TAP-like check lines shared by the client tests: `ok - name` or `not ok - name` with the
// error's stack, and the counts for the summary and the exit code.
export const counts = { passed: 0, failed: 0 };

export function report(ok, name, error) {
  if (ok) {
    counts.passed += 1;
    console.log(`ok - ${name}`);
  } else {
    counts.failed += 1;
    console.log(`not ok - ${name}`);
    for (const line of String(error?.stack ?? error).split('\n')) console.log(`#   ${line}`);
  }
}
