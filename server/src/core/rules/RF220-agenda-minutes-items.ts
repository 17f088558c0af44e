import { ruleMessages, type DocumentSetRule, type RuleFinding } from './rule';

/**
 * RF220: an item added, dropped or renamed between the agenda (dagsorden) and the minutes
 * (referat) of the same meeting. Items are paired by title, then by number (core/crossdoc.ts);
 * an item left over on one side was added or dropped, a pair with other titles renamed. The
 * minutes should say when an item came to or left the meeting; a rename may be a typo.
 */
const { messages, message, report } = ruleMessages({
  renamed: {
    da: 'Punkt {number} hedder »{title}« i referatet, men »{agendaTitle}« på dagsordenen. Er punktet omdøbt efter mødet?',
    en: 'Item {number} is called "{title}" in the minutes but "{agendaTitle}" in the agenda. Was the item renamed after the meeting?',
  },
  added: {
    da: 'Punkt {number} »{title}« står ikke på dagsordenen. Er punktet kommet til på mødet? Så bør referatet sige det.',
    en: 'Item {number} "{title}" is not on the agenda. Was it added at the meeting? Then the minutes should say so.',
  },
  dropped: {
    da: 'Punkt {number} »{title}« fra dagsordenen mangler i referatet. Blev punktet udsat eller trukket? Så bør referatet sige det.',
    en: 'Item {number} "{title}" of the agenda is missing from the minutes. Was it postponed or withdrawn? Then the minutes should say so.',
  },
  useAgendaTitle: { da: 'Brug dagsordenens titel »{title}«', en: 'Use the agenda\'s title "{title}"' },
});

export const agendaMinutesItems: DocumentSetRule = {
  code: 'RF220',
  name: 'agenda-minutes-items',
  defaultSeverity: 'warning',
  tags: ['crossdoc'],
  fixable: true,
  description: {
    da: 'Et punkt er tilføjet, fjernet eller omdøbt mellem dagsordenen og referatet af samme møde.',
    en: 'An item was added, dropped or renamed between the agenda and the minutes of the same meeting.',
  },
  messages,
  check({ agenda, renamed, added, dropped, documentStart }) {
    const out: RuleFinding[] = [];
    for (const { agenda: a, minutes: m } of renamed) {
      out.push(
        report({
          messageId: 'renamed',
          data: { number: m.number, title: m.title, agendaTitle: a.title },
          range: m.titleRange,
          fixes: [{ title: message('useAgendaTitle', { title: a.title }), edits: [{ range: m.titleRange, newText: a.title }], safe: false }],
          details: { change: 'renamed', otherUri: agenda.uri, otherRange: a.titleRange, agendaTitle: a.title, agendaNumber: a.number },
        }),
      );
    }
    for (const m of added) {
      out.push(
        report({
          messageId: 'added',
          data: { number: m.number, title: m.title },
          range: m.titleRange,
          details: { change: 'added', otherUri: agenda.uri, otherRange: agenda.headerRange ?? documentStart },
        }),
      );
    }
    for (const { item: a, place } of dropped) {
      out.push(
        report({
          messageId: 'dropped',
          data: { number: a.number, title: a.title },
          range: place,
          details: { change: 'dropped', otherUri: agenda.uri, otherRange: a.titleRange, agendaTitle: a.title, agendaNumber: a.number },
        }),
      );
    }
    return out;
  },
};
