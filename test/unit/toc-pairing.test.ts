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
    assert.match(entries[1].title, /Lokalplan 12 for et nyt boligområde ved Skovv$/, 'the page after a single space is the page');
    assert.equal(entries[1].page, 3);
    assert.equal(entries[2].title, 'Trafiksikkerhedsplan 2024-2028 for hele kommunen og de mindre byer', 'the wrapped rest joins its entry');
    assert.ok(entries.every((e) => e.sameTitle), 'a title cut in the middle of a word is the same title');
    assert.deepEqual(rf011, []);
  });

  it('a dot-leader list with a cut line and an entry wrapped before its page: every entry paired, no RF011', () => {
    const { entries, rf011, numbers } = read('toc-cut-dots.txt');
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6]);
    assert.match(entries[3].title, /Vintertjeneste og glatførebekæmpelse$/);
    assert.equal(entries[3].page, 7);
    assert.deepEqual(rf011, []);
  });

  it('one item really missing among cut and wrapped entries: exactly one RF011, on that item', () => {
    const { rf011, numbers } = read('toc-one-missing-punkt.txt');
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 7]);
    assert.equal(rf011.length, 1);
    assert.equal(rf011[0].messageId, 'noEntry');
    assert.equal(rf011[0].messageData?.number, 6);
  });

  it('a title that stops at a word is reported as shorter than the item\'s, as an information only', () => {
    const { rf011 } = read('toc-pipe.txt');
    assert.equal(rf011.length, 1);
    assert.equal(rf011[0].severity, 'information');
  });
});

/**
 * Issue 23: a title the contents cut for lack of room, or an entry or a heading wrapped over two
 * lines, must not make the pairing lose its place (it used to report every later item missing).
 */
