// Scoring of Referat's output against hand-checked ground truth (expected.json, as in ../shared/corpus/).
// Pure functions: no file or process access, so the runner (bench/corpus.mjs) and the ratchet test share them.
//
// Rules of the score (issue 15):
// - kind: the outline's kind equals the expected kind;
// - items: the same number of items, each with the expected number on the expected heading line;
// - a mustFind is found by a finding at least as severe as its severity, on its line ±1 or on one of its
//   alsoAt lines; entries that name each other in alsoAt are one defect;
// - a false alarm is a warning or error on a line that is not within ±1 of a line some mustFind or mayFind
//   names (its line or its alsoAt lines);
// - information findings are counted, not judged.

const RANK = { hint: 0, information: 1, warning: 2, error: 3 };

const near = (line, target) => Math.abs(line - target) <= 1;

/** The defects of a file: mustFind entries, those naming each other in alsoAt merged into one. */
export function defectsOf(truth) {
  const defects = [];
  for (const entry of truth.mustFind ?? []) {
    const lines = [entry.line, ...(entry.alsoAt ?? [])];
    const same = defects.find((d) => d.lines.some((l) => lines.includes(l)) && d.severity === entry.severity);
    if (same) {
      for (const l of lines) if (!same.lines.includes(l)) same.lines.push(l);
      same.what.push(entry.what);
    } else {
      defects.push({ lines, severity: entry.severity ?? 'warning', what: [entry.what] });
    }
  }
  return defects;
}

/**
 * Scores one file.
 * @param truth   the expected.json entry of the file
 * @param outline the file's entry of `referat outline --format json` (or undefined when it is missing)
 * @param findings the file's diagnostics from `referat check --format json` (LSP ranges, 0-based lines)
 */
export function scoreFile(truth, outline, findings) {
  const expectedItems = truth.items ?? [];
  const actualItems = (outline?.items ?? []).map((i) => ({ n: i.number, line: i.range.start.line + 1 }));
  const itemsRight =
    actualItems.length === expectedItems.length &&
    expectedItems.every((e, k) => actualItems[k].n === e.n && actualItems[k].line === e.line);

  const at = findings.map((f) => ({ line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message }));
  const defects = defectsOf(truth);
  const found = defects.filter((d) =>
    at.some((f) => RANK[f.severity] >= RANK[d.severity] && d.lines.some((l) => near(f.line, l))),
  );
  const named = [];
  for (const e of [...(truth.mustFind ?? []), ...(truth.mayFind ?? [])]) named.push(e.line, ...(e.alsoAt ?? []));
  const falseAlarms = at.filter((f) => RANK[f.severity] >= RANK.warning && !named.some((l) => near(f.line, l)));
  const information = at.filter((f) => f.severity === 'information');

  return {
    kindRight: (outline?.kind ?? null) === truth.kind,
    kind: outline?.kind ?? null,
    itemsRight,
    items: { expected: expectedItems.length, actual: actualItems.length },
    itemLinesMissed: expectedItems.filter((e) => !actualItems.some((a) => a.n === e.n && a.line === e.line)).map((e) => e.line),
    itemLinesExtra: actualItems.filter((a) => !expectedItems.some((e) => a.n === e.n && a.line === e.line)).map((a) => a.line),
    defects: defects.length,
    defectsFound: found.length,
    defectsMissed: defects.filter((d) => !found.includes(d)).map((d) => ({ lines: d.lines, severity: d.severity, what: d.what })),
    falseAlarms: falseAlarms.length,
    falseAlarmList: falseAlarms,
    information: information.length,
  };
}

/** Totals over scored files. */
export function totals(scored) {
  const values = Object.values(scored);
  const sum = (f) => values.reduce((n, s) => n + f(s), 0);
  return {
    files: values.length,
    kindsRight: sum((s) => (s.kindRight ? 1 : 0)),
    outlinesRight: sum((s) => (s.itemsRight ? 1 : 0)),
    defects: sum((s) => s.defects),
    defectsFound: sum((s) => s.defectsFound),
    falseAlarms: sum((s) => s.falseAlarms),
    information: sum((s) => s.information),
  };
}

