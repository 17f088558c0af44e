/**
 * Inline switches written by the clerk in the document itself:
 *   referat-disable RF003            (until referat-enable RF003 or the end)
 *   referat-disable-next-line RF021
 *   referat-enable RF003
 * in plain text on a line of their own, or inside an HTML comment in Markdown
 * (<!-- referat-disable RF003 -->). Without codes they apply to every rule.
 */
import type { Finding } from './model';
import type { LineIndex } from './text/lines';
import { SWITCH_DIRECTIVE as DIRECTIVE } from './text/switch-lines';

export { isSwitchLine } from './text/switch-lines';

interface Switch {
  line: number;
  kind: 'disable' | 'enable' | 'next';
  codes: string[] | null;
}

export function findSwitches(lines: LineIndex): Switch[] {
  const out: Switch[] = [];
  if (!lines.source.includes('referat-')) return out;
  for (const line of lines.lines) {
    if (!line.text.includes('referat-')) continue;
    const m = DIRECTIVE.exec(line.text);
    if (!m) continue;
    const codes = m[2].match(/RF\d{3}/g);
    const kind = m[1] === 'disable-next-line' ? 'next' : (m[1] as 'disable' | 'enable');
    out.push({ line: line.index, kind, codes: codes && codes.length > 0 ? codes : null });
  }
  return out;
}

export function applySwitches(findings: Finding[], switches: Switch[]): Finding[] {
  if (switches.length === 0) return findings;
  return findings.filter((f) => !isSuppressed(f, switches));
}

function isSuppressed(f: Finding, switches: Switch[]): boolean {
  const line = f.range.start.line;
  const applies = (s: Switch) => s.codes === null || s.codes.includes(f.code);
  let disabled = false;
  for (const s of switches) {
    if (s.line >= line) {
      if (s.kind === 'next' && s.line === line - 1 && applies(s)) return true;
      break;
    }
    if (!applies(s)) continue;
    if (s.kind === 'disable') disabled = true;
    else if (s.kind === 'enable') disabled = false;
    else if (s.kind === 'next' && s.line === line - 1) return true;
  }
  return disabled;
}
