/**
 * Incremental analysis equals full analysis (issue "Speed II"): after every edit of a random sequence,
 * analyze(text, { previous }) — which reuses the items the edit did not touch — gives the same model
 * and findings as analyze(text) from nothing. The LSP side (didChange with ranges) is
 * test/lsp/incremental.test.ts; `npm run fuzz` runs the same comparison on 100,000 documents.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text/lines';
import { applyEdit, comparable, firstDifference, random, randomEdit } from './edit-support';
import { checkProperty, FC_SEED, SEED_TEXTS } from './property-support';

describe(`incremental analysis equals full analysis (fast-check seed ${FC_SEED})`, function () {
  this.timeout(120000);

  it('after every edit of a random sequence on the seeds (LF and CRLF)', async () => {
    let edits = 0;
    let reused = 0;
    await checkProperty(
      'incremental analysis',
      fc.property(fc.nat(SEED_TEXTS.length - 1), fc.boolean(), fc.integer(), fc.integer({ min: 1, max: 12 }), (seed, crlf, editSeed, steps) => {
        const rnd = random(editSeed);
        let text = crlf ? SEED_TEXTS[seed].replace(/\n/g, '\r\n') : SEED_TEXTS[seed];
        let previous: Analysis = analyze(text);
        for (let s = 0; s < steps; s++) {
          text = applyEdit(text, randomEdit(text, rnd));
          const incremental = analyze(text, { previous });
          const full = analyze(text);
          const [x, y] = [comparable(incremental), comparable(full)];
          if (x !== y) assert.fail(`edit ${s + 1} of seed ${seed}: incremental and full differ ${firstDifference(x, y)}`);
          // The line index too (it keeps the lines before the first change).
          const [lx, ly] = [JSON.stringify(incremental.lines.lines), JSON.stringify(full.lines.lines)];
          if (lx !== ly) assert.fail(`edit ${s + 1} of seed ${seed}: the line indexes differ ${firstDifference(lx, ly)}`);
          reused += incremental.model.items.filter((it) => previous.model.items.includes(it)).length;
          previous = incremental;
          edits++;
        }
      }),
      80,
    );
    assert.ok(reused > 0, 'some items were reused');
    console.log(`      ${edits} edits compared, ${reused} items reused`);
  });

  it('the line index of an edited text equals a fresh one, at every line ending (CR, LF, CRLF) and edit position', () => {
    const texts = ['a\r\nb\rc\nd', 'a\rb', 'a\r\n', '\r\r\n\n', 'x\u00A0y\nz\u2009\n\nw', ''];
    const inserts = ['', 'q', '\n', '\r', '\r\n', '\u00A0'];
    let compared = 0;
    for (const before of texts) {
      const old = new LineIndex(before);
      for (let start = 0; start <= before.length; start++) {
        for (let end = start; end <= Math.min(before.length, start + 2); end++) {
          for (const insert of inserts) {
            const after = before.slice(0, start) + insert + before.slice(end);
            assert.deepEqual(new LineIndex(after, old).lines, new LineIndex(after).lines, JSON.stringify({ before, start, end, insert }));
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 300);
  });

  it('a keystroke reuses every item but the one it is in', () => {
    const text = SEED_TEXTS[1];
    const before = analyze(text);
    const at = before.model.items[2].range.start.line + 3;
    const lines = text.split('\n');
    lines[at] = lines[at] + 'x';
    const after = analyze(lines.join('\n'), { previous: before });
    const reused = after.model.items.filter((it) => before.model.items.includes(it)).length;
    assert.equal(reused, before.model.items.length - 1);
    assert.equal(comparable(after), comparable(analyze(lines.join('\n'))));
  });
});
