/** Character-code tests of the hot paths, where a look at one character spares a pattern. */

/** 0–9 (ASCII only: the patterns they stand in for read `\d` without the `u` flag's wider digits). */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A–Z or a–z: `| 32` lower-cases an ASCII capital and maps no other character into a–z. */
export function isAsciiLetter(code: number): boolean {
  const lower = code | 32;
  return lower >= 97 && lower <= 122;
}
