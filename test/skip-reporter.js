/**
 * A jest reporter: at the end of `npm test`, lists the tests skipped because this machine
 * lacks something they need — a test (or describe block) whose name carries `[needs …]`, e.g.
 * `[needs the tesseract command: …]` — so a run without the `tesseract` command or Chromium
 * says so instead of passing silently; and counts the other skips (spec cases skipped on
 * purpose, with their reasons in their names). Says nothing when `-t` filters the tests, since
 * every other test is then reported as skipped.
 */
export default class SkipReporter {
  constructor(globalConfig) {
    this.filtered = Boolean(globalConfig.testNamePattern);
  }

  onRunComplete(_contexts, results) {
    if (this.filtered) return;
    const needs = new Map();
    let other = 0;
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        if (t.status !== 'pending' && t.status !== 'skipped' && t.status !== 'todo') continue;
        const m = /\[needs ([^\]]+)\]/.exec(t.fullName);
        if (m) needs.set(m[1], (needs.get(m[1]) ?? 0) + 1);
        else other++;
      }
    }
    const lines = [];
    if (needs.size > 0) {
      lines.push('SKIPPED because this machine lacks what they need (they did not run; install it to run them):');
      for (const [what, n] of needs) lines.push(`  ${n} test${n === 1 ? '' : 's'}: needs ${what}`);
    }
    if (other > 0) lines.push(`Also skipped: ${other} spec case${other === 1 ? '' : 's'} skipped on purpose, each with its reason in its name.`);
    if (lines.length > 0) process.stderr.write(`\n${lines.join('\n')}\n`);
  }
}