/**
 * A published original (issue 25: a PDF, DOCX or HTML file as the municipality published it), scored against
 * expected-originals.json: kind; items by number and title (titles folded, a title cut by the extraction
 * matching by a prefix of at least 12 characters, as the openings'); false warnings/errors: those of the
 * original beyond the findings of the same meeting's text file (by code and severity), so that "the same
 * findings as the text" is zero; information counted (the damaged file's RF097 among them).
 */
export function scoreOriginal(truth, outline, findings, textFindings = []) {
  const expected = (truth.items ?? []).map((i) => ({ n: Number(i.number), title: i.title }));
  const actual = (outline?.items ?? []).map((i) => ({ n: i.number, title: i.title }));
  const matches = (e, a) => e.n === a.n && sameTitle(e.title, a.title);
  const itemsRight = expected.length === actual.length && expected.every((e, k) => matches(e, actual[k]));
  const warningsOf = (list) => list.filter((f) => RANK[f.severity] >= RANK.warning).map((f) => `${f.code}:${f.severity}`);
  const left = warningsOf(textFindings);
  const falseAlarmList = [];
  for (const f of findings.filter((x) => RANK[x.severity] >= RANK.warning)) {
    const k = left.indexOf(`${f.code}:${f.severity}`);
    if (k >= 0) left.splice(k, 1);
    else falseAlarmList.push({ line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message });
  }
  return {
    kindRight: (outline?.kind ?? null) === truth.kind,
    kind: outline?.kind ?? null,
    itemsRight,
    items: { expected: expected.length, actual: actual.length },
    itemLinesMissed: expected.filter((e) => !actual.some((a) => matches(e, a))).map((e) => `${e.n} ${e.title}`),
    itemLinesExtra: actual.filter((a) => !expected.some((e) => matches(e, a))).map((a) => `${a.n} ${a.title}`),
    defects: 0,
    defectsFound: 0,
    defectsMissed: [],
    falseAlarms: falseAlarmList.length,
    falseAlarmList,
    information: findings.filter((f) => f.severity === 'information').length,
  };
}

const foldForTitle = (t) => t.normalize('NFC').toLocaleLowerCase('da').replace(/[\s\u00a0]+/g, ' ').replace(/[.:]+$/, '').trim();
function sameTitle(expected, actual) {
  const e = foldForTitle(expected);
  const a = foldForTitle(actual);
  return e === a || (a.length >= 12 && e.startsWith(a)) || (e.length >= 12 && a.startsWith(e));
}

/**
 * The figures the ratchet holds, and whether `now` is at least as good as `floor` in each.
 * Returns the list of figures that got worse (empty when none did).
 */
export function worseThan(floor, now) {
  const worse = [];
  for (const set of Object.keys(floor)) {
    const f = floor[set];
    const n = now[set];
    if (!n) {
      worse.push(`${set}: not measured`);
      continue;
    }
    for (const key of ['kindsRight', 'outlinesRight', 'defectsFound']) {
      if (n[key] < f[key]) worse.push(`${set}.${key}: ${n[key]} < ${f[key]}`);
    }
    for (const key of ['falseAlarms', 'information']) {
      if (n[key] > f[key]) worse.push(`${set}.${key}: ${n[key]} > ${f[key]}`);
    }
  }
  return worse;
}

// ---------------------------------------------------------------------------------------------------------
// Published openings (issue 22): the first ~2,000 bytes of a published meeting, as a browser or a PDF viewer
// shows it, scored against ../shared/corpus/pages/published-openings.json (kind, and the items whose headings
// are in the opening, by number and title; no line numbers). The opening's last item is cut off, so:
// - a finding on or after the heading of the opening's last item is not counted (its text is incomplete);
// - checks that need the whole document are not counted (WHOLE_DOCUMENT_CODES: the contents list names items
//   beyond the cut);
// - "outline right where an item sequence is visible" counts the files with at least two expected items.

