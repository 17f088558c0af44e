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

describe('the contents pairing never cascades (issue 23)', () => {
  const read = (name: string) => {
    const { model, findings } = analyze(fixture(name));
    const entries = model.toc?.entries ?? [];
    return { model, entries, rf011: findings.filter((f) => f.code === 'RF011'), numbers: entries.map((e) => (e.item === null ? null : model.items[e.item].number)) };
  };

  it('"Punkt N: Title<TAB>page" contents: the entries are contents, not items, and a cut title and a wrapped one still pair', () => {
    const { model, entries, rf011, numbers } = read('toc-cut-punkt.txt');
    assert.deepEqual(model.items.map((i) => i.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(model.items[0].range.start.line, 14, 'the first item is the heading after the contents');
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6]);
    assert.equal(entries[1].title, 'Lokalplan 12 for et nyt boligområde ved Skovv', 'the page after a single space is the page');
    assert.equal(entries[1].page, 3);
    assert.equal(entries[2].title, 'Trafiksikkerhedsplan 2024-2028 for hele kommunen og de mindre byer', 'the wrapped rest joins its entry');
    assert.ok(entries.every((e) => e.sameTitle), 'a title cut in the middle of a word is the same title');
    assert.deepEqual(rf011, []);
  });

  it('a dot-leader list with a cut line and an entry wrapped before its page: every entry paired, no RF011', () => {
    const { entries, rf011, numbers } = read('toc-cut-dots.txt');
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6]);
    assert.equal(entries[3].title, 'Vintertjeneste og glatførebekæmpelse');
    assert.equal(entries[3].page, 7);
    assert.deepEqual(rf011, []);
  });

  it('one item really missing among cut and wrapped entries: exactly one RF011, on that item', () => {
    const { rf011, numbers } = read('toc-one-missing.txt');
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 7]);
    assert.equal(rf011.length, 1);
    assert.equal(rf011[0].messageId, 'noEntry');
    assert.equal(rf011[0].messageData?.number, 6);
  });

  it('a title that stops at a word is still a different title (the contents may be out of date)', () => {
    const { rf011 } = read('toc-pipe.txt');
    assert.deepEqual(rf011.map((f) => f.messageId), ['otherTitle']);
  });
});
