// Entry point of the e2e test run inside the VS Code extension host (code-server's Node host).
// test/e2e/run.mjs bundles this file and every suite/*.test.ts into test/e2e/.run/suite/ and passes
// index.js as extensionTestsPath; VS Code calls run() and reports its outcome as the exit code.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Where run.mjs reads the counts from (the extension host runs on the same machine). */
const RESULT_FILE = path.resolve(__dirname, '..', 'result.json');

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.REFERAT_E2E_TEST_TIMEOUT_MS || 60_000),
  });
  const grep = process.env.REFERAT_E2E_GREP;
  if (grep) mocha.grep(grep);

  // run.mjs launches twice: the untrusted folder runs untrusted.test.js alone, the trusted one the rest.
  const untrusted = process.env.REFERAT_E2E_SUITE === 'untrusted';
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && (f === 'untrusted.test.js') === untrusted)
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise<void>((resolve, reject) => {
    const finish = (passed: number, failed: number, skipped: number, error?: string) => {
      try {
        fs.writeFileSync(RESULT_FILE, JSON.stringify({ passed, failed, skipped, files, error }, null, 2));
      } catch (e) {
        console.error(`e2e: could not write ${RESULT_FILE}: ${String(e)}`);
      }
      console.log(`e2e: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
    };
    if (files.length === 0) {
      finish(0, 1, 0, 'no *.test.js files');
      reject(new Error(`e2e: no test files in ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        const passed = s?.passes ?? 0;
        const failed = Math.max(s?.failures ?? 0, failures);
        finish(passed, failed, s?.pending ?? 0);
        if (failed > 0) reject(new Error(`${failed} e2e test(s) failed`));
        else if (passed === 0) reject(new Error('e2e: no test ran'));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      finish(0, 1, 0, String(err));
      reject(err);
    }
  });
}
