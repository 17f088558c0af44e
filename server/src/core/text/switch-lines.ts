/**
 * The lines that are inline switches written by the clerk ("referat-disable RF003", "<!-- referat-enable -->"):
 * how one is written, for the parser (such a line is no content of the minutes) and suppress.ts (which applies them).
 */
export const SWITCH_DIRECTIVE = /^(?:<!--\s*)?referat-(disable-next-line|disable|enable)\b([^>]*?)(?:-->)?\s*$/;

/** True for a line that is an inline switch ("referat-disable RF030"), which is no content of the minutes. */
export function isSwitchLine(text: string): boolean {
  return text.includes('referat-') && SWITCH_DIRECTIVE.test(text);
}
