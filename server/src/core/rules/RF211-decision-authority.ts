import { committeeKey, isGenericBody, namesCommittee } from '../committee';
import type { Fix, Item, Outcome } from '../model';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { shorten } from '../text/shorten';

const { messages, message, report } = ruleMessages({
  otherAuthority: {
    da: 'Beslutningen træffes af {decidedBy}, ikke af {committee}, men beslutningen lyder »{wording}«. Udvalget kan kun anbefale eller indstille sagen: skriv fx »Anbefales« eller »Indstilles til godkendelse«.',
    en: 'The decision is taken by {decidedBy}, not by {committee}, but the decision reads "{wording}". The committee can only recommend the case: write e.g. "Anbefales" or "Indstilles til godkendelse".',
  },
  decidedBy: { da: 'Beslutningen træffes af {decidedBy}', en: 'The decision is taken by {decidedBy}' },
  fix: { da: 'Skriv »{text}«', en: 'Write "{text}"' },
});

/**
 * RF211: a decision worded as if the committee decided ("Godkendt", "Indstillingen
 * godkendt") where the item says another body decides ("Beslutningen træffes af
 * Kommunalbestyrelsen"). The committee can then only recommend: "Anbefales",
 * "Indstilles til godkendelse", "Udvalget indstiller, at …".
 *
 * The meeting's committee is the header's (or the body named in the decision heading,
 * "Vedtagelse i Erhvervsudvalget den …"); without it nothing is compared. A "Beslutningen
 * træffes af" that names this committee, alone or with others, or only "Udvalget", is not
 * another body. Information only: the wording may be the municipality's habit.
 */
export const decisionAuthority: Rule = {
  code: 'RF211',
  name: 'decision-authority',
  defaultSeverity: 'information',
  tags: ['publication'],
  fixable: true,
  description: {
    da: 'Beslutningen er formuleret som en godkendelse, men en anden myndighed træffer beslutningen.',
    en: 'The decision is worded as an approval, but another body takes the decision.',
  },
  messages,
  check({ model }) {
    if (model.kind !== 'referat') return [];
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      const decision = item.decision;
      if (!decision || !APPROVING.has(decision.outcome as Outcome) || decision.body.length === 0) continue;
      const committee = model.header?.committee?.text ?? decision.section?.captures.body?.text;
      if (!committee) continue;
      const decidedBy = decidedByLine(item);
      if (!decidedBy) continue;
      const key = committeeKey(committee);
      if (key === '' || isGenericBody(decidedBy.text) || namesCommittee(decidedBy.text, key)) continue;
      // "Kommunalbestyrelsen" under "Beslutningen træffes af" in a meeting of Kommunalbestyrelsen itself.
      if (committeeKey(decidedBy.text).length > 0 && key.includes(committeeKey(decidedBy.text))) continue;
      const first = decision.body[0];
      const wording = short(first.text);
      out.push(
        report({
          messageId: 'otherAuthority',
          data: { decidedBy: decidedBy.text, committee, wording },
          range: first.range,
          related: [{ range: decidedBy.range, message: message('decidedBy', { decidedBy: decidedBy.text }) }],
          fixes: rewording(first.text, first.range),
          details: { decidedBy: decidedBy.text, committee, outcome: decision.outcome },
        }),
      );
    }
    return out;
  },
};

/** Outcomes that say the committee itself decided. */
const APPROVING = new Set<Outcome>(['approved', 'approvedWithChanges']);

/** The first line under "Beslutningen træffes af" (role decidedBy). */
function decidedByLine(item: Item) {
  const section = item.sections.find((s) => s.role === 'decidedBy' && s.body.length > 0);
  return section?.body[0];
}

/** Quoted text in a message, at most 80 characters. */
const short = (text: string, max = 80): string => shorten(text, max);

/** "Godkendt" / "Indstillingen godkendt" alone on the line → "Indstilles til godkendelse" (not safe). */
function rewording(text: string, range: RuleFinding['range']): Fix[] | undefined {
  const m = /^(?:indstillingen\s+|indstilling\s+)?(?:godkendt|godkendes|tiltrådt)(\.?)$/iu.exec(text.trim());
  if (!m) return undefined;
  const newText = `Indstilles til godkendelse${m[1]}`;
  return [{ title: message('fix', { text: newText }), edits: [{ range, newText }], safe: false }];
}
