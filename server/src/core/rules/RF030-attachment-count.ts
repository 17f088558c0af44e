import type { Attachment, AttachmentCount, Fix, Item, TextEdit } from '../model';
import type { Profile } from '../profiles/profile';
import { joinList, perLanguage } from '../messages';
import { ruleMessages, type Rule, type RuleFinding } from './rule';

const { messages, message, report } = ruleMessages({
  contradictory: {
    da: 'Optællingen »{count}« siger, at flere bilag anbefales, end der er bilag.',
    en: 'The count "{count}" says more attachments are recommended than there are attachments.',
  },
  typoMakesRight: {
    da: '{word} er formentlig en stavefejl for {marker}; så passer optællingen {count}{others}. Nu er kun {exact} {attachmentsAre} mærket {marker}.',
    en: '{word} is probably a misspelling of {marker}; then the count {count} is right{others}. Now only {exact} {attachmentsAre} marked {marker}.',
  },
  otherTypo: { da: ' (når også den anden stavefejl er rettet)', en: ' (once the other misspelling is corrected too)' },
  otherTypos: { da: ' (når også de {others} andre stavefejl er rettet)', en: ' (once the {others} other misspellings are corrected too)' },
  attachmentIs: { da: 'bilag', en: 'attachment is' },
  attachmentsAre: { da: 'bilag', en: 'attachments are' },
  typoMakesWrong: {
    da: '{word} ligner en stavefejl for {marker}, men optællingen {count} regner kun med {recommended} {recommendedAttachments}. Ret mærket eller optællingen.',
    en: '{word} looks like a misspelling of {marker}, but the count {count} has only {recommended} {recommendedAttachments}. Correct the mark or the count.',
  },
  recommendedOne: { da: 'anbefalet bilag', en: 'recommended attachment' },
  recommendedMany: { da: 'anbefalede bilag', en: 'recommended attachments' },
  typo: { da: '{word} er formentlig en stavefejl for {marker}.', en: '{word} is probably a misspelling of {marker}.' },
  countMismatch: {
    da: 'Optællingen {count} passer ikke med bilagslisten, som har {list}.',
    en: 'The count {count} does not match the attachment list, which has {list}.',
  },
  listTotal: { da: '{listed} {attachments}', en: '{listed} {attachments}' },
  listMarked: {
    da: '{listed} {attachments}, heraf {marked} mærket {marker}{withTypos}',
    en: '{listed} {attachments}, {marked} of them marked {marker}{withTypos}',
  },
  withTypos: { da: ' (medregnet {typos})', en: ' (counting {typos})' },
  attachment: { da: 'bilag', en: 'attachment' },
  attachments: { da: 'bilag', en: 'attachments' },
  countLine: { da: 'Optællingen af bilag', en: 'The attachment count' },
  list: { da: 'Bilagslisten', en: 'The attachment list' },
  fixSpelling: { da: 'Ret stavningen til {marker}', en: 'Correct the spelling to {marker}' },
  fixCount: { da: 'Ret optællingen til »{count}«', en: 'Change the count to "{count}"' },
});

/** "1 attachment", "2 attachments" (Danish: "bilag" either way). */
const attachmentWord = (n: number) => message(n === 1 ? 'attachment' : 'attachments');

/** The count lines quoted and joined: "\"1 bilag\" og \"2 bilag\"". */
function quotedCounts(counts: readonly AttachmentCount[]) {
  return joinList(counts.map((c) => perLanguage(`»${c.text}«`, `"${c.text}"`)), 'and');
}

/**
 * RF030: an attachment count line ("2 bilag, heraf 2 anbefales") that does not match
 * the attachment list below it: the number of attachments, or the number marked with
 * the profile's recommendation marker (ANBEFALES). The parser already reads a near
 * miss of the marker (ANBEALES, ANBEFALS, ANEBFALES: edit distance ≤ 2) as a mark,
 * and when correcting the spelling makes the count right the finding is on the
 * misspelt word, with a safe fix; otherwise it is on the count line.
 *
 * Counted per sub-point when a Meddelelser item gives each sub-point its own count
 * line and numbers the attachments by sub-point ("1.3", "1.4" in Punkt 1). Nothing is
 * compared without a list (PDF text often loses it) or without a count line.
 */
export const attachmentCount: Rule = {
  code: 'RF030',
  name: 'attachment-count',
  defaultSeverity: 'warning',
  tags: ['attachments'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Antallet af bilag eller anbefalede bilag passer ikke med bilagslisten.',
    en: 'The number of attachments or recommended attachments does not match the attachment list.',
  },
  messages,
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (item.attachments.length === 0 && item.attachmentCounts.length === 0) continue;
      for (const group of groupsOf(item)) checkGroup(group, profile, out);
    }
    return out;
  },
};

interface Group {
  counts: AttachmentCount[];
  attachments: Attachment[];
}

/**
 * One group for the whole item, or one per sub-point when every count line belongs to
 * a sub-point and every attachment is numbered "<item>.<sub-point>" of one of them.
 * (A count line's sub-point can be a stray list number above it; then the attachments'
 * numbers do not line up with it and the item is counted as a whole.)
 */
