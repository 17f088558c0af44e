// Rewrites the golden files from the built CLI. Run only through `npm run golden:update`,
// then review the diff like code: a golden file changes only when the change is intended.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = readdirSync(path.join(root, 'test', 'fixtures')).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort();
const cli = (args) => {
  try {
    return execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });
  } catch (e) {
    if (e.status === 1) return e.stdout; // errors found: that is what a golden file records
    throw e;
  }
};
for (const f of fixtures) {
  const rel = `test/fixtures/${f}`;
  const base = f.replace(/\.txt$/, '');
  writeFileSync(path.join(root, 'test', 'golden', `${base}.outline.json`), cli(['outline', rel, '--format', 'json']));
  // The golden findings hold what the core reports (code, severity, message, range); the CLI's fingerprint
  // is a property of its JSON output, tested in the CLI tests.
  const findings = JSON.parse(cli(['check', rel, '--format', 'json']));
  for (const file of findings) for (const d of file.diagnostics) delete d.fingerprint;
  writeFileSync(path.join(root, 'test', 'golden', `${base}.findings.json`), JSON.stringify(findings, null, 2) + '\n');
  console.log(`updated test/golden/${base}.{outline,findings}.json`);
}
