import { formatDateLike } from '../dates';
import type { DateRef, Fix, Item, MinutesDocument, Section } from '../model';
import { damerauDistance } from '../text/distance';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { meetingDate, spelled, within } from './date-common';

const { messages, message, report } = ruleMessages({
  otherDate: {
    da: 'Beslutningen i Punkt {number} er dateret {date}, men mødet blev holdt den {meeting}{later}. Skal der stå {suggestion}?',
    en: 'The decision in item {number} is dated {date}, but the meeting was held on {meeting}{later}. Should it say {suggestion}?',
  },
  later: { da: ' (beslutningen er dateret efter mødet)', en: ' (the decision is dated after the meeting)' },
  meetingDate: { da: 'Mødedatoen', en: 'The meeting date' },
  fix: { da: 'Ret datoen til mødedatoen {date}', en: 'Change the date to the meeting date {date}' },
});

/**
 * RF021: a decision heading dated otherwise than the meeting ("Vedtagelse i
 * Erhvervsudvalget den 04-11-2021" in the minutes of 3 November 2021). An item can
 * quote the decisions of other bodies that treated it before ("Økonomiudvalgets
 * beslutning den 20.10.2021" above "Byrådets beslutning den 27.10.2021"): only the
 * decision of the committee the minutes belong to is compared, and when no heading
 * names it, the last dated one that does not name another body. The fix writes the
 * meeting date in the heading's own format; it is not safe, since it changes what
 * the minutes say.
 */
export const decisionDate: Rule = {
  code: 'RF021',
  name: 'decision-date',
  defaultSeverity: 'warning',
  tags: ['dates'],
  fixable: true,
  description: {
    da: 'En beslutning er dateret en anden dag end mødet.',
    en: 'A decision is dated otherwise than the meeting.',
  },
  messages,
  check({ model }) {
    const meeting = meetingDate(model);
    if (!meeting) return [];
    const committee = model.header?.committee?.text;
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      for (const date of ownDecisionDates(item, model, committee)) {
        if (date.iso === null || date.iso === meeting.iso) continue;
        const newText = formatDateLike(date.text, meeting.iso);
        const fixes: Fix[] = newText
          ? [
              {
                title: message('fix', { date: newText }),
                edits: [{ range: date.range, newText }],
                safe: false,
              },
            ]
          : [];
        const when = spelled(meeting.iso);
        const later = date.iso > meeting.iso;
        out.push(
          report({
            messageId: 'otherDate',
            data: { number: item.number, date: date.text, meeting: when, later: later ? message('later') : '', suggestion: newText ?? when },
            range: date.range,
            related: [{ range: meeting.range, message: message('meetingDate') }],
            fixes,
          }),
        );
      }
    }
    return out;
  },
};

interface DatedDecision {
  section: Section;
  date: DateRef;
  body?: string;
}

/** The dates of the decision headings that record this meeting's decision on the item. */
function ownDecisionDates(item: Item, model: MinutesDocument, committee: string | undefined): DateRef[] {
  const dated: DatedDecision[] = [];
  for (const section of item.sections) {
    if (section.role !== 'decision' || !section.captures.date) continue;
    const date =
      item.decision?.section === section && item.decision.date
        ? item.decision.date
        : writtenDateIn(model, section.captures.date.range);
    if (date) dated.push({ section, date, body: section.captures.body?.text });
  }
  if (dated.length === 0) return [];
  if (committee) {
    const own = dated.filter((d) => d.body !== undefined && sameBody(d.body, committee));
    if (own.length > 0) return own.map((d) => d.date);
  }
  // No heading names the committee: the last one that names no other body is this meeting's.
  const unnamed = dated.filter((d) => d.body === undefined || !committee);
  return unnamed.length > 0 ? [unnamed[unnamed.length - 1].date] : [];
}

/** The date the parser found inside a captured heading part. */
function writtenDateIn(model: MinutesDocument, range: Section['headingRange']): DateRef | undefined {
  // model.dates is in document order; headings are few, so a binary search is not worth it.
  return model.dates.find((d) => d.range.start.line === range.start.line && within(d.range, range));
}

function fold(name: string): string {
  return name.toLocaleLowerCase('da').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "Erhvervsudvalget" and "Erhvervsudvalget" or "erhvervsudvalget", with room for a typo. */
function sameBody(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 8 && Math.abs(x.length - y.length) <= 2 && damerauDistance(x, y) <= 2;
}
