import { ruleMessages, type DocumentSetRule } from './rule';

/**
 * RF221: an item's recommendation (Indstilling) reads otherwise in the minutes than in the
 * agenda of the same meeting. Information only: the committee may have changed it at the
 * meeting; otherwise the minutes should record it as it was put before the meeting.
 */
const { messages, report } = ruleMessages({
  changed: {
    da: 'Indstillingen i Punkt {number} er ændret siden dagsordenen (»{was}« er nu »{now}«). Det kan være tilsigtet; ellers skal referatet gengive indstillingen, som den blev forelagt.',
    en: 'The recommendation of item {number} changed since the agenda ("{was}" now reads "{now}"). This may be deliberate; otherwise the minutes should record the recommendation as it was put before the meeting.',
  },
});

export const agendaMinutesRecommendation: DocumentSetRule = {
  code: 'RF221',
  name: 'agenda-minutes-recommendation',
  defaultSeverity: 'information',
  tags: ['crossdoc'],
  fixable: false,
  description: {
    da: 'Indstillingen i et punkt er ændret mellem dagsordenen og referatet.',
    en: "An item's recommendation changed between the agenda and the minutes.",
  },
  messages,
  check({ agenda, changedRecommendations }) {
    return changedRecommendations.map(({ agenda: a, minutes: m, was, now }) =>
      report({
        messageId: 'changed',
        data: { number: m.number, was, now },
        range: m.recommendationRange ?? m.titleRange,
        details: { change: 'recommendation', otherUri: agenda.uri, otherRange: a.recommendationRange ?? a.titleRange, agendaText: a.recommendationText },
      }),
    );
  },
};
