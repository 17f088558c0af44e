/**
 * The entries of a zip archive (a DOCX is one), read without unpacking anything: from the central directory
 * at the end of the file, or, when that is missing (a download cut short), from the local headers in front of
 * each entry as far as they are whole. Nothing here trusts a declared uncompressed size: zip-limits.ts counts
 * what is actually inflated. Pure: a Uint8Array in, offsets out.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be unpacked here. */
  method: number;
  /** General purpose flags: bit 0 encrypted. */
  flags: number;
  /** Where the entry's data starts and how many bytes it has in the archive. */
  dataStart: number;
  compressedSize: number;
}

export interface ZipListing {
  entries: ZipEntry[];
  /** The central directory was missing or broken: the entries come from the local headers. */
  fromLocalHeaders: boolean;
  /** Entries whose data the file cuts off (local headers only): their names, where known. */
  cut: string[];
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;
/** A zip without zip64 has at most this many entries; a listing stops there. */
const MAX_ENTRIES = 65535;

const NAMES = new TextDecoder('utf-8');

class Bytes {
  constructor(readonly b: Uint8Array) {}
  get length(): number {
    return this.b.length;
  }
  u16(at: number): number {
    return this.b[at]! | (this.b[at + 1]! << 8);
  }
  u32(at: number): number {
    return (this.b[at]! | (this.b[at + 1]! << 8) | (this.b[at + 2]! << 16) | (this.b[at + 3]! << 24)) >>> 0;
  }
  has(at: number, count: number): boolean {
    return at >= 0 && at + count <= this.b.length;
  }
  name(at: number, length: number): string {
    return NAMES.decode(this.b.subarray(at, at + length));
  }
}

/** The end of central directory record: its offset, or -1 (searched back over the longest comment). */
function findEnd(z: Bytes): number {
  for (let at = z.length - 22; at >= Math.max(0, z.length - 22 - 0xffff); at--) {
    if (z.u32(at) === END) return at;
  }
  return -1;
}

/** Where an entry's data starts, from its local header; -1 when the header is not there. */
function dataStartAt(z: Bytes, local: number): number {
  if (!z.has(local, 30) || z.u32(local) !== LOCAL) return -1;
  const start = local + 30 + z.u16(local + 26) + z.u16(local + 28);
  return start <= z.length ? start : -1;
}

/** The entries by the central directory, or null when it is missing or does not hold together. */
function fromCentralDirectory(z: Bytes): ZipEntry[] | null {
  const end = findEnd(z);
  if (end < 0) return null;
  const count = z.u16(end + 10);
  let at = z.u32(end + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (!z.has(at, 46) || z.u32(at) !== CENTRAL) return null;
    const nameLength = z.u16(at + 28);
    if (!z.has(at + 46, nameLength)) return null;
    const compressedSize = z.u32(at + 20);
    const dataStart = dataStartAt(z, z.u32(at + 42));
    if (dataStart < 0 || dataStart + compressedSize > z.length) return null;
    entries.push({ name: z.name(at + 46, nameLength), method: z.u16(at + 10), flags: z.u16(at + 8), dataStart, compressedSize });
    at += 46 + nameLength + z.u16(at + 30) + z.u16(at + 32);
  }
  return entries;
}

/**
 * The end of an entry written with a data descriptor (sizes after the data, not in the header): the first
 * descriptor whose compressed size is the distance from the data's start, with or without its signature.
 * The data's end, or -1 when the file ends first.
 */
function descriptorEnd(z: Bytes, start: number): { end: number; next: number } {
  for (let at = start; z.has(at, 12); at++) {
    if (z.b[at] !== 0x50) continue;
    if (z.u32(at) === DESCRIPTOR && z.has(at, 16) && z.u32(at + 8) === at - start) return { end: at, next: at + 16 };
    const sig = z.u32(at);
    if ((sig === LOCAL || sig === CENTRAL) && at - 12 >= start && z.u32(at - 8) === at - 12 - start) return { end: at - 12, next: at };
  }
  return { end: -1, next: -1 };
}

/** The entries by their local headers, one after another, as far as the file holds them whole. */
function fromLocalHeaders(z: Bytes): { entries: ZipEntry[]; cut: string[] } {
  const entries: ZipEntry[] = [];
  const cut: string[] = [];
  let at = 0;
  while (entries.length < MAX_ENTRIES && z.has(at, 4) && z.u32(at) === LOCAL) {
    const nameLength = z.has(at, 30) ? z.u16(at + 26) : 0;
    const dataStart = dataStartAt(z, at);
    if (dataStart < 0) {
      if (z.has(at + 30, nameLength) && nameLength > 0) cut.push(z.name(at + 30, nameLength));
      break;
    }
    const name = z.name(at + 30, nameLength);
    const flags = z.u16(at + 6);
    const method = z.u16(at + 8);
    let compressedSize = z.u32(at + 18);
    let next: number;
    if (flags & 0x08) {
      const found = descriptorEnd(z, dataStart);
      if (found.end < 0) {
        cut.push(name);
        break;
      }
      compressedSize = found.end - dataStart;
      next = found.next;
    } else {
      next = dataStart + compressedSize;
    }
    if (compressedSize === 0xffffffff || dataStart + compressedSize > z.length) {
      cut.push(name);
      break;
    }
    entries.push({ name, method, flags, dataStart, compressedSize });
    at = next;
  }
  return { entries, cut };
}

/** The archive's entries, from its central directory, else from its local headers. */
export function listZip(bytes: Uint8Array): ZipListing {
  const z = new Bytes(bytes);
  const central = fromCentralDirectory(z);
  // An empty directory in front of entries is a chance end signature inside the data of a cut file.
  if (central && (central.length > 0 || !looksLikeZip(bytes) || z.u32(0) !== LOCAL)) return { entries: central.slice(0, MAX_ENTRIES), fromLocalHeaders: false, cut: [] };
  return { ...fromLocalHeaders(z), fromLocalHeaders: true };
}

/** Whether the bytes begin as a zip archive does (a local header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  const z = new Bytes(bytes);
  return z.has(0, 4) && (z.u32(0) === LOCAL || z.u32(0) === END);
}
