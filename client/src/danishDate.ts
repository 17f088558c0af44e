/**
 * Dates as a Danish clerk writes them in a dialog: 23-11-2026 (also 23.11.2026 or
 * 23/11/2026, and the ISO form 2026-11-23). Pure, so the unit tests check it without VS Code.
 */

/** "23-11-2026" → "2026-11-23"; null for anything that is not a real calendar date. */
export function danishDateToIso(input: string): string | null {
  const text = input.trim();
  let day: number, month: number, year: number;
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (danish) [day, month, year] = [Number(danish[1]), Number(danish[2]), Number(danish[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date as Danish minutes write it: 23-11-2026. */
export function danishDate(date: Date): string {
  return `${String(date.getDate()).padStart(2, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${date.getFullYear()}`;
}
