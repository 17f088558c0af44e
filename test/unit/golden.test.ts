/**
 * Golden outlines and findings of every seed. They change only through
 * `npm run golden:update`, and the diff is reviewed like code.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { toOutline } from '../../server/src/core/outline';
import { ROOT, seedNames, seedText } from './helpers';

describe('golden files', () => {
  for (const name of seedNames()) {
    const base = name.replace(/\.txt$/, '');
    const rel = `test/fixtures/${name}`;
    const golden = (kind: string) => JSON.parse(readFileSync(path.join(ROOT, 'test', 'golden', `${base}.${kind}.json`), 'utf8'));

    it(`${name}: the outline equals its golden file`, () => {
      const analysis = analyze(seedText(name));
      assert.deepEqual(JSON.parse(JSON.stringify([toOutline(rel, analysis.model)])), golden('outline'));
    });

    it(`${name}: the findings equal their golden file`, () => {
      const analysis = analyze(seedText(name));
      const actual = [{
        file: rel,
        diagnostics: analysis.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message.da, range: f.range })),
      }];
      assert.deepEqual(JSON.parse(JSON.stringify(actual)), golden('findings'));
    });
  }
});
