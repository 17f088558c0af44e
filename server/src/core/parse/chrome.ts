/**
 * Chrome: the lines that text copied from a web page or a PDF viewer carries besides the minutes themselves
 * (navigation, buttons, cookie banners, a document viewer's own lines, page furniture such as "Side 3 af 12" or a
 * running header "Økonomiudvalget, 22. marts 2011 Side 2"). They are neither an item, nor a section, nor a
 * finding: the parser reads them as blank lines (LineIndex.blankOut), so no stage and no rule sees them.
 *
 * A line is chrome by its form, judged on the whole line, never on a word inside prose: a control's label alone
 * on its line ("Til toppen", "Print", "Fold ud"), a banner sentence about cookies, a page number line, or a line
 * ending in a page number whose text before it recurs (a running header or footer).
 */
import { isAsciiDigit, isAsciiLetter } from '../text/chars';
import type { LineIndex } from '../text/lines';

/** Labels of controls and navigation that web systems and PDF viewers print, alone on their line (folded). */
const CONTROL_LABELS = new Set([
  'til toppen', 'tilbage til toppen', 'til top', 'gå til toppen', 'top',
  'gå til indhold', 'gå til hovedindhold', 'spring til indhold', 'spring til hovedindhold', 'spring over navigation',
  'skip to content', 'skip to main content', 'skip navigation', 'you are here', 'du er her',
  'print', 'udskriv', 'print siden', 'udskriv siden', 'kopiér link', 'kopier link', 'kopiér linket', 'kopier linket', 'del', 'del siden',
  'fold ud', 'fold sammen', 'fold alle ud', 'fold alle sammen', 'udfold', 'sammenfold', 'luk alle', 'åben alle', 'åbn alle', 'vis alle',
  'skjul alle', 'vis mere', 'vis mindre', 'læs mere', 'søg', 'menu', 'luk', 'hent som fil', 'hent som pdf', 'hent pdf', 'download',
  'download pdf', 'se alle bilag', 'tilbage', 'transkript', 'størrelse: px', 'starte visningen fra side', 'accepter', 'accepter alle',
  'afvis', 'afvis alle', 'kun nødvendige', 'tillad alle', 'tillad udvalgte', 'cookieindstillinger', 'cookie-indstillinger', 'ok', 'jeg accepterer',
]);

