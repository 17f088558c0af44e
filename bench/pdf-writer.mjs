// A plain PDF of many pages of text, written without a library, for the readers' benchmark (bench/readers.mjs):
// Helvetica (a standard font, nothing embedded), uncompressed content streams, each line a text object, table
// rows as text placed in columns. Text-heavy on purpose: the reader's work grows with the text, not with
// images, so this is the hard case of a PDF of its size.

/** Text as a PDF string in WinAnsiEncoding (Latin-1 here; other characters as '?'), escaped. */
function pdfString(text) {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0);
    const byte = code < 256 ? code : ch === '–' ? 0x96 : ch === '”' ? 0x94 : ch === '’' ? 0x92 : 0x3f;
    const c = String.fromCharCode(byte);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return `(${out})`;
}

/**
 * A PDF whose pages hold `lines` (a tab separates cells, placed in columns), about `perPage` lines a page, as
 * many times over as it takes to reach `targetBytes`.
 * @param {string[]} lines
 * @param {number} targetBytes
 */
export function textPdf(lines, targetBytes, perPage = 150) {
  const pages = [];
  let size = 0;
  let at = 0;
  while (size < targetBytes) {
    const ops = ['BT', '/F1 4.5 Tf'];
    let y = 800;
    for (let k = 0; k < perPage; k++, at = (at + 1) % lines.length) {
      const cells = lines[at].slice(0, 400).split('\t');
      cells.forEach((cell, c) => ops.push(`1 0 0 1 ${40 + c * 170} ${y} Tm ${pdfString(cell.slice(0, c === 0 ? 90 : 30))} Tj`));
      y -= 5;
    }
    ops.push('ET');
    const stream = ops.join('\n');
    pages.push(stream);
    size += stream.length + 200;
  }
  const objects = [];
  const add = (body) => objects.push(body) + 2; // object numbers from 3 (1 catalog, 2 pages)
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const stream of pages) {
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  const all = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>`, ...objects];
  const parts = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  const offsets = [];
  let offset = Buffer.byteLength(parts[0], 'latin1');
  all.forEach((body, k) => {
    const obj = `${k + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(offset);
    offset += Buffer.byteLength(obj, 'latin1');
    parts.push(obj);
  });
  const xref = [`xref\n0 ${all.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(xref, `trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return { bytes: Buffer.from(parts.join(''), 'latin1'), pages: kids.length };
}
