/**
 * Every fixture's safe fixes, applied and analysed again (as markdownlint's fix tests do): the findings they
 * fix are gone, and nothing new appears. "Fix all" in the editor and `referat check --fix` apply the same
 * fixes (core/fixes.ts safeEdits), so a fix that breaks the document or leaves its finding behind fails here,
 * whichever rule offers it, and a new rule's fixes are covered by its fixtures alone.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { safeEdits } from '../../../server/src/core/fixes';
import type { Finding } from '../../../server/src/core/model';
import { ROOT } from '../helpers';
import { FIXTURE_DIRS, fixtureDir, fixturesIn } from './sidecars';
import { applyEdits } from './text-helpers';

/** What a finding is, wherever it moves: its code and message id. */
const key = (f: Finding) => `${f.code}:${f.messageId ?? ''}`;

function counts(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(key(f), (out.get(key(f)) ?? 0) + 1);
  return out;
}

/** The findings whose first safe fix safeEdits took (it takes at most one fix a finding, none that overlap). */
function fixedBy(findings: readonly Finding[]): Finding[] {
  const { edits } = safeEdits(findings);
  const taken = new Set(edits);
  return findings.filter((f) => f.fixes?.find((fix) => fix.safe)?.edits.every((e) => taken.has(e)));
}

const cases = FIXTURE_DIRS.flatMap((family) => fixturesIn(fixtureDir(ROOT, family)).map((name) => ({ family, name })));

describe('safe fixes of every fixture, applied and analysed again', () => {
  it('covers fixtures with safe fixes', () => {
    const withFixes = cases.filter(({ family, name }) => safeEdits(analyze(readFileSync(path.join(fixtureDir(ROOT, family), name), 'utf8')).findings).fixes > 0);
    assert.ok(withFixes.length >= 5, `${withFixes.length} fixtures with safe fixes`);
  });

  for (const { family, name } of cases) {
    const text = readFileSync(path.join(fixtureDir(ROOT, family), name), 'utf8');
    const before = analyze(text).findings;
    const fixed = fixedBy(before);
    if (fixed.length === 0) continue;
    it(`${family}/${name}: the ${fixed.length} fixed finding(s) go and nothing new appears`, () => {
      const after = analyze(applyEdits(text, safeEdits(before).edits)).findings;
      const left = counts(before);
      for (const f of fixed) left.set(key(f), left.get(key(f))! - 1);
      for (const [k, n] of counts(after)) {
        assert.ok(n <= (left.get(k) ?? 0), `${k}: ${n} after the fixes, ${left.get(k) ?? 0} expected at most (${counts(before).get(k) ?? 0} before)`);
      }
    });
  }
});
