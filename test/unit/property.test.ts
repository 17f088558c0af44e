/**
 * Property tests over the core (issue "Robustness and speed"): whatever the text, analyze()
 * returns (no exception, no hang), every range it gives is in the document and on UTF-16
 * boundaries, every child range is inside its parent, and the same text gives the same
 * result. Seeded and bounded: see property-support.ts (REFERAT_FC_SEED, REFERAT_FC_PATH).
 *
 * Each case runs in a worker (property-support.ts, CoreWorker) with a time bound, so a hang
 * fails the case instead of stalling the run; the bounds are far above the work (they tell
 * a hang from a slow case, they are no speed targets: bench/ measures speed). The worker
 * analyses each text twice and compares the two results (the large inputs: once).
 * The whole file takes some 10-15 s on the 2-core machine.
 */
import fc from 'fast-check';
import {
  applyLineEdit,
  applyTransform,
  anyUnits,
  CoreWorker,
  EOLS,
  EXOTIC,
  FC_SEED,
  lineEdit,
  minutesText,
  oracleLines,
  SEED_FILES,
  SEED_TEXTS,
  checkProperty,
  transform,
} from './property-support';

/** A hang bound, not a speed target: ordinary cases take milliseconds. */
const SMALL_BOUND_MS = 5000;
/** For the megabyte lines and the 200,000 lines (a second or two of work on this machine). */
const LARGE_BOUND_MS = 30000;

