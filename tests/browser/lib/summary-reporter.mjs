// One closing line for the browser tests, after Playwright's own list:
// "browser: N passed, N failed" (", N skipped" when some were), as CI reads it.

export default class SummaryReporter {
  constructor() {
    this.counts = { passed: 0, failed: 0, skipped: 0 };
  }

  onTestEnd(test, result) {
    // Counted once per test, by its final outcome.
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped") return;
    if (result.status === "passed") this.counts.passed += 1;
    else if (result.status === "skipped") this.counts.skipped += 1;
    else this.counts.failed += 1;
  }

  onEnd(result) {
    const { passed, failed, skipped } = this.counts;
    if (result.status === "timedout") console.log("browser: the run reached its global time limit");
    console.log(`browser: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  }

  printsToStdio() {
    return false;
  }
}
