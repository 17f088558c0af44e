/**
 * Where a number stands in running text. Dates, year ranges and CPR numbers inside a
 * file name or an address ("…-2020-08-10.pdf", "…/2021/…") are parts of a name, not
 * facts of the meeting; both the date and the CPR collectors ask here.
 */

const FILE_EXTENSION = /\.(?:pdf|docx?|xlsx?|pptx?|txt|csv|html?|xml|json|jpe?g|png|gif|tiff?|msg|eml|odt|ods|rtf|zip)\b/i;
/** How far around a match the surrounding token is looked at: bounded, so a 1 MB line stays linear. */
const TOKEN_REACH = 200;

/**
 * True when [start, end) of `text` lies in a file name or an address: the run of
 * non-blank characters around it has a slash, a backslash, an @ or an underscore,
 * or continues with a file extension.
 */
export function inNameOrAddress(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < TOKEN_REACH && !isBlank(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < TOKEN_REACH && !isBlank(text.charCodeAt(b))) b++;
  if (/[/\\@_]/.test(text.slice(a, start)) || /[/\\@_]/.test(text.slice(end, b))) return true;
  return FILE_EXTENSION.test(text.slice(end, b));
}

export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