/** Rules whose findings need the whole document: not judged on an opening. */
export const WHOLE_DOCUMENT_CODES = new Set(['RF011']);

/** A title folded for comparison: lower case, punctuation and marks dropped, spaces collapsed. */
export function foldOpeningTitle(title) {
  return title
    .toLocaleLowerCase('da')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether Referat's title is the expected one: equal when folded, or one starts with the other (a marker such
 * as "(B)" after the title, or a title the opening cuts off), with at least 12 characters in common.
 */
export function sameOpeningTitle(actual, expected) {
  const a = foldOpeningTitle(actual);
  const e = foldOpeningTitle(expected);
  if (a === e) return true;
  const shorter = a.length < e.length ? a : e;
  const longer = a.length < e.length ? e : a;
  return shorter.length >= 12 && longer.startsWith(shorter);
}

/**
 * Scores one opening.
 * @param truth    the published-openings.json entry (kind, items: [{number, title}])
 * @param outline  the file's entry of `referat outline --format json` (undefined when missing)
 * @param findings the file's diagnostics from `referat check --format json`
 */
export function scoreOpening(truth, outline, findings) {
  const expected = truth.items ?? [];
  const actual = (outline?.items ?? []).map((i) => ({ n: i.number, title: i.title, line: i.range.start.line }));
  const matches = (a, e) => String(a.n) === String(e.number) && sameOpeningTitle(a.title, e.title);
  const itemsRight = actual.length === expected.length && expected.every((e, k) => matches(actual[k], e));
  // Where the opening's last item starts: the matching item of Referat's outline, else Referat's last item.
  const lastExpected = expected[expected.length - 1];
  const lastFound = lastExpected ? actual.find((a) => matches(a, lastExpected)) : undefined;
  const cut = lastFound?.line ?? actual[actual.length - 1]?.line ?? Infinity;
  const judged = findings
    .map((f) => ({ line: f.range.start.line + 1, code: f.code, severity: f.severity, message: f.message }))
    .filter((f) => f.line - 1 < cut && !WHOLE_DOCUMENT_CODES.has(f.code));
  const falseAlarms = judged.filter((f) => RANK[f.severity] >= RANK.warning);
  const information = judged.filter((f) => f.severity === 'information');
  return {
    kindRight: (outline?.kind ?? null) === truth.kind,
    kind: outline?.kind ?? null,
    itemsRight,
    sequenceVisible: expected.length >= 2,
    items: { expected: expected.length, actual: actual.length },
    itemsMissed: expected.filter((e) => !actual.some((a) => matches(a, e))).map((e) => `${e.number}. ${e.title}`),
    itemsExtra: actual.filter((a) => !expected.some((e) => matches(a, e))).map((a) => `L${a.line + 1} ${a.n}. ${a.title}`),
    falseAlarms: falseAlarms.length,
    falseAlarmList: falseAlarms,
    information: information.length,
    informationList: information,
  };
}

/** Totals over scored openings. */
export function openingTotals(scored) {
  const values = Object.values(scored);
  const sum = (f) => values.reduce((n, s) => n + f(s), 0);
  return {
    files: values.length,
    kindsRight: sum((s) => (s.kindRight ? 1 : 0)),
    outlinesRight: sum((s) => (s.itemsRight ? 1 : 0)),
    sequences: sum((s) => (s.sequenceVisible ? 1 : 0)),
    sequencesRight: sum((s) => (s.sequenceVisible && s.itemsRight ? 1 : 0)),
    falseAlarms: sum((s) => s.falseAlarms),
    information: sum((s) => s.information),
    documentsOverOneInformation: sum((s) => (s.information > 1 ? 1 : 0)),
  };
}
