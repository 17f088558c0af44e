import type { Cell, RelatedInfo } from '../model';
import type { Rule, RuleFinding } from './rule';
import { num, short, tablesOf } from './table-common';
import { formatNumber } from '../tables/index';

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/**
 * RF103: a number whose last digits are a footnote marker that lost its superscript in
 * the text ("751" for "75¹" over the footnote "1 Heraf 10 til …"). Reported when reading
 * those digits as the marker makes the table add up, and no other cell would: the number,
 * not the (right) total, is at fault.
 */
export const gluedFootnoteMarker: Rule = {
  code: 'RF103',
  name: 'glued-footnote-marker',
  defaultSeverity: 'warning',
  description: {
    da: 'Et tal i en tabel har formentlig fået en fodnotehenvisning hæftet på (751 for 75¹).',
    en: 'A number in a table probably has a footnote marker glued on (751 for 75¹).',
  },
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    const seen = new Set<Cell>();
    for (const analysis of tablesOf(model, profile)) {
      for (const check of analysis.checks) {
        const repair = check.repair;
        if (!repair || seen.has(repair.cell)) continue;
        seen.add(repair.cell);
        const base = formatNumber(repair.value, 0, 'auto', repair.cell.text);
        const total = num(check, repair.computed);
        const then =
          check.kind === 'difference'
            ? { da: `så passer forskellen (${total})`, en: `then the difference holds (${total})` }
            : repair.isTotal
              ? { da: `så passer den med summen ${total}`, en: `then it equals the sum ${total}` }
              : check.kind === 'row'
                ? { da: `så giver rækken ${num(check, check.stated)}`, en: `then the row adds up to ${num(check, check.stated)}` }
                : { da: `så giver blokken ${num(check, check.stated)}`, en: `then the block adds up to ${num(check, check.stated)}` };
        const related: RelatedInfo[] = [
          {
            range: repair.footnote.range,
            message: { da: `Fodnote ${repair.marker}: ${short(repair.footnote.body, 80)}`, en: `Footnote ${repair.marker}: ${short(repair.footnote.body, 80)}` },
          },
        ];
        if (!repair.isTotal) {
          related.push({
            range: check.cell.range,
            message: { da: `Totalen: ${short(check.rowLabel) || short(check.columnName)} ${check.cell.text}`, en: `The total: ${short(check.rowLabel) || short(check.columnName)} ${check.cell.text}` },
          });
        }
        const sign = /^[-–−÷]/.exec(repair.cell.text)?.[0] ?? '';
        const written = `${sign}${base.replace(/^-/, '')}${[...repair.marker].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
        out.push({
          range: repair.cell.range,
          message: {
            da: `${repair.cell.text} er formentlig ${base} med fodnote ${repair.marker}; ${then.da}.`,
            en: `${repair.cell.text} is probably ${base} with footnote ${repair.marker}; ${then.en}.`,
          },
          related,
          fixes: [
            {
              title: { da: `Skriv ${written} (fodnote ${repair.marker} hævet)`, en: `Write ${written} (footnote ${repair.marker} as superscript)` },
              edits: [{ range: repair.cell.range, newText: written }],
              safe: false,
            },
          ],
          data: { written: repair.cell.text, value: repair.value, marker: repair.marker, total: check.stated, computed: repair.computed },
        });
      }
    }
    return out;
  },
};
