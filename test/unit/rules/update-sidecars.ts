// npm run fixtures:update — rewrites every fixture sidecar (test/fixtures/rules/*/x.expected.json) from the
// core's findings. Run it only when a change of findings is intended, then review the diff like code.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_DIRS, fixtureDir, fixturesIn, formatSidecar, sidecarName, sidecarOf } from './sidecars';

const root = path.resolve(__dirname, '..', '..', '..');
let changed = 0;
for (const family of FIXTURE_DIRS) {
  const dir = fixtureDir(root, family);
  for (const name of fixturesIn(dir)) {
    const file = path.join(dir, sidecarName(name));
    const next = formatSidecar(sidecarOf(readFileSync(path.join(dir, name), 'utf8')));
    let previous = '';
    try {
      previous = readFileSync(file, 'utf8');
    } catch {
      // a new fixture: its sidecar is written now
    }
    if (previous !== next) {
      writeFileSync(file, next);
      changed++;
      console.log(`updated ${path.relative(root, file)}`);
    }
  }
}
console.log(`${changed} sidecar(s) changed`);
