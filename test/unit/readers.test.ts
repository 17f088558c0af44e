/**
 * The input readers (server/src/readers/): bytes in, text and a source map out, with no Node-only module.
 * The text reader: UTF-8 with or without BOM, UTF-16 by its BOM, else Windows-1252; binary refused.
 */
import * as assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import type { SourceFormat as CoreSourceFormat } from '../../server/src/core/model';
import { UnreadableInputError, type SourceFormat } from '../../server/src/readers/reader';
import { decodeText } from '../../server/src/readers/text';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('the text reader (readers/text.ts)', () => {
  it('reads UTF-8, and tells a byte order mark', () => {
    assert.deepEqual({ ...decodeText(utf8('Mødet sluttede.')), sourceMap: null }, { format: 'text', text: 'Mødet sluttede.', encoding: 'utf-8', bom: false, problems: [], sourceMap: null });
    const withBom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Referat')]));
    assert.equal(withBom.text, 'Referat');
    assert.equal(withBom.bom, true);
  });

  it('reads UTF-16 little and big endian by their byte order marks', () => {
    assert.equal(decodeText(bytes(0xff, 0xfe, 0x52, 0x00, 0xe6, 0x00)).text, 'Ræ');
    const be = decodeText(bytes(0xfe, 0xff, 0x00, 0x52, 0x00, 0xe6));
    assert.equal(be.text, 'Ræ');
    assert.equal(be.encoding, 'utf-16be');
  });

  it('reads bytes that are not UTF-8 as Windows-1252: æøå, curly quotes, dashes and the euro sign', () => {
    // "Tiltrådt – “godkendt” 5 €" in Windows-1252
    const decoded = decodeText(bytes(0x54, 0x69, 0x6c, 0x74, 0x72, 0xe5, 0x64, 0x74, 0x20, 0x96, 0x20, 0x93, 0x67, 0x6f, 0x64, 0x6b, 0x65, 0x6e, 0x64, 0x74, 0x94, 0x20, 0x35, 0x20, 0x80, 0x20, 0xe6, 0xf8));
    assert.equal(decoded.text, 'Tiltrådt – “godkendt” 5 € æø');
    assert.equal(decoded.encoding, 'windows-1252');
  });

  it('refuses binary bytes with a message in both languages', () => {
    assert.throws(() => decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x00)), (e: unknown) => e instanceof UnreadableInputError && /binær/.test(e.text.da) && /binary/.test(e.text.en));
  });

  it('gives the same text with the strict decoder as with a faster UTF-8 check passed in (as node/ does)', () => {
    for (const sample of [utf8('Punkt 1: Godkendelse\nBeslutning\nGodkendt.'), bytes(0x4d, 0xf8, 0x64, 0x65), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Å')])]) {
      const strict = decodeText(sample);
      const fast = decodeText(sample, (b) => isUtf8(b));
      assert.deepEqual({ ...fast, sourceMap: null }, { ...strict, sourceMap: null });
    }
  });

  it('maps each line of a text file to the same line of the source', () => {
    const { sourceMap } = decodeText(utf8('a\nb\nc'));
    assert.deepEqual(sourceMap.placeOf(2), { line: 2 });
  });
});

describe('the readers and the core name the same formats', () => {
  it('SourceFormat is one union in readers/reader.ts and core/model.ts (checked by the type checker)', () => {
    // The core may not import the readers, nor they the core: each has the union, and this line fails to compile when they differ.
    const same: [SourceFormat] extends [CoreSourceFormat] ? ([CoreSourceFormat] extends [SourceFormat] ? true : false) : false = true;
    assert.equal(same, true);
  });
});
