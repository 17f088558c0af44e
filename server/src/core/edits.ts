/**
 * Edits behind the editing commands (New item, Renumber, Update table of contents, Turn agenda into minutes)
 * and the skeleton of a new document. They are offered, never applied by
 * themselves: the client applies them only when the user runs a command.
 * `lineText` gives a line as written, so new headings copy the document's own style.
 */
import { WEEKDAYS } from './dates';
import type { DocumentKind, Item, MinutesDocument, Position, SectionRole, TextEdit } from './model';
import type { Profile } from './profiles/profile';
import { insertSectionEdit, PLACEHOLDER, roleHeading } from './rules/structure-common';
import { tocRewriteEdit } from './toc-match';

export type LineText = (line: number) => string;

/** The roles a new item gets: what the template requires for this kind, in template order. */
export function newItemRoles(profile: Profile, kind: DocumentKind): SectionRole[] {
  const required = new Set(profile.required[kind]);
  if (kind === 'referat') required.add('decision');
  const ordered = profile.order.filter((r) => required.has(r));
  for (const r of required) if (!ordered.includes(r)) ordered.push(r);
  return ordered;
}

/** "Punkt 4: <title>" written like the last item's heading ("## **4. <title>**", …). */
export function itemHeadingLike(last: Item | undefined, lineText: LineText, number: number, title: string): string {
  if (!last || last.numberRange.start.line !== last.titleRange.start.line) return `Punkt ${number}: ${title}`;
  const line = lineText(last.numberRange.start.line);
  const between = line.slice(last.numberRange.end.character, last.category ? last.category.range.start.character : last.titleRange.start.character);
  return `${line.slice(0, last.numberRange.start.character)}${number}${between}${title}${line.slice(last.titleRange.end.character)}`;
}

/** The text of a new item: heading, then the template's section headings with placeholders. */
export function newItemText(model: MinutesDocument, profile: Profile, lineText: LineText, title: string): string {
  const eol = model.eol ?? '\n';
  const last = model.items[model.items.length - 1];
  const number = last ? last.number + 1 : 1;
  const kind = model.kind ?? 'dagsorden';
  const decorated = (role: SectionRole) => {
    const styled = model.items.flatMap((i) => i.sections).find((s) => s.decoration);
    const d = styled?.decoration;
    return `${d?.before ?? ''}${roleHeading(model, profile, role)}${d?.after ?? ''}`;
  };
  const blocks = newItemRoles(profile, kind).map((role) => `${decorated(role)}${eol}${eol}${PLACEHOLDER}`);
  return [itemHeadingLike(last, lineText, number, title), ...blocks].join(`${eol}${eol}`);
}

/** Inserts a new item after the last one (or at the end of the document). */
export function newItemEdit(model: MinutesDocument, profile: Profile, lineText: LineText, end: Position, title: string): TextEdit {
  const eol = model.eol ?? '\n';
  const last = model.items[model.items.length - 1];
  const at = last ? last.range.end : end;
  return { range: { start: at, end: at }, newText: `${eol}${eol}${newItemText(model, profile, lineText, title)}${eol}` };
}

/** Numbers the items 1, 2, 3, … from the first item's number (a council may count through the year). */
export function renumberEdits(model: MinutesDocument): TextEdit[] {
  const first = model.items[0]?.number ?? 1;
  return model.items
    .map((item, k) => ({ item, want: first + k }))
    .filter(({ item, want }) => item.number !== want)
    .map(({ item, want }) => ({ range: item.numberRange, newText: String(want) }));
}

/**
 * An agenda becomes minutes: the title's kind word becomes "Referat" (in the same
 * case), and every item that needs a decision gets an empty decision section.
 */
export function agendaToMinutesEdits(model: MinutesDocument, profile: Profile): TextEdit[] {
  const edits: TextEdit[] = [];
  const title = model.header?.title;
  if (title) {
    const m = /\b(DAGSORDEN|Dagsorden|dagsorden)\b/.exec(title.text);
    if (m) {
      const start = { line: title.range.start.line, character: title.range.start.character + m.index };
      const word = m[1] === 'DAGSORDEN' ? 'REFERAT' : m[1] === 'Dagsorden' ? 'Referat' : 'referat';
      edits.push({ range: { start, end: { line: start.line, character: start.character + m[1].length } }, newText: word });
    }
  }
  const asMinutes: MinutesDocument = { ...model, kind: 'referat' };
  for (const item of model.items) {
    if (item.exempt || item.decision) continue;
    const edit = insertSectionEdit(asMinutes, profile, item, 'decision');
    if (edit) edits.push(edit);
  }
  return edits;
}

const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** A skeleton referat or dagsorden in the profile's usual form, dated with its weekday. */
export function newDocumentText(profile: Profile, kind: DocumentKind, committee: string, date: Date): string {
  const d = String(date.getDate()).padStart(2, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const weekday = WEEKDAYS[date.getDay()];
  const written = `${weekday[0].toUpperCase()}${weekday.slice(1)} d. ${d}. ${MONTHS_DA[date.getMonth()]} ${date.getFullYear()}`;
  const kindWord = kind === 'referat' ? 'REFERAT' : 'DAGSORDEN';
  const markdown = profile.itemHeadings.every((f) => f.pattern.source.startsWith('^#'));
  const sections = newItemRoles(profile, kind).map((role) => {
    const heading = profile.json.sections?.find((s) => s.role === role && s.headings?.length)?.headings?.[0] ?? role;
    return markdown ? `### **${heading}**\n\n${PLACEHOLDER}` : `${heading}\n\n${PLACEHOLDER}`;
  });
  const item = (n: number, title: string) => [markdown ? `## **${n}. ${title}**` : `Punkt ${n}: ${title}`, ...sections].join('\n\n');
  if (markdown) {
    return [
      `# ${profile.name}`, `## ${committee}`, `### ${kind === 'referat' ? 'Referat' : 'Dagsorden'}`,
      `Dato: ${written.replace(' d. ', ' den ')}`, 'Mødetidspunkt: ', 'Mødelokale: ', 'Medlemmer: ', 'Fraværende: ',
      item(1, 'Godkendelse af dagsorden'), item(2, 'Titel'),
    ].join('\n\n') + '\n';
  }
  return [
    `${kindWord} ${committee} d. ${d}-${m}-${date.getFullYear()}`, `Mødedato ${written}`, 'Mødested ', 'Mødedeltagere ',
    item(1, 'Titel'),
  ].join('\n\n') + '\n';
}

/** "Update table of contents": the entries written again from the items; none when they already agree. */
export function updateTocEdits(model: MinutesDocument): TextEdit[] {
  const edit = tocRewriteEdit(model);
  return edit ? [edit] : [];
}
