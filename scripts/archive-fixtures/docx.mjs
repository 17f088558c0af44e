// Seed 000 as a Word document, written with the `docx` package: the header as paragraphs (the title as
// Heading 1), item headings as Heading 2, section headings as Heading 3, and each table as a real Word table
// (the same blocks as the web page, html.mjs). And three hostile files the DOCX reader must answer quickly:
//   seed-000-truncated.docx  the same document cut halfway through its last part (an interrupted download):
//                            no central directory
//   zip-bomb.docx            a small zip whose word/document.xml inflates to 64 MB (declaring 1 KB)
//   not-a-zip.docx           plain text with a .docx name
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { seedBlocks, seedText } from './html.mjs';

const HEADING = { h1: HeadingLevel.HEADING_1, h2: HeadingLevel.HEADING_2, h3: HeadingLevel.HEADING_3 };

/** A paragraph's runs: a tab in the line (the contents' dot leaders) as a Word tab. */
function runs(text) {
  const children = [];
  text.split('\t').forEach((piece, k) => {
    if (k > 0) children.push(new Tab());
    if (piece !== '') children.push(piece);
  });
  return [new TextRun({ children })];
}

/** @param {string} text */
export function seedAsDocx(text) {
  const children = seedBlocks(text).map((b) => {
    if (b.kind === 'table') {
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: runs(c) })] })) })),
      });
    }
    return b.kind === 'p' ? new Paragraph({ children: runs(b.text) }) : new Paragraph({ heading: HEADING[b.kind], children: runs(b.text) });
  });
  return new Document({ creator: 'Referat fixtures', title: 'Referat - Erhvervsudvalget - 03-11-2021', sections: [{ children }] });
}

/** The entries of a zip archive (by its central directory), unpacked. */
function entriesOf(zip) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory record');
  const entries = [];
  let at = zip.readUInt32LE(end + 16);
  for (let k = 0; k < zip.readUInt16LE(end + 10); k++) {
    const name = zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28));
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    entries.push({ name, data: zip.readUInt16LE(at + 10) === 8 ? zlib.inflateRawSync(packed) : Buffer.from(packed) });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The docx package's archive written again so the fixture is the same on every run: its entries in the same
 * order, dated 1 January 1980, and the document's created and modified dates the meeting's.
 */
function reproducible(zip) {
  return deflatedZip(
    entriesOf(zip).map(({ name, data }) =>
      name === 'docProps/core.xml' ? { name, data: Buffer.from(data.toString('utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '2021-11-03T12:00:00Z')) } : { name, data },
    ),
  );
}

/**
 * The archive cut halfway through its last entry, as an interrupted download leaves it: no central directory,
 * no end record, every entry but the last whole.
 */
export function cutShort(zip) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  const directory = zip.readUInt32LE(end + 16);
  let at = directory;
  let last = 0;
  for (let k = 0; k < zip.readUInt16LE(end + 10); k++) {
    last = zip.readUInt32LE(at + 42);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip.subarray(0, last + Math.floor((directory - last) / 2));
}

/**
 * A zip archive of deflated entries, dated 1 January 1980; `declared` overrides an entry's uncompressed size
 * in its headers (a zip bomb lies about it).
 * @param {{ name: string, data: Buffer, declared?: number }[]} files
 */
export function deflatedZip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const packed = zlib.deflateRawSync(f.data, { level: 9 });
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0); // version needed
    fields.writeUInt16LE(0x0800, 2); // UTF-8 names
    fields.writeUInt16LE(8, 4); // deflated
    fields.writeUInt16LE(0, 6); // time
    fields.writeUInt16LE(0x21, 8); // 1 January 1980
    fields.writeUInt32LE(zlib.crc32(f.data), 10);
    fields.writeUInt32LE(packed.length, 14);
    fields.writeUInt32LE(f.declared ?? f.data.length, 18);
    fields.writeUInt16LE(name.length, 22);
    fields.writeUInt16LE(0, 24); // extra
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), fields, name, packed]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A Word document whose one paragraph repeats a word until document.xml is 64 MB. */
export function zipBomb() {
  const open = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
  const close = '</w:t></w:r></w:p></w:body></w:document>';
  const size = 64 * 1024 * 1024;
  const filler = Buffer.alloc(size - open.length - close.length, 'Referat ');
  const document = Buffer.concat([Buffer.from(open), filler, Buffer.from(close)]);
  return deflatedZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: document, declared: 1024 },
  ]);
}

export async function make({ root, out }) {
  const text = seedText(root);
  const docx = reproducible(await Packer.toBuffer(seedAsDocx(text)));
  const files = {
    'seed-000.docx': docx,
    'seed-000-truncated.docx': cutShort(docx),
    'zip-bomb.docx': zipBomb(),
    'not-a-zip.docx': Buffer.from(`${text.split('\n').slice(0, 12).join('\n')}\n`, 'utf8'),
  };
  return Object.entries(files).map(([name, bytes]) => {
    const file = path.join(out, name);
    writeFileSync(file, bytes);
    return file;
  });
}
