/** "Update table of contents" computes its own edit in core/edits.ts: it does not borrow RF011's fix. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { updateTocEdits } from '../../server/src/core/edits';
import { ROOT } from './helpers';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'structure', name), 'utf8');

describe('the "Update table of contents" edit', () => {
  it('rewrites contents that disagree with the items, as RF011 would', () => {
    const analysis = analyze(fixture('toc-defects.txt'));
    const rf011 = analysis.findings.find((f) => f.code === 'RF011' && f.fixes?.length);
    assert.deepEqual(updateTocEdits(analysis.model), rf011!.fixes![0].edits);
  });

  it('works with RF011 turned off, and leaves contents that agree alone', () => {
    const off = analyze(fixture('toc-defects.txt'), { config: { rules: { RF011: 'off' } } });
    assert.ok(!off.findings.some((f) => f.code === 'RF011'));
    assert.equal(updateTocEdits(off.model).length, 1);
    assert.deepEqual(updateTocEdits(analyze(fixture('toc-clean.txt')).model), []);
  });
});
