/** Danish number formatting for messages, fixes and hovers: 14.385, -29.599, 10,9. */

/**
 * Formats a number the Danish way. `group`: thousands dots always (messages), never, or
 * 'auto' (as the cell it replaces was written: dots when it had them or the number is
 * five digits or more).
 */
export function formatNumber(value: number, decimals = 0, group: boolean | 'auto' = true, like?: string): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(Math.max(0, Math.min(decimals, 6)));
  const [int, frac] = fixed.split('.');
  const useDots = group === 'auto' ? (like !== undefined && /\d\.\d{3}/.test(like)) || int.length >= 5 : group;
  const grouped = useDots ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return `${negative && Number(fixed) !== 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}
