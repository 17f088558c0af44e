/**
 * The contents are paired with the items once, by the parser (TocEntry.item): RF011 and the
 * links from an entry (go-to-definition, document links) read that one pairing, so they agree.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { definition, documentLinks } from '../../server/src/features/links';
import { ROOT } from './helpers';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'structure', name), 'utf8');

describe('the contents pairing', () => {
  // Entries: a renamed title (item 1), a gap (item 2 not listed), item 3, then items 5 and 4 in swapped order.
  const { model, findings } = analyze(fixture('toc-pairing.txt'));
  const entries = model.toc!.entries;
  const numberOf = (k: number) => (entries[k].item === null ? null : model.items[entries[k].item!].number);
  const rf011 = findings.filter((f) => f.code === 'RF011');

  it('gives each entry its item, across a gap, a reordering and a renamed title', () => {
    assert.deepEqual(entries.map((_, k) => numberOf(k)), [1, 3, 5, 4]);
    assert.deepEqual(entries.map((e) => e.sameTitle), [false, true, true, true]);
    assert.equal(entries.filter((e) => e.outOfOrder).length, 1);
  });

  it('links each entry to the item RF011 compares it with', () => {
    const uri = 'file:///toc-pairing.txt';
    const links = documentLinks(model, uri);
    assert.equal(links.length, entries.length);
    entries.forEach((entry, k) => {
      const item = model.items[entry.item!];
      const target = definition(model, uri, entry.range.start);
      assert.deepEqual(target.map((l) => l.range), [item.headingRange]);
      assert.equal(links[k].target, `${uri}#L${item.headingRange.start.line + 1}`);
      // Every RF011 finding on this entry names the same item as related information.
      for (const f of rf011.filter((f) => f.range.start.line === entry.range.start.line)) {
        assert.ok(f.related?.some((r) => r.range.start.line === item.headingRange.start.line), f.message.da);
      }
    });
  });

  it('has RF011 report the renamed title, the entry out of place and the item the contents lack', () => {
    const lines = rf011.map((f) => f.range.start.line + 1).sort((a, b) => a - b);
    const outOfPlace = entries.find((e) => e.outOfOrder)!.range.start.line + 1;
    assert.deepEqual(lines, [3, 5, outOfPlace].sort((a, b) => a - b));
  });
});