/** Prefixes of navigation lines that go on with a path or a title ("Du er her: Forside › Politik", "Download "…""). */
const CONTROL_PREFIX = /^(?:du er her|you are here|tilbage til|« ?tilbage|‹ ?tilbage|download ")/;

/** A sentence of a cookie banner: it names cookies and asks or tells the reader about them. */
const COOKIE_LINE = /\bcookies?\b|\bcookie-?(?:indstillinger|politik|erklæring|samtykke)\b/;
const COOKIE_CONTEXT = /\b(?:accept|samtykke|bruger|anvender|benytter|hjemmeside|websted|side|besøg|statistik|indstillinger|we use|this site)/;

/** A line that is a page number: "Side 3", "Side 3 af 12", "3 af 12", "Page 3 of 12", "- 3 -" (not "18/9413", a case number). */
const PAGE_NUMBER_LINE = /^(?:side|page|s\.)\s*\d{1,4}(?:\s*(?:af|of)\s*\d{1,4})?$|^\d{1,4}\s+(?:af|of)\s+\d{1,4}$|^[-–]\s*\d{1,4}\s*[-–]$/;

/** A line that ends in a page number ("Økonomiudvalget, 22. marts 2011 Side 2"): the text before it, if short. */
const ENDS_IN_PAGE_NUMBER = /^(?<before>.{3,100}?)\s+(?:side|page)\s*\d{1,4}(?:\s*(?:af|of)\s*\d{1,4})?$/;

/**
 * How every line that ENDS_IN_PAGE_NUMBER matches ends, read on the line before folding (on a line ending in a
 * digit, folding only lower-cases and collapses blanks): most lines ending in a digit end in a year or an amount.
 */
const MAY_END_IN_PAGE = /(?:side|page|af|of)\s*\d{1,4}$/i;

/** Logos named in the text of a page ("Middelfart Kommune Logo"). */
const LOGO_LINE = /^.{0,60}\blogo$/;

/** Logos are short lines… */
const SHORT_LINE = 64;
/** …and labels and page numbers shorter still. */
const LABEL_LINE = 32;
/** Whether a line may be one of CONTROL_PREFIX's navigation lines: it starts with D, Y, T (any case), « or ‹. */
function mayStartPrefix(text: string): boolean {
  const first = text.charCodeAt(0);
  const lower = first | 32;
  return lower === 100 /* d */ || lower === 121 /* y */ || lower === 116 /* t */ || first === 0xab /* « */ || first === 0x2039 /* ‹ */;
}

/** Two ASCII letters as one number, lower-cased (`| 32`): how mayBeginLabel compares the start of a line. */
function twoLetters(a: number, b: number): number {
  return (a | 32) * 128 + (b | 32);
}

/** How the labels and the page number lines ("Side 3", "Page 3 of 12") that begin with two ASCII letters begin. */
const LABEL_STARTS = new Set(
  [...CONTROL_LABELS, 'side', 'page'].filter((l) => isAsciiLetter(l.charCodeAt(0)) && isAsciiLetter(l.charCodeAt(1))).map((l) => twoLetters(l.charCodeAt(0), l.charCodeAt(1))),
);

/**
 * Whether a line may fold to a control label or a page number line, judged by its first two characters: a line
 * that begins with two ASCII letters folds to a line that begins with them lower-cased (folding strips no letter
 * and collapses no blank before them), so it must begin as a label does. Any other beginning (a digit, a dash, a
 * mark, "s.", a letter such as "å") is folded to see. Spares the folding of most short lines ("Resumé", "Bilag").
 */
function mayBeginLabel(text: string): boolean {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  if (!isAsciiLetter(a) || !isAsciiLetter(b)) return true;
  return LABEL_STARTS.has(twoLetters(a, b));
}

/** Longer lines are never chrome (a cookie banner's paragraph is rarely longer). */
const MAX_CHROME_LENGTH = 400;

export interface Chrome {
  /** The chrome lines, in order. */
  lines: number[];
  /** A document viewer's title line ('Download "Referat fra Økonomiudvalget …"'): header evidence, read before it is blanked. */
  pageTitle?: { line: number; text: string };
}

/** Folds a line for comparison with the labels: lower case, one space, no trailing colon or punctuation marks of a button. */
function foldControl(text: string): string {
  let s = text.toLowerCase();
  if (MAY_COLLAPSE.test(s)) s = s.replace(/\s+/g, ' ');
  if (hasControlMarks(s)) s = s.replace(/^[•·›»>«‹\s]+|[\s:»›>]+$/g, '').trim();
  return s;
}

const MAY_COLLAPSE = /\s\s|[^\S ]/;

/**
 * Whether a folded line starts with a bullet or an arrow (•·›»>«‹) or ends in a colon or an arrow (:»›>), as
 * /^[•·›»>«‹]|[:»›>]$/ says: read from its first and last character (the pattern would be tried at every position).
 */
function hasControlMarks(s: string): boolean {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return (
    first === 0x2022 || first === 0xb7 || first === 0x203a || first === 0xbb || first === 0x3e || first === 0xab || first === 0x2039 ||
    last === 0x3a || last === 0xbb || last === 0x203a || last === 0x3e
  );
}

/** The chrome lines of a document (see the module comment). */
export function findChrome(lines: LineIndex): Chrome {
  const found: number[] = [];
  let pageTitle: Chrome['pageTitle'];
  /** Running headers and footers: the text before "Side N", with the lines it stands on. */
  const running = new Map<string, number[]>();
  for (let i = 0; i < lines.lineCount; i++) {
    const text = lines.line(i).text;
    if (text === '' || text.length > MAX_CHROME_LENGTH) continue;
    // Cheap looks first: this runs over every line, and most are prose that none of the forms can match.
    const short = text.length <= SHORT_LINE;
    // A line ending in a digit matters here only when it ends in a page number ("… Side 2"); labels are judged apart.
    const endsInDigit = isAsciiDigit(text.charCodeAt(text.length - 1)) && MAY_END_IN_PAGE.test(text);
    const mayBeCookie = text.includes('ookie');
    const mayBePrefix = text.length <= 200 && mayStartPrefix(text);
    if (!short && !endsInDigit && !mayBeCookie && !mayBePrefix) continue;
    // Labels and page numbers are short; a logo line ends in "logo". Folded only then (most lines are not).
    const mayBeLabel = text.length <= LABEL_LINE;
    const mayBeLogo = short && (text.endsWith('logo') || text.endsWith('Logo'));
    if (!mayBeLabel && !mayBeLogo && !mayBeCookie && !mayBePrefix && !endsInDigit) continue;
    // A line that can only be a label, and does not begin like one, is passed over unfolded.
    if (!mayBeLogo && !mayBeCookie && !mayBePrefix && !endsInDigit && !mayBeginLabel(text)) continue;
    const folded = foldControl(text);
    if ((mayBeLabel && (CONTROL_LABELS.has(folded) || PAGE_NUMBER_LINE.test(folded))) || (mayBeLogo && LOGO_LINE.test(folded))) {
      found.push(i);
      continue;
    }
    if (mayBePrefix && CONTROL_PREFIX.test(folded)) {
      if (!pageTitle && folded.startsWith('download "')) pageTitle = { line: i, text: text.replace(/^download\s*"|"\s*$/gi, '') };
      found.push(i);
      continue;
    }
    if (mayBeCookie && COOKIE_LINE.test(folded) && COOKIE_CONTEXT.test(folded)) {
      found.push(i);
      continue;
    }
    const page = endsInDigit ? ENDS_IN_PAGE_NUMBER.exec(folded) : null;
    if (page?.groups) {
      const key = page.groups.before;
      const at = running.get(key);
      if (at) at.push(i);
      else running.set(key, [i]);
    }
  }
  // A running header recurs on every page; one line ending in "Side 2" may be prose.
  for (const at of running.values()) if (at.length >= 2) found.push(...at);
  found.sort((a, b) => a - b);
  return pageTitle ? { lines: found, pageTitle } : { lines: found };
}
