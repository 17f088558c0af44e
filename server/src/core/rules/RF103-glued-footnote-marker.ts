import type { Cell, RelatedInfo } from '../model';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { layoutNote, num, short, tablesOf, withLayoutConfidence } from './table-common';
import { formatNumber } from '../tables/index';

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

const { messages, message, report } = ruleMessages({
  glued: {
    da: '{written} er formentlig {base} med fodnote {marker}; {then}.{layout}',
    en: '{written} is probably {base} with footnote {marker}; {then}.{layout}',
  },
  thenDifference: { da: 'så passer forskellen ({total})', en: 'then the difference holds ({total})' },
  thenTotal: { da: 'så passer den med summen {total}', en: 'then it equals the sum {total}' },
  thenRow: { da: 'så giver rækken {total}', en: 'then the row adds up to {total}' },
  thenBlock: { da: 'så giver rækkerne tilsammen {total}', en: 'then the block adds up to {total}' },
  footnote: { da: 'Fodnote {marker}: {text}', en: 'Footnote {marker}: {text}' },
  total: { da: 'Totalen: {label} {value}', en: 'The total: {label} {value}' },
  fix: { da: 'Skriv {written} (fodnote {marker} hævet)', en: 'Write {written} (footnote {marker} as superscript)' },
});

const SEVERITY = 'warning';

/**
 * RF103: a number whose last digits are a footnote marker that lost its superscript in
 * the text ("751" for "75¹" over the footnote "1 Heraf 10 til …"). Reported when reading
 * those digits as the marker makes the table add up, and no other cell would: the number,
 * not the (right) total, is at fault.
 */
export const gluedFootnoteMarker: Rule = {
  code: 'RF103',
  name: 'glued-footnote-marker',
  defaultSeverity: SEVERITY,
  tags: ['tables'],
  fixable: true,
  description: {
    da: 'Et tal i en tabel har formentlig fået en fodnotehenvisning hæftet på (751 for 75¹).',
    en: 'A number in a table probably has a footnote marker glued on (751 for 75¹).',
  },
  messages,
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
            ? message('thenDifference', { total })
            : repair.isTotal
              ? message('thenTotal', { total })
              : message(check.kind === 'row' ? 'thenRow' : 'thenBlock', { total: num(check, check.stated) });
        const related: RelatedInfo[] = [
          { range: repair.footnote.range, message: message('footnote', { marker: repair.marker, text: short(repair.footnote.body, 80) }) },
        ];
        if (!repair.isTotal) {
          const label = short(check.rowLabel) || short(check.columnName);
          related.push({ range: check.cell.range, message: message('total', { label, value: check.cell.text }) });
        }
        const sign = /^[-–−÷]/.exec(repair.cell.text)?.[0] ?? '';
        const written = `${sign}${base.replace(/^-/, '')}${[...repair.marker].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
        const table = analysis.read.table;
        const finding = report({
          messageId: 'glued',
          data: { written: repair.cell.text, base, marker: repair.marker, then, layout: layoutNote(model, table) },
          range: repair.cell.range,
          related,
          fixes: [{ title: message('fix', { written, marker: repair.marker }), edits: [{ range: repair.cell.range, newText: written }], safe: false }],
          details: { written: repair.cell.text, value: repair.value, marker: repair.marker, total: check.stated, computed: repair.computed },
        });
        out.push(withLayoutConfidence(finding, model, table, SEVERITY));
      }
    }
    return out;
  },
};
