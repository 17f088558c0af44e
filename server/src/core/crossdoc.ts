/**
 * The agenda and the minutes of one meeting compared (meetings.ts), and the document-set rules run over the
 * comparison (RF220, RF221, through the one rule runner) on the referat.
 *
 * The findings carry the other document's uri and range in `data` ({ otherUri,
 * otherRange }); `related` points inside the referat only (the core's RelatedInfo has no
 * uri), so an adapter that can show a location in another file builds it from `data`.
 * Severity overrides of `.referat.json` are applied when a configuration is passed;
 * inline `referat-disable` switches are the adapter's (suppress.ts, on the referat).
 */
import type { ReferatConfig } from './config';
import { compareMeetings, sameMeeting, type IndexedMeeting } from './meetings';
import type { Finding } from './model';
import { redactFinding } from './redact';
import { DOCUMENT_SET_RULES } from './rules/index';
import { runRules } from './run-rules';

export * from './meetings';

/**
 * Findings for the minutes document: items added, dropped or renamed since the agenda
 * (RF220), and recommendations changed (RF221). Items are paired by title first (so a
 * renumbering after a dropped item is not a rename), then by number; an item left over on
 * one side only was added or dropped. Nothing when the documents are not an agenda and the
 * minutes of the same meeting.
 */
export function compareAgendaAndMinutes(agenda: IndexedMeeting, minutes: IndexedMeeting, config?: ReferatConfig): Finding[] {
  if (agenda.kind !== 'dagsorden' || minutes.kind !== 'referat' || !sameMeeting(agenda, minutes)) return [];
  const comparison = compareMeetings(agenda, minutes);
  const out = runRules(DOCUMENT_SET_RULES, comparison, config ?? {});
  const secrets = [...agenda.personalNumbers, ...minutes.personalNumbers];
  return secrets.length > 0 ? out.map((f) => redactFinding(f, secrets)) : out;
}

