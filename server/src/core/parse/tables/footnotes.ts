/**
 * The footnotes under a table, of any form: "1 Heraf …", "1) …", "¹ …", "*) …", "(*) …" and
 * notes ("Note: …", "Anm. …"), with a source line or a switch comment among them. The checks read
 * them to explain a difference and to tell a glued marker ("751" over "1 Heraf …") from a number.
 */
import type { Footnote } from '../../model';
import { isSwitchLine } from '../../text/switch-lines';
import type { LineIndex } from '../../text/lines';

/** Lines under a table searched for its footnotes. */
const FOOTNOTE_WINDOW = 12;
/** A footnote line: "1 Heraf …", "1) …", "¹ …", "*) …", "(*) …". */
const FOOTNOTE =
  /^(?:(?<digits>\d{1,2})\)?\s+|\((?<paren>\d{1,2}|\*{1,3})\)\s*|(?<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)⁾?\s*|(?<star>\*{1,3})\)?\s*)(?<body>\p{L}.*)$/u;
const NOTE = /^(?:Note|Noter|Anm\.|Anmærkning|Bemærk|NB)\s*[:.]?\s+(?<body>\S.*)$/iu;
const SOURCE = /^(?:Kilde|Kilder)\s*:/iu;

/** The footnotes in the lines after line `end` (a table's last), before `to`, and the last line they take. */
export function footnotesAfter(lines: LineIndex, end: number, to: number): { footnotes: Footnote[]; last: number } {
  const footnotes: Footnote[] = [];
  let last = end;
  let blanks = 0;
  for (let j = end + 1; j < to && j <= end + FOOTNOTE_WINDOW; j++) {
    const l = lines.line(j);
    if (l.text === '') {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    if (l.text.length > 400) break;
    if (SOURCE.test(l.text) || isSwitchLine(l.text)) continue;
    const f = FOOTNOTE.exec(l.text);
    const n = f ? null : NOTE.exec(l.text);
    if (!f?.groups && !n?.groups) break;
    const g = (f ?? n)!.groups!;
    const marker = f ? (g.digits ?? g.paren ?? g.sup ?? g.star) : null;
    footnotes.push({ text: l.text, range: lines.textRange(j), marker, body: g.body });
    last = j;
  }
  return { footnotes, last };
}
