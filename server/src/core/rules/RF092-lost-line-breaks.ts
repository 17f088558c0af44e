import { ruleMessages, type Rule } from './rule';

const { messages, report } = ruleMessages({
  lostLineBreaks: {
    da: 'Teksten har mistet sine linjeskift: hver side står på én lang linje ({pages}), så Referat kan ikke læse punkternes afsnit og kontrollerer dem ikke. Åbn den oprindelige PDF, eller kopiér teksten igen fra et program, der bevarer linjerne.',
    en: 'The text has lost its line breaks: each page is one long line ({pages}), so Referat cannot read the items\' sections and does not check them. Open the original PDF, or copy the text again from a program that keeps the lines.',
  },
});

/** "1 side", "3 sider"; "1 page", "3 pages". */
function pagesPhrase(n: number): { da: string; en: string } {
  return { da: `${n} ${n === 1 ? 'side' : 'sider'}`, en: `${n} ${n === 1 ? 'page' : 'pages'}` };
}

/**
 * RF092: the text lost its line breaks (one line per PDF page, as some converters and web transcripts of PDFs
 * give it; parse/lost-lines.ts). Information only, once per document, on the first page line: the structure
 * rules are not run on such text (their findings would be about the converter, not the minutes).
 */
export const lostLineBreaks: Rule = {
  code: 'RF092',
  name: 'lost-line-breaks',
  defaultSeverity: 'information',
  tags: ['document'],
  fixable: false,
  description: {
    da: 'Teksten har mistet sine linjeskift (én linje pr. side).',
    en: 'The text has lost its line breaks (one line per page).',
  },
  messages,
  check({ model }) {
    const lost = model.lineBreaksLost;
    if (!lost) return [];
    const at = { line: lost.firstPage, character: 0 };
    return [report({ messageId: 'lostLineBreaks', data: { pages: pagesPhrase(lost.pages) }, range: { start: at, end: at } })];
  },
};
