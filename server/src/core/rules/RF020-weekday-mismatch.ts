import { weekdayName, weekdayOf, WEEKDAYS } from '../dates';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { dateOnly, EN_WEEKDAYS, spelled } from './date-common';
import { perLanguage } from '../messages';

const { messages, message, report } = ruleMessages({
  mismatch: {
    da: '{written} passer ikke med datoen {date}: {when} er en {weekday}. Ret ugedagen, eller datoen hvis det er den, der er forkert.',
    en: '{written} does not match the date {date}: {when} is a {weekday}. Correct the weekday, or the date if that is what is wrong.',
  },
  fix: { da: 'Ret ugedagen til {weekday}', en: 'Change the weekday to {weekday}' },
});

/**
 * RF020: a weekday written before a date that does not fall on that weekday
 * ("Mødedato Onsdag d. 04. november 2021"), anywhere in the document: the header,
 * decision headings, the text. Impossible dates are RF023's. The fix writes the
 * date's own weekday in the letter case the clerk used ("Onsdag" → "Torsdag").
 */
export const weekdayMismatch: Rule = {
  code: 'RF020',
  name: 'weekday-mismatch',
  defaultSeverity: 'warning',
  tags: ['dates'],
  fixable: true,
  description: {
    da: 'Ugedagen passer ikke med datoen.',
    en: 'The weekday does not match the date.',
  },
  messages,
  check({ model }) {
    const out: RuleFinding[] = [];
    for (const date of model.dates) {
      if (!date.weekday || date.iso === null) continue;
      const written = date.weekday.text;
      const actual = weekdayOf(date.iso);
      if (WEEKDAYS.indexOf(written.toLocaleLowerCase('da')) === actual) continue;
      const right = weekdayName(date.iso, written);
      const when = spelled(date.iso);
      const shown = dateOnly(date).text;
      out.push(
        report({
          messageId: 'mismatch',
          data: { written, date: shown, when, weekday: perLanguage(WEEKDAYS[actual], EN_WEEKDAYS[actual]) },
          range: date.weekday.range,
          fixes: [{ title: message('fix', { weekday: right }), edits: [{ range: date.weekday.range, newText: right }], safe: true }],
        }),
      );
    }
    return out;
  },
};