describe(`core properties (fast-check seed ${FC_SEED})`, function () {
  let worker: CoreWorker;
  before(() => (worker = new CoreWorker()));
  after(async () => worker.close());

  const checkText = (text: string) => worker.check(text, SMALL_BOUND_MS).then(() => undefined);

  it('random UTF-16 text (lone surrogates and control characters included)', async function () {
    this.timeout(60000);
    await checkProperty('random text', fc.asyncProperty(anyUnits, checkText), 300);
  });

  it('minutes-like lines with mixed line endings, BOM, NBSP, NFD, zero-width and astral characters', async function () {
    this.timeout(60000);
    await checkProperty(
      'minutes-like text',
      fc.asyncProperty(minutesText, fc.array(transform, { maxLength: 4 }), async (text, ts) => {
        await checkText(ts.reduce(applyTransform, text));
      }),
      400,
    );
  });

  it('the seeds after random line edits (delete, duplicate, swap, split, join, move) and transformations', async function () {
    this.timeout(60000);
    await checkProperty(
      'edited seeds',
      fc.asyncProperty(
        fc.nat(SEED_TEXTS.length - 1),
        fc.array(lineEdit, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...EOLS),
        fc.array(transform, { maxLength: 3 }),
        async (seed, edits, eol, ts) => {
          const lines = edits.reduce(applyLineEdit, oracleLines(SEED_TEXTS[seed]));
          await checkText(ts.reduce(applyTransform, lines.join(eol)));
        },
      ),
      150,
    );
  });

  describe('each seed in every encoding accident', () => {
    const variants: [string, (t: string) => string][] = [
      ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
      ['CR', (t) => t.replace(/\n/g, '\r')],
      ['mixed CRLF/LF/CR', (t) => applyTransform(t, { kind: 'eol', eols: ['\r\n', '\n', '\r', '\r\n', '\r'] })],
      ['a BOM', (t) => '\uFEFF' + t],
      ['NBSP for every space', (t) => t.replace(/ /g, '\u00A0')],
      ['NFD (decomposed å, é)', (t) => t.normalize('NFD')],
      ['zero-width characters between words', (t) => t.replace(/ /g, ' \u200B').replace(/\n/g, '\u2060\n')],
      ['a form feed before every line', (t) => t.replace(/\n/g, '\n\f')],
      ['an emoji in every line', (t) => t.replace(/\n/g, ' 😀👍🏽\n').replace(/: /g, ': 🇩🇰 ')],
      ['every exotic character at the start of lines', (t) => t.split('\n').map((l, k) => EXOTIC[k % EXOTIC.length] + l).join('\n')],
    ];
    SEED_FILES.forEach((name, k) => {
      it(name, async () => {
        for (const [variant, f] of variants) {
          await checkText(f(SEED_TEXTS[k])).catch((e: Error) => {
            e.message = `${name} with ${variant}: ${e.message}`;
            throw e;
          });
        }
      });
    });
  });

  describe('large inputs (times printed, bounded by a hang limit only)', function () {
    this.timeout(LARGE_BOUND_MS * 3);
    const MB = 1 << 20;
    const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length));
    const head = 'REFERAT Erhvervsudvalget d. 03-11-2021\n\nIndholdsfortegnelse\n\nMeddelelser.....\t3\n\nPunkt 1: Meddelelser\n\n';
    const cases: [string, () => string][] = [
      ['a 1 MB item heading', () => `Punkt 1: ${fill('Budget ')}\n\nBeslutning\n\nGodkendt\n`],
      ['a 1 MB contents entry (dot leaders)', () => `Indholdsfortegnelse\n\n${fill('Meddelelser... ')}\t3\n${fill('.')}\n\nPunkt 1: Meddelelser\n`],
      ['a 1 MB table row of Danish numbers', () => `${head}Sagsfremstilling\n\nA\t1\t2\nI alt${fill('\t1.303')}\n${fill('1.303\t')}\n`],
      ['a 1 MB decision', () => `${head}Beslutning\n\n${fill('Godkendt, ')}\n`],
      ['a 1 MB attachment line (uppercase word, dates)', () => `${head}Bilag\n\n${fill('ANBEFALES')}\n${fill('03-11-2021 2021-2025 ')}\n`],
      ['a 1 MB line of emoji and exotic spaces', () => `${head}Resumé\n\n${fill('😀\u00A0\u200B👍🏽 ')}\n`],
      ['a 1 MB earlier treatment of dates', () => `${head}Tidligere behandling\n\n${fill('Udvalget den 3. november 2021, punkt 4; ')}\n`],
      ['a 1 MB line without any line break at all', () => fill('Punkt 1: x Beslutning 1.303\t')],
      ['200,000 lines of the seeds', () => {
        const lines: string[] = [];
        for (let k = 0; lines.length < 200000; k++) lines.push(...oracleLines(SEED_TEXTS[k % SEED_TEXTS.length]));
        return lines.slice(0, 200000).join('\n');
      }],
      ['200,000 item headings', () => Array.from({ length: 200000 }, (_, k) => `Punkt ${k + 1}: Sag ${k}`).join('\n')],
      // One table of 200,000 rows takes the table checks some 15 s: 20,000 rows keep the run short.
      ['a table of 20,000 rows', () => `${head}${Array.from({ length: 20000 }, (_, k) => `Post ${k}\t${k}\t1.303\t-`).join('\n')}`],
      ['200,000 lines of sections under one item', () => `${head}${Array.from({ length: 100000 }, (_, k) => (k % 2 ? 'Beslutning\nGodkendt' : 'Indstilling\nGodkendes')).join('\n')}`],
      ['200,000 numbered list lines and blank lines (weak headings)', () => Array.from({ length: 100000 }, (_, k) => `${(k % 40) + 1}. Titel ${k}\n`).join('\n')],
      ['200,000 blank lines, CR only', () => '\r'.repeat(200000) + 'Punkt 1: Sidst\rBeslutning\rGodkendt'],
    ];
    for (const [name, make] of cases) {
      it(name, async () => {
        const text = make();
        const ms = await worker.check(text, LARGE_BOUND_MS, false);
        console.log(`      ${name}: ${(text.length / MB).toFixed(2)} MB, ${oracleLines(text).length} lines, analyze ${ms.toFixed(0)} ms`);
      });
    }
  });
});
