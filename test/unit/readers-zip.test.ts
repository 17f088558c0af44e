/**
 * The zip pieces under the DOCX reader: the listing by central directory or by local headers (with data
 * descriptors, as streaming zip writers leave them), unpacking within a budget counted while inflating, and
 * the stored archive written back for mammoth.
 */
import * as assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { UnreadableInputError } from '../../server/src/readers/reader';
import { listZip } from '../../server/src/readers/zip-entries';
import { EntryError, InflateBudget, unpack } from '../../server/src/readers/zip-limits';
import { crc32, storedZip } from '../../server/src/readers/zip-store';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** One deflated entry written as a streaming writer does: sizes 0 in the header, a data descriptor after. */
function streamedEntry(name: string, data: Uint8Array, signature: boolean): Buffer {
  const packed = zlib.deflateRawSync(data);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x08, 6);
  header.writeUInt16LE(8, 8);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  const descriptor = Buffer.alloc(signature ? 16 : 12);
  let at = 0;
  if (signature) at = descriptor.writeUInt32LE(0x08074b50, 0);
  at = descriptor.writeUInt32LE(zlib.crc32(data), at);
  at = descriptor.writeUInt32LE(packed.length, at);
  descriptor.writeUInt32LE(data.length, at);
  return Buffer.concat([header, Buffer.from(name), packed, descriptor]);
}

describe('the zip pieces of the DOCX reader (readers/zip-*.ts)', () => {
  it('writes a stored archive that lists and unpacks back to the same files, with the standard CRC-32', async () => {
    assert.equal(crc32(utf8('123456789')), 0xcbf43926);
    const zip = storedZip([{ name: 'word/document.xml', data: utf8('<w:document/>') }, { name: 'æ/ø.rels', data: utf8('å') }]);
    const listing = listZip(zip);
    assert.equal(listing.fromLocalHeaders, false);
    assert.deepEqual(listing.entries.map((e) => e.name), ['word/document.xml', 'æ/ø.rels']);
    const budget = new InflateBudget(1000);
    assert.equal(text(await unpack(zip, listing.entries[0]!, budget)), '<w:document/>');
    assert.equal(text(await unpack(zip, listing.entries[1]!, budget)), 'å');
    assert.equal(budget.used, 13 + 2);
  });

  it('reads entries with data descriptors (with and without their signature) from the local headers alone', async () => {
    const first = utf8('<w:p>Punkt 1: Godkendelse</w:p>'.repeat(20));
    const zip = new Uint8Array(Buffer.concat([streamedEntry('word/document.xml', first, true), streamedEntry('word/styles.xml', utf8('<w:styles/>'), false), streamedEntry('_rels/.rels', utf8('<Relationships/>'), true)]));
    const listing = listZip(zip);
    assert.equal(listing.fromLocalHeaders, true);
    assert.deepEqual(listing.entries.map((e) => e.name), ['word/document.xml', 'word/styles.xml', '_rels/.rels']);
    assert.deepEqual(listing.cut, []);
    assert.deepEqual(await unpack(zip, listing.entries[0]!, new InflateBudget(1e6)), first);
    assert.equal(text(await unpack(zip, listing.entries[2]!, new InflateBudget(1e6))), '<Relationships/>');
    const cut = listZip(zip.subarray(0, zip.length - 20));
    assert.deepEqual(cut.entries.map((e) => e.name), ['word/document.xml', 'word/styles.xml']);
    assert.deepEqual(cut.cut, ['_rels/.rels']);
  });

  it('stops inflating the moment the budget is spent, whatever the entry declares', async () => {
    const data = new Uint8Array(8 * 1024 * 1024).fill(0x41);
    const zip = new Uint8Array(streamedEntry('word/document.xml', data, true));
    const [entry] = listZip(zip).entries;
    const budget = new InflateBudget(1024 * 1024);
    await assert.rejects(unpack(zip, entry!, budget), (e: unknown) => e instanceof UnreadableInputError && /maxInflatedBytes/.test(e.text.en));
    assert.ok(budget.used < 2 * 1024 * 1024, `inflated ${budget.used} bytes`);
  });

  it('tells an entry it cannot unpack (damaged data, another method, encryption) by name', async () => {
    const zip = new Uint8Array(streamedEntry('word/document.xml', utf8('<w:document/>'.repeat(50)), true));
    const [entry] = listZip(zip).entries;
    const damaged = zip.slice();
    damaged.fill(0xff, entry!.dataStart, entry!.dataStart + 4);
    for (const broken of [{ bytes: damaged, entry: entry! }, { bytes: zip, entry: { ...entry!, method: 12 } }, { bytes: zip, entry: { ...entry!, flags: 1 } }]) {
      await assert.rejects(unpack(broken.bytes, broken.entry, new InflateBudget(1e6)), (e: unknown) => e instanceof EntryError && e.entry === 'word/document.xml');
    }
  });
});
