/**
 * A zip archive written back, every entry stored (not compressed), for mammoth: it opens DOCX files with
 * JSZip, which would inflate without any bound. Given only what zip-limits.ts already unpacked within the
 * budget, JSZip has nothing left to inflate, and a DOCX read from its local headers alone (no central
 * directory) becomes a whole archive again.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let k = 0; k < bytes.length; k++) crc = CRC_TABLE[(crc ^ bytes[k]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface StoredFile {
  name: string;
  data: Uint8Array;
}

/** The files as a zip archive, stored, names in UTF-8 (flag bit 11), dated 1 January 1980. */
export function storedZip(files: readonly StoredFile[]): Uint8Array {
  const encoder = new TextEncoder();
  const named = files.map((f) => ({ ...f, nameBytes: encoder.encode(f.name), crc: crc32(f.data) }));
  const localSize = named.reduce((n, f) => n + 30 + f.nameBytes.length + f.data.length, 0);
  const directorySize = named.reduce((n, f) => n + 46 + f.nameBytes.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  /** Little-endian fields: [2, v] a 16-bit one, [4, v] a 32-bit one. */
  const fields = (...list: [2 | 4, number][]) => {
    for (const [size, v] of list) {
      if (size === 2) view.setUint16(at, v, true);
      else view.setUint32(at, v, true);
      at += size;
    }
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  /** Version needed, flags, method, time, date, CRC, sizes, name length: common to both headers. */
  const common = (f: (typeof named)[number]): [2 | 4, number][] => [
    [2, 20], [2, 0x0800], [2, 0], [2, 0], [2, 0x21], [4, f.crc], [4, f.data.length], [4, f.data.length], [2, f.nameBytes.length],
  ];
  const offsets: number[] = [];
  for (const f of named) {
    offsets.push(at);
    fields([4, 0x04034b50], ...common(f), [2, 0]);
    bytes(f.nameBytes);
    bytes(f.data);
  }
  const centralStart = at;
  named.forEach((f, k) => {
    fields([4, 0x02014b50], [2, 20], ...common(f), [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offsets[k]!]);
    bytes(f.nameBytes);
  });
  const centralSize = at - centralStart;
  fields([4, 0x06054b50], [2, 0], [2, 0], [2, named.length], [2, named.length], [4, centralSize], [4, centralStart], [2, 0]);
  return out;
}