function groupsOf(item: Item): Group[] {
  const { attachmentCounts: counts, attachments } = item;
  const whole = [{ counts, attachments }];
  if (counts.length === 0 || attachments.length === 0 || counts.some((c) => c.subPoint === null)) return whole;
  const subPoints = new Set(counts.map((c) => c.subPoint));
  const subOf = attachments.map((a) => {
    const m = /^(\d+)\.(\d+)\.?$/.exec(a.number?.text ?? '');
    return m && Number(m[1]) === item.number ? Number(m[2]) : null;
  });
  if (subOf.some((s) => s === null || !subPoints.has(s))) return whole;
  const groups = new Map<number, Group>();
  for (const c of counts) {
    const g = groups.get(c.subPoint!) ?? { counts: [], attachments: [] };
    g.counts.push(c);
    groups.set(c.subPoint!, g);
  }
  attachments.forEach((a, k) => groups.get(subOf[k]!)!.attachments.push(a));
  return [...groups.values()];
}

function checkGroup(group: Group, profile: Profile, out: RuleFinding[]): void {
  const { counts, attachments } = group;
  const marker = profile.marker;
  const exact = attachments.filter((a) => a.marker?.text === marker).length;
  const misspelt = attachments.filter((a) => a.marker !== undefined && a.marker.text !== marker);
  const marked = exact + misspelt.length;

  // A count line that contradicts itself ("1 bilag, heraf 2 anbefales") is wrong whatever the list says.
  const contradictory = counts.filter((c) => c.recommended !== null && c.recommended > c.total);
  for (const c of contradictory) {
    out.push(report({ messageId: 'contradictory', data: { count: c.text }, range: c.range }));
  }

  const compare = counts.length > 0 && attachments.length > 0 && contradictory.length === 0;
  const total = counts.reduce((n, c) => n + c.total, 0);
  const recommended = counts.every((c) => c.recommended !== null) ? counts.reduce((n, c) => n + c.recommended!, 0) : null;
  const totalRight = !compare || total === attachments.length;
  const typosMakeItRight = compare && totalRight && recommended !== null && exact !== recommended && marked === recommended;
  const typosMakeItWrong = compare && recommended !== null && exact === recommended && misspelt.length > 0;
  const countLine = counts[0];
  const count = quotedCounts(counts);

  for (const a of misspelt) {
    const word = a.marker!;
    const spelling: Fix = {
      title: message('fixSpelling', { marker }),
      edits: [{ range: word.range, newText: marker }],
      safe: !typosMakeItWrong,
    };
    const at = {
      range: word.range,
      related: countLine ? [{ range: countLine.range, message: message('countLine') }] : undefined,
      fixes: [spelling],
    };
    if (typosMakeItRight) {
      const others = misspelt.length - 1;
      const othersNote = others === 0 ? '' : others === 1 ? message('otherTypo') : message('otherTypos', { others });
      const attachmentsAre = message(exact === 1 ? 'attachmentIs' : 'attachmentsAre');
      out.push(report({ messageId: 'typoMakesRight', data: { word: word.text, marker, count, others: othersNote, exact, attachmentsAre }, ...at }));
    } else if (typosMakeItWrong) {
      const recommendedAttachments = message(recommended === 1 ? 'recommendedOne' : 'recommendedMany');
      out.push(report({ messageId: 'typoMakesWrong', data: { word: word.text, marker, count, recommended: recommended!, recommendedAttachments }, ...at }));
    } else {
      out.push(report({ messageId: 'typo', data: { word: word.text, marker }, ...at }));
    }
  }

  if (!compare || typosMakeItRight) return;
  const recommendedRight = recommended === null || exact === recommended || typosMakeItWrong;
  if (totalRight && recommendedRight) return;
  const listed = attachments.length;
  // Misspelt marks count as marks, unless the count line says they are not recommended (typosMakeItWrong).
  const counted = typosMakeItWrong ? [] : misspelt;
  const listMarked = exact + counted.length;
  const withTypos = counted.length > 0 ? message('withTypos', { typos: counted.map((a) => a.marker!.text).join(', ') }) : '';
  const list =
    recommended === null
      ? message('listTotal', { listed, attachments: attachmentWord(listed) })
      : message('listMarked', { listed, attachments: attachmentWord(listed), marked: listMarked, marker, withTypos });
  const fix = counts.length === 1 ? recount(countLine, profile, listed, recommended === null ? null : listMarked) : null;
  out.push(
    report({
      messageId: 'countMismatch',
      data: { count, list },
      range: countLine.range,
      related: [{ range: attachments[0].range, message: message('list') }],
      fixes: fix ? [fix] : [],
    }),
  );
}

/** The count line rewritten to what the list says (not safe: the list may be what is wrong). */
function recount(count: AttachmentCount, profile: Profile, total: number, recommended: number | null): Fix | null {
  const pattern = new RegExp(profile.countPattern.source, profile.countPattern.flags.replace(/[gyd]/g, '') + 'd');
  const indices = pattern.exec(count.text)?.indices?.groups;
  if (!indices?.total) return null;
  const at = (span: [number, number], value: number): TextEdit => ({
    range: {
      start: { line: count.range.start.line, character: count.range.start.character + span[0] },
      end: { line: count.range.start.line, character: count.range.start.character + span[1] },
    },
    newText: String(value),
  });
  const edits: TextEdit[] = [];
  const written = (span: [number, number]) => Number(count.text.slice(span[0], span[1]));
  if (written(indices.total) !== total) edits.push(at(indices.total, total));
  if (recommended !== null && indices.recommended && written(indices.recommended) !== recommended) {
    edits.push(at(indices.recommended, recommended));
  }
  if (edits.length === 0) return null;
  let text = count.text;
  edits.sort((a, b) => a.range.start.character - b.range.start.character);
  for (const e of [...edits].reverse()) {
    const from = e.range.start.character - count.range.start.character;
    const to = e.range.end.character - count.range.start.character;
    text = text.slice(0, from) + e.newText + text.slice(to);
  }
  return { title: message('fixCount', { count: text }), edits, safe: false };
}
