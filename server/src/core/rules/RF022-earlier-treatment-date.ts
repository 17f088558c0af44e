import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { dateOnly, meetingDate, spelled } from './date-common';

const { messages, message, report } = ruleMessages({
  sameDay: {
    da: 'Tidligere behandling den {date} er samme dag som dette møde ({meeting}); en tidligere behandling ligger før mødet. Er datoen skrevet forkert?',
    en: 'Earlier treatment on {date} is the same day as this meeting ({meeting}); an earlier treatment lies before the meeting. Is the date mistyped?',
  },
  after: {
    da: 'Tidligere behandling den {date} ligger efter dette møde ({meeting}); en tidligere behandling ligger før mødet. Er {part} skrevet forkert?',
    en: 'Earlier treatment on {date} lies after this meeting ({meeting}); an earlier treatment lies before the meeting. Is the {part} mistyped?',
  },
  year: { da: 'året', en: 'year' },
  date: { da: 'datoen', en: 'date' },
  meetingDate: { da: 'Mødedatoen', en: 'The meeting date' },
});

/**
 * RF022: a "Tidligere behandling" dated on or after the meeting whose minutes list
 * it ("Erhvervs- og Beskæftigelsesudvalget den 2. februar 2022 Punkt 3" in the
 * minutes of 9 March 2021). An earlier treatment lies before the meeting; usually
 * the year is mistyped. No fix: the right date is in the other meeting's minutes.
 */
export const earlierTreatmentDate: Rule = {
  code: 'RF022',
  name: 'earlier-treatment-date',
  defaultSeverity: 'warning',
  tags: ['dates'],
  fixable: false,
  description: {
    da: 'En tidligere behandling er dateret på eller efter mødedatoen.',
    en: 'An earlier treatment is dated on or after the meeting.',
  },
  messages,
  check({ model }) {
    const meeting = meetingDate(model);
    if (!meeting) return [];
    const when = spelled(meeting.iso);
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      for (const treatment of item.earlierTreatments) {
        const date = treatment.date;
        if (!date || date.iso === null || date.iso < meeting.iso) continue;
        const written = dateOnly(date);
        const same = date.iso === meeting.iso;
        const yearAfter = date.year > Number(meeting.iso.slice(0, 4));
        const related = [{ range: meeting.range, message: message('meetingDate') }];
        const data = { date: written.text, meeting: when };
        out.push(
          same
            ? report({ messageId: 'sameDay', data, range: written.range, related })
            : report({ messageId: 'after', data: { ...data, part: message(yearAfter ? 'year' : 'date') }, range: written.range, related }),
        );
      }
    }
    return out;
  },
};
