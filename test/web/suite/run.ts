// The extension tests' entry in the web worker extension host: VS Code calls run() and turns its outcome
// into the exit code (window.codeAutomationExit, which test/web/run.mjs exposes). The closing line
// "web: N passed, M failed" is what run.mjs counts: a web worker cannot write a result file.
export function run(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      const passed = s?.passes ?? 0;
      const failed = Math.max(s?.failures ?? 0, failures);
      console.log(`web: ${passed} passed, ${failed} failed` + (s?.pending ? `, ${s.pending} skipped` : ''));
      if (failed > 0) reject(new Error(`${failed} web test(s) failed`));
      else if (passed === 0) reject(new Error('web: no test ran'));
      else resolve();
    });
  });
}