describe('the contents pairing never cascades: cut, wrapped and numbered entries', () => {
  const read = (text: string) => {
    const { model, findings } = analyze(text);
    const entries = model.toc!.entries;
    return {
      model,
      entries,
      numbers: entries.map((e) => (e.item === null ? null : model.items[e.item].number)),
      rf011: findings.filter((f) => f.code === 'RF011'),
    };
  };
  const items = (titles: string[]) => titles.map((t, k) => `Punkt ${k + 1}: ${t}\n\nBeslutning\n\nGodkendt.\n`).join('\n');
  const header = 'Referat Teknik- og Miljøudvalget d. 14-03-2023\n\nIndholdsfortegnelse\n\n';

  it('reads an entry cut inside a word before its page (no leader) as that item, and every later entry as its own', () => {
    const { entries, numbers, rf011 } = read(fixture('toc-truncated.txt'));
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual([entries[2].title, entries[2].page], ['Lokalplan 12 for et nyt boligområde ved Skovvejen i Nørre Ly', 4]);
    assert.ok(entries.every((e) => e.sameTitle && !e.outOfOrder));
    assert.deepEqual(rf011, []);
  });

  it('joins an entry wrapped over two lines, and compares an item heading wrapped over two lines with its whole title', () => {
    const { model, entries, numbers, rf011 } = read(fixture('toc-wrapped.txt'));
    assert.deepEqual(numbers, [1, 2, 3, 4, 5]);
    assert.equal(entries[1].title, 'Forslag til kommuneplantillæg nr. 7 og lokalplan 45 for erhvervsområdet ved Ringvejen');
    assert.deepEqual([entries[1].range.start.line, entries[1].range.end.line], [5, 6]);
    // The heading "Punkt 4: Udbud af vintertjeneste og" goes on under it; the contents give the whole title.
    assert.equal(model.items[3].title, 'Udbud af vintertjeneste og');
    assert.ok(entries.every((e) => e.sameTitle));
    assert.deepEqual(rf011, []);
  });

  it('reports an item really missing from the contents once, on the right item, beside a cut title', () => {
    const { model, numbers, rf011 } = read(fixture('toc-one-missing.txt'));
    assert.deepEqual(numbers, [1, 2, 3, 4, 6, 7, 8]);
    assert.equal(rf011.length, 1);
    const [missing] = rf011;
    assert.equal(missing.severity, 'warning');
    assert.equal(missing.messageId, 'noEntry');
    assert.deepEqual(missing.related?.map((r) => r.range.start.line), [model.items[4].headingRange.start.line]);
  });

  it('reads numbered contents with a cut title and a wrapped entry whose last line has no leader', () => {
    const text =
      header +
      '1. Godkendelse af dagsorden\t1\n2. Lokalplan 12 for et nyt boligområde ved Skovv 3\n3. Trafiksikkerhedsplan 2023-2026\t5\n' +
      '4. Forslag til kommuneplantillæg nr. 7 og lokalplan 45 for\nerhvervsområdet ved Ringvejen\t7\n5. Affaldsplan for Nordby\t9\n\n' +
      items([
        'Godkendelse af dagsorden',
        'Lokalplan 12 for et nyt boligområde ved Skovvejen i Nordby, forslag til vedtagelse',
        'Trafiksikkerhedsplan 2023-2026',
        'Forslag til kommuneplantillæg nr. 7 og lokalplan 45 for erhvervsområdet ved Ringvejen',
        'Affaldsplan for Nordby',
      ]);
    const { entries, numbers, rf011 } = read(text);
    assert.deepEqual(entries.map((e) => [e.number, e.page]), [[1, 1], [2, 3], [3, 5], [4, 7], [5, 9]]);
    assert.deepEqual(numbers, [1, 2, 3, 4, 5]);
    assert.deepEqual(rf011, []);
  });

  it('does not take a cut "Punkt N:" entry amid the contents for an item heading', () => {
    const text =
      header +
      'Punkt 1: Godkendelse af dagsorden.....\t1\nPunkt 2: Lokalplan 12 for et nyt boligområde ved Skovv 3\nPunkt 3: Affaldsplan for Nordby.....\t5\n\n' +
      items(['Godkendelse af dagsorden', 'Lokalplan 12 for et nyt boligområde ved Skovvejen i Nordby', 'Affaldsplan for Nordby']);
    const { model, numbers, rf011 } = read(text);
    assert.deepEqual(model.items.map((i) => i.headingRange.start.line), [8, 14, 20]);
    assert.deepEqual(numbers, [1, 2, 3]);
    assert.deepEqual(rf011, []);
  });

  it('tells a title cut after a word as one information, and a title really different as one warning', () => {
    const shortened = read(fixture('toc-pipe.txt')).rf011;
    assert.deepEqual(shortened.map((f) => [f.messageId, f.severity]), [['shortTitle', 'information']]);
    const text =
      header +
      'Godkendelse af dagsorden.....\t1\nLokalplan 12 for et nyt boligområde ved Skovv 3\nIdrætsstrategi.....\t5\nAffaldsplan for Nordby.....\t7\n\n' +
      items(['Godkendelse af dagsorden', 'Lokalplan 12 for et nyt boligområde ved Skovvejen i Nordby', 'Kulturpolitik 2024', 'Affaldsplan for Nordby']);
    const { numbers, rf011 } = read(text);
    assert.deepEqual(numbers, [1, 2, 3, 4]);
    assert.deepEqual(rf011.map((f) => [f.messageId, f.severity, f.range.start.line]), [['otherTitle', 'warning', 6]]);
  });

  it('keeps its place over a long contents where every title is cut and some items are missing', () => {
    const titles = Array.from({ length: 300 }, (_, k) => `Ansøgning om tilskud til foreningen nr. ${k + 1} i lokalområdet Vestby og omegn`);
    const missing = new Set([17, 140, 141, 260]);
    const lines = titles.map((t, k) => (missing.has(k) ? '' : `${t.slice(0, 52)} ${k + 2}`)).filter((l) => l !== '');
    const text = `${header}${lines.map((l, k) => (k % 2 === 0 ? l : `${l.replace(/ (\d+)$/, '.....\t$1')}`)).join('\n')}\n\n${items(titles)}`;
    const { numbers, rf011 } = read(text);
    assert.deepEqual(numbers, titles.map((_, k) => k + 1).filter((n) => !missing.has(n - 1)));
    assert.deepEqual(rf011.map((f) => f.messageId), ['noEntry', 'noEntry', 'noEntry', 'noEntry']);
  });
});
