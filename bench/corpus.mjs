// npm run corpus: how well Referat reads real minutes it was not written around.
//
// Reads the ground truth of ../shared/corpus/ (expected.json; the documents stay there) and of the examples
// (test/corpus/examples.expected.json over test/fixtures/), runs the built CLI's `outline` and `check` on the
// documents exactly as a user would, and prints per file: kind right, items right, real defects found, false
// warnings/errors, information count; then totals per set. Writes bench/out/corpus.json.
//
//   node bench/corpus.mjs               the table (and bench/out/corpus.json)
//   node bench/corpus.mjs --verbose     also every false alarm, missed defect and misplaced item
//   node bench/corpus.mjs --json        only the JSON, on stdout (used by the ratchet test)
//   node bench/corpus.mjs --update-floor  raise test/corpus/floor.json to today's figures where they are better
//   node bench/corpus.mjs --openings DIR  score published openings kept in a scratch folder DIR (never committed)
//                                         against ../shared/corpus/pages/published-openings.json (or --truth FILE),
//                                         the way Referat is judged on bodies it never saw (see corpus-score.mjs)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openingTotals, scoreFile, scoreOpening, scoreOriginal, totals, worseThan } from './corpus-score.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const args = new Set(argv);
/** The value after a flag ("--openings DIR"), or undefined. */
const valueOf = (flag) => {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
};
const FLOOR = path.join(root, 'test', 'corpus', 'floor.json');

export const SETS = {
  corpus: { dir: path.resolve(root, '..', 'shared', 'corpus'), truth: path.resolve(root, '..', 'shared', 'corpus', 'expected.json') },
  examples: { dir: path.join(root, 'test', 'fixtures'), truth: path.join(root, 'test', 'corpus', 'examples.expected.json') },
  // The same meetings as published (PDF): read by the CLI's input readers, compared with their text files.
  originals: {
    dir: path.resolve(root, '..', 'shared', 'corpus', 'originals'),
    truth: path.resolve(root, '..', 'shared', 'corpus', 'originals', 'expected-originals.json'),
    texts: path.resolve(root, '..', 'shared', 'corpus'),
  },
};

