import type { Fix, Item } from '../model';
import { describeEntry, entryOfItems, rewriteEntries } from '../toc-match';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { itemLabelRange, kindWord } from './structure-common';

const { messages, message, report } = ruleMessages({
  noItem: {
    da: 'Indholdsfortegnelsen nævner »{entry}«, men {kind} har intet punkt med den titel.',
    en: 'The table of contents lists "{entry}", but there is no item with that title in {kind}.',
  },
  otherTitle: {
    da: 'Titlen i indholdsfortegnelsen, »{entry}«, er ikke den samme som punktets: Punkt {number} hedder »{title}«.',
    en: 'The title in the table of contents, "{entry}", differs from the item\'s: item {number} is called "{title}".',
  },
  shortTitle: {
    da: 'Titlen i indholdsfortegnelsen, »{entry}«, er kortere end punktets: Punkt {number} hedder »{title}«.',
    en: 'The title in the table of contents, "{entry}", is shorter than the item\'s: item {number} is called "{title}".',
  },
  otherPlace: {
    da: '»{entry}« står et andet sted i indholdsfortegnelsen end i {kind}: Punkt {number} kommer {place}.',
    en: '"{entry}" is in another place in the table of contents than in {kind}: item {number} comes {place}.',
  },
  placeAfter: { da: 'efter Punkt {number} »{title}«', en: 'after item {number} "{title}"' },
  placeFirst: { da: 'først', en: 'first' },
  otherNumber: {
    da: 'Indholdsfortegnelsen har »{entry}« som nr. {entryNumber}, men det er Punkt {number}.',
    en: 'The table of contents numbers "{entry}" {entryNumber}, but it is item {number}.',
  },
  noEntry: {
    da: 'Indholdsfortegnelsen mangler Punkt {number} »{title}«.',
    en: 'The table of contents lacks item {number} "{title}".',
  },
  item: { da: 'Punkt {number} »{title}«', en: 'Item {number} "{title}"' },
  rewrite: { da: 'Skriv indholdsfortegnelsen om efter punkterne', en: 'Rewrite the table of contents from the items' },
});

/**
 * RF011: the table of contents (Indholdsfortegnelse) disagrees with the items: an
 * item it does not list, an entry with no item, a title written differently, an
 * entry in another order, or (numbered contents) another number. A title the contents
 * cut after a word is information; one cut inside a word (for lack of room) is no finding. Titles are compared
 * after folding whitespace, dot leaders, page numbers, emphasis, case, Unicode
 * normalisation, dash and quote forms and a trailing full stop; a "Punkt N:" or
 * "N." prefix and a category ("A - ") in an entry are not part of the title.
 * One finding per disagreement, on the entry (on the contents heading for a missing
 * entry), with the item as related information. The fix rewrites the entries from
 * the items in the document's own form, keeping the page numbers it knows.
 */
export const tocMismatch: Rule = {
  code: 'RF011',
  name: 'toc-mismatch',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Indholdsfortegnelsen stemmer ikke med punkterne.',
    en: 'The table of contents does not match the items.',
  },
  messages,
  check({ model }) {
    const toc = model.toc;
    if (!model.kind || !toc || toc.entries.length === 0 || model.items.length === 0) return [];
    const items = model.items;
    // The pairing of entries with items is the parser's (TocEntry.item), the one links follow too.
    const entries = toc.entries.map(describeEntry);
    const kind = kindWord(model.kind);
    const out: RuleFinding[] = [];
    let fixes: Fix[] | undefined;
    const fix = () => {
      if (fixes) return fixes;
      const { edit, guessed } = rewriteEntries(model, toc, entries);
      return (fixes = [{ title: message('rewrite'), edits: [edit], safe: !guessed }]);
    };
    const itemRef = (item: Item) => ({
      range: itemLabelRange(item),
      message: message('item', { number: item.number, title: item.title }),
    });

    entries.forEach((e) => {
      const idx = e.entry.item;
      if (idx === null) {
        out.push(report({ messageId: 'noItem', data: { entry: e.entry.title, kind }, range: e.entry.titleRange, fixes: fix() }));
        return;
      }
      const item = items[idx];
      if (!e.entry.sameTitle) {
        // The item's title cut after a word: shortened on purpose or for lack of room, not surely
        // wrong, so information. (Cut inside a word, it is cut for room: the same title, no finding.)
        const shortened = e.entry.shortened === true;
        out.push(
          report({
            messageId: shortened ? 'shortTitle' : 'otherTitle',
            severity: shortened ? 'information' : undefined,
            data: { entry: e.entry.title, number: item.number, title: item.title },
            range: e.entry.titleRange,
            related: [itemRef(item)],
            fixes: fix(),
          }),
        );
      }
      if (e.entry.outOfOrder) {
        const before = idx > 0 ? items[idx - 1] : undefined;
        const place = before ? message('placeAfter', { number: before.number, title: before.title }) : message('placeFirst');
        out.push(
          report({
            messageId: 'otherPlace',
            data: { entry: e.entry.title, kind, number: item.number, place },
            range: e.entry.titleRange,
            related: [itemRef(item)],
            fixes: fix(),
          }),
        );
      } else if (e.number !== null && e.number !== item.number) {
        out.push(
          report({
            messageId: 'otherNumber',
            data: { entry: e.entry.title, entryNumber: e.number, number: item.number },
            range: e.entry.range,
            related: [itemRef(item)],
            fixes: fix(),
          }),
        );
      }
    });
    const headingRange = toc.heading?.range ?? toc.range;
    const entryOf = entryOfItems(toc, items.length);
    items.forEach((item, idx) => {
      if (entryOf[idx] >= 0) return;
      out.push(
        report({ messageId: 'noEntry', data: { number: item.number, title: item.title }, range: headingRange, related: [itemRef(item)], fixes: fix() }),
      );
    });
    return out;
  },
};

export { foldTocTitle } from '../toc-match';
