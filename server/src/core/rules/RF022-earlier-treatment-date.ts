import type { Rule, RuleFinding } from './rule';
import { dateOnly, meetingDate, spelled } from './date-common';

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
  description: {
    da: 'En tidligere behandling er dateret på eller efter mødedatoen.',
    en: 'An earlier treatment is dated on or after the meeting.',
  },
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
        out.push({
          range: written.range,
          message: same
            ? {
                da: `Tidligere behandling den ${written.text} er samme dag som dette møde (${when.da}); en tidligere behandling ligger før mødet. Er datoen skrevet forkert?`,
                en: `Earlier treatment on ${written.text} is the same day as this meeting (${when.en}); an earlier treatment lies before the meeting. Is the date mistyped?`,
              }
            : {
                da: `Tidligere behandling den ${written.text} ligger efter dette møde (${when.da}); en tidligere behandling ligger før mødet. Er ${yearAfter ? 'året' : 'datoen'} skrevet forkert?`,
                en: `Earlier treatment on ${written.text} lies after this meeting (${when.en}); an earlier treatment lies before the meeting. Is the ${yearAfter ? 'year' : 'date'} mistyped?`,
              },
          related: [{ range: meeting.range, message: { da: 'Mødedatoen', en: 'The meeting date' } }],
        });
      }
    }
    return out;
  },
};