function runCli(command, files) {
  let out;
  try {
    out = execFileSync(process.execPath, [cli, command, '--format', 'json', ...(command === 'check' ? ['--exit-zero'] : []), ...files], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    // Exit code 2: a file could not be read. It is scored as read wrong; the others still count.
    const failed = /** @type {{ status?: number, stdout?: string }} */ (e);
    if (failed.status !== 2 || typeof failed.stdout !== 'string') throw e;
    out = failed.stdout;
  }
  return JSON.parse(out);
}

/**
 * @param {{ dir: string, truth: string, texts?: string }} set
 * @param {(truth: any, outline: any, findings: any, textFindings: any[]) => any} [score]
 * @param {(perFile: Record<string, any>) => any} [sum]
 */
function scoreSet({ dir, truth, texts }, score = scoreFile, sum = totals) {
  const expected = JSON.parse(readFileSync(truth, 'utf8')).files;
  const names = Object.keys(expected).filter((n) => existsSync(path.join(dir, n)));
  const files = names.map((n) => path.join(dir, n));
  const byName = (list) => new Map(list.map((entry) => [path.basename(entry.file), entry]));
  const outlines = byName(runCli('outline', files));
  const checks = byName(runCli('check', files));
  // An original is compared with the findings of its meeting's text file, where the truth names one.
  const textOf = (name) => (texts && expected[name].text ? path.join(texts, expected[name].text) : null);
  const textFiles = names.map(textOf).filter((f) => f && existsSync(f));
  const textChecks = textFiles.length > 0 ? byName(runCli('check', textFiles)) : new Map();
  const perFile = {};
  for (const name of names) {
    const text = textOf(name);
    const textFindings = text ? (textChecks.get(path.basename(text))?.diagnostics ?? []) : [];
    perFile[name] = score(expected[name], outlines.get(name), checks.get(name)?.diagnostics ?? [], textFindings);
  }
  const absent = Object.keys(expected).filter((n) => !names.includes(n));
  return { perFile, totals: sum(perFile), absent };
}

const OPENINGS_TRUTH = path.resolve(root, '..', 'shared', 'corpus', 'pages', 'published-openings.json');

/** Scores the published openings kept in `dir` (see corpus-score.mjs, scoreOpening). */
export function measureOpenings(dir, truth = OPENINGS_TRUTH) {
  if (!existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: run 'npm run build' first`);
  return scoreSet({ dir: path.resolve(dir), truth }, scoreOpening, openingTotals);
}

function printOpenings(result) {
  console.log('\nopenings');
  console.log('  kind items   false  info  file');
  for (const [file, s] of Object.entries(result.perFile)) {
    const items = `${mark(s.itemsRight)} ${String(s.items.actual).padStart(2)}/${String(s.items.expected).padEnd(2)}`;
    console.log(`  ${mark(s.kindRight)}  ${items.padEnd(9)} ${String(s.falseAlarms).padStart(5)} ${String(s.information).padStart(5)}  ${file}`);
    if (args.has('--verbose')) {
      if (!s.kindRight) console.log(`        kind read as ${s.kind}`);
      for (const m of s.itemsMissed) console.log(`        item missed: ${m}`);
      for (const m of s.itemsExtra) console.log(`        item extra:  ${m}`);
      for (const f of s.falseAlarmList) console.log(`        FALSE  L${f.line} ${f.severity} ${f.code}: ${f.message}`);
      for (const f of s.informationList) console.log(`        INFO   L${f.line} ${f.code}: ${f.message}`);
    }
  }
  const t = result.totals;
  console.log(
    `  totals: kinds right ${t.kindsRight}/${t.files}, outlines right ${t.outlinesRight}/${t.files}, ` +
      `where an item sequence is visible ${t.sequencesRight}/${t.sequences}, false warnings/errors ${t.falseAlarms}, ` +
      `information ${t.information} (${t.documentsOverOneInformation} documents with more than one)`,
  );
  if (result.absent.length) console.log(`  NOT IN THE FOLDER (not scored): ${result.absent.join(', ')}`);
}

export function measure() {
  if (!existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: run 'npm run build' first`);
  const result = { sets: {}, missing: [] };
  for (const [name, set] of Object.entries(SETS)) {
    if (!existsSync(set.truth)) {
      result.missing.push(`${name}: ${set.truth}`);
      continue;
    }
    result.sets[name] = name === 'originals' ? scoreSet(set, scoreOriginal) : scoreSet(set);
  }
  return result;
}

const mark = (ok) => (ok ? 'yes' : 'NO ');

function print(result) {
  for (const [name, set] of Object.entries(result.sets)) {
    console.log(`\n${name}`);
    console.log('  kind items          defects  false  info  file');
    for (const [file, s] of Object.entries(set.perFile)) {
      const items = `${mark(s.itemsRight)} ${String(s.items.actual).padStart(2)}/${String(s.items.expected).padEnd(2)}`;
      console.log(
        `  ${mark(s.kindRight)}  ${items.padEnd(14)} ${`${s.defectsFound}/${s.defects}`.padStart(5)}   ${String(s.falseAlarms).padStart(5)} ${String(s.information).padStart(5)}  ${file}`,
      );
      if (args.has('--verbose')) {
        if (s.itemLinesMissed.length) console.log(`        items missed at lines ${s.itemLinesMissed.join(', ')}`);
        if (s.itemLinesExtra.length) console.log(`        items extra at lines ${s.itemLinesExtra.join(', ')}`);
        for (const d of s.defectsMissed) console.log(`        MISSED L${d.lines.join('/')} ${d.severity}: ${d.what.join(' | ')}`);
        for (const f of s.falseAlarmList) console.log(`        FALSE  L${f.line} ${f.severity} ${f.code}: ${f.message}`);
      }
    }
    const t = set.totals;
    console.log(
      `  totals: kinds right ${t.kindsRight}/${t.files}, outlines right ${t.outlinesRight}/${t.files}, ` +
        `real defects found ${t.defectsFound}/${t.defects}, false warnings/errors ${t.falseAlarms}, information ${t.information}`,
    );
  }
  for (const m of result.missing) console.log(`\nNOT MEASURED (ground truth absent): ${m}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && valueOf('--openings')) {
  const result = measureOpenings(valueOf('--openings'), valueOf('--truth') ?? OPENINGS_TRUTH);
  if (args.has('--json')) process.stdout.write(JSON.stringify(result, null, 1) + '\n');
  else printOpenings(result);
} else if (isMain) {
  const result = measure();
  const summary = Object.fromEntries(Object.entries(result.sets).map(([k, v]) => [k, v.totals]));
  if (args.has('--json')) {
    process.stdout.write(JSON.stringify({ ...result, summary }, null, 1) + '\n');
  } else {
    print(result);
    mkdirSync(path.join(here, 'out'), { recursive: true });
    writeFileSync(path.join(here, 'out', 'corpus.json'), JSON.stringify({ ...result, summary }, null, 1) + '\n');
    console.log(`\nwrote ${path.relative(root, path.join(here, 'out', 'corpus.json'))}`);
  }
  if (args.has('--update-floor')) {
    const floor = existsSync(FLOOR) ? JSON.parse(readFileSync(FLOOR, 'utf8')) : {};
    const worse = worseThan(floor, summary);
    if (worse.length) {
      console.error(`not updating ${path.relative(root, FLOOR)}: figures got worse:\n  ${worse.join('\n  ')}`);
      process.exit(1);
    }
    writeFileSync(FLOOR, JSON.stringify(summary, null, 1) + '\n');
    console.log(`raised ${path.relative(root, FLOOR)} to today's figures`);
  }
}
