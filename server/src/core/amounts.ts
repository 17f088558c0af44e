/**
 * The unit words of Danish amounts, as data, and what they are worth: "kr." 1, "t. kr." 1.000,
 * "mio. kr." 1.000.000, "mia. kr." 1.000.000.000 kroner per unit written; "pct." and "%" a
 * share. The number before the unit is read by numbers.ts (parseDanishNumber: '.' groups
 * thousands, ',' is the decimal mark), which gives each number its unit and multiplier from
 * here. The table analysis (tables/read.ts, tables/check.ts) and the rules on amounts in the
 * text (RF104, RF210) read units through these functions, so a unit word is added in one place.
 */

/** One scale of money: how it is written and how many kroner one unit of it is. */
interface MoneyScale {
  /** Kroner per unit written. */
  multiplier: number;
  /** How a unit read from a cell begins (numbers.ts lower-cases it: "mio. kr.", "mio."); null for kroner. */
  cellPrefix: string | null;
  /** The scale with its currency anywhere in a text ("Beløb i 1.000 kr.", "millioner kroner"). */
  inText: RegExp;
  /** The scale with its currency right after a number in running text (a regular-expression source). */
  afterNumber: string;
}

// Module constants, not literals in a function: the bundler turns a literal with \p{…} into
// `new RegExp(…)`, which would be built again on every call (once per cell with a unit).
/** From the largest scale down: a text that names two ("1.000 kr. … mio. kr.") is read by the largest. */
const MONEY_SCALES: readonly MoneyScale[] = [
  {
    multiplier: 1e9,
    cellPrefix: 'mia',
    inText: /\bmia\.?\s?kr|\bmilliard\p{L}*\s+kr/u,
    afterNumber: String.raw`(?:mia\.?|milliard(?:er)?)\s?(?:kr\.?|kroner)`,
  },
  {
    multiplier: 1e6,
    cellPrefix: 'mio',
    inText: /\bmio\.?\s?kr|\bmillion\p{L}*\s+kr/u,
    afterNumber: String.raw`(?:mio\.?|million(?:er)?)\s?(?:kr\.?|kroner)`,
  },
  {
    multiplier: 1e3,
    cellPrefix: 't.',
    inText: /1\.000\s?kr|1000\s?kr|\bt\.\s?kr|\btkr\b|\btus\.\s?kr|\btusind\p{L}*\s+kr/u,
    afterNumber: String.raw`t\.\s?kr\.?|tkr\.?|tusind(?:e)?\s+(?:kr\.?|kroner)`,
  },
  {
    multiplier: 1,
    cellPrefix: null,
    inText: /(?:^|[^\p{L}])(?:kr\.?|kroner|dkk)(?![\p{L}])/u,
    afterNumber: String.raw`kr\.?|kroner`,
  },
];

/** "DKK" after a number: a currency, but also the usual one in text from English sources. */
const DKK_AFTER_NUMBER = 'dkk';

/** Texts longer than this are running text, not a unit, title or heading that states a unit. */
const MAX_UNIT_TEXT = 120;

/**
 * Kroner per unit a text states ("Beløb i 1.000 kr." → 1.000, "mio. kr." → 1.000.000, "kr." → 1),
 * or null when it names no money.
 */
export function moneyMultiplier(text: string): number | null {
  if (text.length > MAX_UNIT_TEXT) return null;
  const t = text.toLowerCase();
  for (const scale of MONEY_SCALES) if (scale.inText.test(t)) return scale.multiplier;
  return null;
}

/**
 * The scale of a unit read from a cell ("mio. kr." and "mio." 1.000.000, "t. kr." 1.000, "kr.", "pct."
 * and "" 1): how many of the written number one unit is, whether or not it names kroner.
 */
export function unitMultiplier(unit: string): number {
  for (const scale of MONEY_SCALES) if (scale.cellPrefix !== null && unit.startsWith(scale.cellPrefix)) return scale.multiplier;
  return 1;
}

/** A unit read from a cell that rounds the amounts (thousands, millions, billions). */
export function isRoundedUnit(unit: string | undefined): boolean {
  return unit !== undefined && unitMultiplier(unit) > 1;
}

/** A unit read from a cell that names kroner ("kr.", "t. kr.", "mio. kr."). */
export function isMoneyUnit(unit: string | undefined): boolean {
  return unit !== undefined && unit.includes('kr');
}

/** A unit read from a cell that makes the number a percentage ("%", "pct."). */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && (unit === '%' || unit.startsWith('pct'));
}

/**
 * The money units after a number in running text, as a regular-expression source (no groups):
 * each scale with its currency, largest first, then kroner alone; "DKK" when `dkk` is set.
 */
export function moneyUnitAfterNumber(options: { dkk: boolean }): string {
  const forms = MONEY_SCALES.map((s) => s.afterNumber);
  if (options.dkk) forms.push(DKK_AFTER_NUMBER);
  return forms.join('|');
}
