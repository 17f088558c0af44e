/**
 * Edits behind the editing commands (New item, Renumber, Update table of contents, Turn agenda into minutes)
 * and the skeleton of a new document. They are offered, never applied by
 * themselves: the client applies them only when the user runs a command.
 * `lineText` gives a line as written, so new headings copy the document's own style.
 */
import { MONTH_FULL, numericDanishDate, WEEKDAYS } from './dates';
import type { DocumentKind, Fix, Item, MinutesDocument, Position, Section, SectionRole, TextEdit } from './model';
import type { Profile } from './profiles/profile';
import { insertSectionEdit, MISSING_TEXT, roleHeading } from './sections';
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
  const blocks = newItemRoles(profile, kind).map((role) => `${decorated(role)}${eol}${eol}${MISSING_TEXT}`);
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

/** A skeleton referat or dagsorden in the profile's usual form, dated with its weekday. */
export function newDocumentText(profile: Profile, kind: DocumentKind, committee: string, date: Date): string {
  const d = String(date.getDate()).padStart(2, '0');
  const weekday = WEEKDAYS[date.getDay()];
  const written = `${weekday[0].toUpperCase()}${weekday.slice(1)} d. ${d}. ${MONTH_FULL[date.getMonth()]} ${date.getFullYear()}`;
  const kindWord = kind === 'referat' ? 'REFERAT' : 'DAGSORDEN';
  const markdown = profile.itemHeadings.every((f) => f.pattern.source.startsWith('^#'));
  const sections = newItemRoles(profile, kind).map((role) => {
    const heading = profile.json.sections?.find((s) => s.role === role && s.headings?.length)?.headings?.[0] ?? role;
    return markdown ? `### **${heading}**\n\n${MISSING_TEXT}` : `${heading}\n\n${MISSING_TEXT}`;
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
    `${kindWord} ${committee} d. ${numericDanishDate(date)}`, `Mødedato ${written}`, 'Mødested ', 'Mødedeltagere ',
    item(1, 'Titel'),
  ].join('\n\n') + '\n';
}

/*
 * Quick fixes of the structure rules (RF001, RF004, RF005, RF006, RF040). The rules judge
 * the model; these builders write the edits. Moving or merging a section copies its lines
 * as written, so they take the document's lines (`lineText`); without them they offer nothing.
 */

/** The section before `section` in its item, if any. */
function previousSection(item: Item, section: Section): Section | undefined {
  const k = item.sections.indexOf(section);
  return k > 0 ? item.sections[k - 1] : undefined;
}

/** The blank lines the document writes before a section heading (at least one line break). */
function separatorBefore(model: MinutesDocument, item: Item, section: Section): string {
  const eol = model.eol ?? '\n';
  const previous = previousSection(item, section);
  const blank = previous ? Math.max(0, section.headingRange.start.line - previous.range.end.line - 1) : 1;
  return eol.repeat(blank + 1);
}

/**
 * Removes a section (heading and text) with the blank lines before it, so that what
 * follows keeps its own spacing. A first section goes with the lines up to the next
 * heading; an item's only section is not removed this way (null).
 */
export function removeSectionEdit(item: Item, section: Section): TextEdit | null {
  const previous = previousSection(item, section);
  if (previous) return { range: { start: previous.range.end, end: section.range.end }, newText: '' };
  const next = item.sections[item.sections.indexOf(section) + 1];
  if (!next) return null;
  return { range: { start: { line: section.headingRange.start.line, character: 0 }, end: { line: next.headingRange.start.line, character: 0 } }, newText: '' };
}

/** The lines of a section as written, from its heading to its last text line. */
function sectionLines(section: Section, lineText: LineText): string[] {
  const out: string[] = [];
  for (let line = section.headingRange.start.line; line <= section.range.end.line; line++) out.push(lineText(line));
  return out;
}

/** RF004: moves a section (heading and text) to just before the section the template puts after it. */
export function moveSectionBeforeEdits(model: MinutesDocument, item: Item, section: Section, before: Section, lineText: LineText | undefined): TextEdit[] | null {
  if (!lineText || before.headingRange.start.line >= section.headingRange.start.line) return null;
  const removal = removeSectionEdit(item, section);
  if (!removal) return null;
  const eol = model.eol ?? '\n';
  const at = { line: before.headingRange.start.line, character: 0 };
  const text = sectionLines(section, lineText).join(eol);
  return [{ range: { start: at, end: at }, newText: `${text}${separatorBefore(model, item, before)}` }, removal];
}

/**
 * RF006: the repeated section's text is appended to the first one and its heading goes.
 * Nothing is lost: every line under the second heading lands under the first.
 */
export function mergeSectionIntoEdits(model: MinutesDocument, item: Item, repeat: Section, first: Section, lineText: LineText | undefined): TextEdit[] | null {
  if (!lineText || first.headingRange.start.line >= repeat.headingRange.start.line) return null;
  const eol = model.eol ?? '\n';
  const body = sectionLines(repeat, lineText).slice(1);
  while (body.length > 0 && body[0].trim() === '') body.shift();
  const appended = body.length > 0 ? `${eol}${eol}${body.join(eol)}` : '';
  if (previousSection(item, repeat) === first) {
    return [{ range: { start: first.range.end, end: repeat.range.end }, newText: appended }];
  }
  const removal = removeSectionEdit(item, repeat);
  if (!removal) return null;
  return appended ? [{ range: { start: first.range.end, end: first.range.end }, newText: appended }, removal] : [removal];
}

/**
 * RF040: writes a usual decision phrase under an empty decision heading, replacing the
 * placeholder a quick fix inserted. What was decided is the clerk's choice: never safe.
 */
export function writeDecisionEdit(model: MinutesDocument, section: Section, phrase: string): TextEdit {
  const eol = model.eol ?? '\n';
  const placeholder = section.body.find((b) => b.text === MISSING_TEXT);
  if (placeholder) return { range: placeholder.range, newText: phrase };
  // With no text under it, the section ends at the end of its heading line (Markdown markers included).
  return { range: { start: section.range.end, end: section.range.end }, newText: `${eol}${eol}${phrase}` };
}

/* The fixes as the rules offer them: edits with a title in both languages. */

/** RF001: insert the decision heading (with the placeholder RF040 still reports) at its place in the template. */
export function insertSectionFix(model: MinutesDocument, profile: Profile, item: Item, role: SectionRole): Fix[] | undefined {
  const edit = insertSectionEdit(model, profile, item, role);
  if (!edit) return undefined;
  const heading = roleHeading(model, profile, role);
  return [{ title: { da: `Indsæt afsnittet »${heading}«`, en: `Insert the section "${heading}"` }, edits: [edit] }];
}

/** RF004: move the section to where the template puts it. */
export function moveSectionFix(model: MinutesDocument, item: Item, section: Section, before: Section, lineText: LineText | undefined): Fix[] | undefined {
  const edits = moveSectionBeforeEdits(model, item, section, before, lineText);
  if (!edits) return undefined;
  return [{ title: { da: `Flyt »${section.heading}« op før »${before.heading}«`, en: `Move "${section.heading}" up before "${before.heading}"` }, edits }];
}

/** RF005: delete the empty heading (and the placeholder under it). */
export function deleteEmptySectionFix(item: Item, section: Section): Fix[] | undefined {
  const edit = removeSectionEdit(item, section);
  if (!edit) return undefined;
  return [{ title: { da: `Slet den tomme overskrift »${section.heading}«`, en: `Delete the empty heading "${section.heading}"` }, edits: [edit] }];
}

/** RF006: merge the repeated section into the first one. */
export function mergeSectionsFix(model: MinutesDocument, item: Item, repeat: Section, first: Section, lineText: LineText | undefined): Fix[] | undefined {
  const edits = mergeSectionIntoEdits(model, item, repeat, first, lineText);
  if (!edits) return undefined;
  return [{ title: { da: `Flyt teksten op under den første »${first.heading}«`, en: `Merge the text into the first "${first.heading}"` }, edits }];
}

/** RF040: the profile's usual decision phrases (the first three), each a fix of its own. */
export function decisionPhraseFixes(model: MinutesDocument, profile: Profile, section: Section): Fix[] | undefined {
  const phrases = profile.decisionPhrases.slice(0, 3);
  if (phrases.length === 0) return undefined;
  return phrases.map((phrase) => ({ title: { da: `Skriv »${phrase}«`, en: `Write "${phrase}"` }, edits: [writeDecisionEdit(model, section, phrase)] }));
}

/** "Update table of contents": the entries written again from the items; none when they already agree. */
export function updateTocEdits(model: MinutesDocument): TextEdit[] {
  const edit = tocRewriteEdit(model);
  return edit ? [edit] : [];
}
