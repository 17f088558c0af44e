// Each figure of bench/run.mjs beside its target: first the table of issue 28 ("Speed III"),
// then the older targets of "Speed II" and "Robustness and speed". Printed, never asserted:
// a person judges them, with the load average beside them (above ~0.5 the figures are inflated).

/** @param {Record<string, any>} r the results of bench/run.mjs */
export function targetRows(r) {
  const perMb = (msValue, mb) => msValue / mb;
  const lspPerMb10k = perMb(r.openToDiagnosticsMs, r.openMb);
  const lspPerMbHuge = perMb(r.hugeValidationMs, r.hugeMb);
  const twoCores = (x) => r.cliCores < 2 || x >= 1.6;
  const scaling = r.cliScaling ? ` (${r.cliScaling.runs} pairs: ${r.cliScaling.ratio.min}–${r.cliScaling.ratio.max}×)` : '';
  return {
    speedIII: [
      ['Referat / bare pass, same bytes (10k lines)', r.referatMs / r.barePassMs, `× (${r.referatMs} / ${r.barePassMs} ms)`, (x) => x <= 5, '≤ 5×'],
      ['markdownlint / Referat, same bytes', r.markdownlintMs / r.referatMs, '× slower', (x) => x >= 60, '≥ 60× slower'],
      ['CLI on all cores against 1 (median pair)', r.cliAllCoresSpeedup, `×${scaling}`, twoCores, `≥ 1.6× on 2 cores (${r.cliCores} here)`],
      ['CLI on one core against the core alone', r.cliShareOfCore === undefined ? undefined : r.cliShareOfCore * 100, `% (${r.cliMbPerS} / ${r.cliCoreMbPerS} MB/s)`, (x) => x >= 70, '≥ 70 %'],
      ['didChange → diagnostics p95 (10k lines)', r.changeToDiagnosticsP95Ms, `ms (p50 ${r.changeToDiagnosticsP50Ms}; server CPU ${r.changeCpuMs} ms a keystroke)`, (x) => x <= 15, '≤ 15 ms'],
      ['server peak RSS, 50 documents', r.rss50DocsMb, `MB (idle ${r.rssIdleMb})`, (x) => x <= 70, '≤ 70 MB'],
      ['20 MB over LSP: ms/MB against the 10k', lspPerMbHuge / lspPerMb10k, `× (${lspPerMbHuge.toFixed(0)} / ${lspPerMb10k.toFixed(0)} ms/MB)`, (x) => x <= 1.5, '≤ 1.5×'],
    ],
    older: [
      ['full validation, 10,000 lines', r.validate10kMs, 'ms', (x) => x <= 8, '≤ 8 ms'],
      ['20 MB over LSP, didOpen → diagnostics', r.hugeValidationMs, `ms (core: ${r.hugeCoreMs} ms = ${perMb(r.hugeCoreMs, r.hugeCoreMb).toFixed(0)} ms/MB)`, () => true, '(ms/MB above is the target)'],
      ['ms per 1,000 lines, 1,000 → 100,000', r.msPer1kLines ? Math.max(...Object.values(r.msPer1kLines)) / Math.min(...Object.values(r.msPer1kLines)) : undefined, '× (highest / lowest)', (x) => x <= 1.25, 'flat (≤ 1.25×)'],
      ['symbols (30 KB) while 20 MB validates, p95', r.symbolsWhileHugeP95Ms, 'ms', (x) => x <= 100, '≤ 100 ms'],
      ['CLI, one core', r.cliMbPerS, 'MB/s', (x) => x >= 60, '≥ 60 MB/s'],
      ['CLI, one 20 MB file against the archive', r.cli20MbMbPerS / r.cliMbPerS, '×', (x) => x >= 0.8, 'linear (≥ 0.8×)'],
    ],
    // The input readers (issue 25): figures to watch, no target set yet.
    readers: [
      ['PDF reader', r.pdfMbPerS, `MB/s (${r.pdfPagesPerS} pages/s)`, () => true, '(no target yet)'],
      ['DOCX reader', r.docxMbPerS, `MB/s (${r.docxPagesPerS} pages/s)`, () => true, '(no target yet)'],
      ['HTML reader', r.htmlMbPerS, `MB/s (${r.htmlPagesPerS} pages/s)`, () => true, '(no target yet)'],
      ['reading a 20 MB PDF, peak RSS', r.pdf20MbPeakRssMb, `MB (${r.pdf20MbPages} pages in ${r.pdf20MbMs} ms)`, () => true, '(no target yet)'],
    ],
  };
}

/** Prints the targets, each marked met or MISSED (blank when the figure was not measured). */
export function printTargets(r, log = console.log) {
  const { speedIII, older, readers } = targetRows(r);
  const print = (rows) => {
    for (const [name, value, unit, ok, target] of rows) {
      const missing = value === undefined || Number.isNaN(value);
      const shown = missing ? 'n/a' : `${Number(value.toFixed(2))} ${unit}`;
      log(`${missing ? '      ' : ok(value) ? 'met   ' : 'MISSED'}  ${name.padEnd(44)} ${shown.padEnd(40)} target ${target}`);
    }
  };
  const { start, end } = r.loadAverage;
  log(`\nTargets of Speed III (load average ${start} at the start, ${end} at the end; above ~0.5 the figures are inflated)`);
  print(speedIII);
  log('\nOlder targets');
  print(older);
  log('\nInput readers');
  print(readers);
  if (r.skipped?.length) log(`\n(not measured in this run, kept from the last: ${r.skipped.join(', ')})`);
}
