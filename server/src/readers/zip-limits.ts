/**
 * Unpacking a zip entry within a budget: the bytes are counted as they come out of the inflater, and the
 * reading stops the moment the budget is spent. A zip bomb (a few hundred kilobytes that declare, or do not
 * declare, gigabytes) costs at most the budget, whatever the archive says its sizes are. The inflater is the
 * platform's DecompressionStream ('deflate-raw': Node 20.12+ and current browsers), fed in small slices.
 */
import { UnreadableInputError } from './reader';
import type { ZipEntry } from './zip-entries';

/** The bytes the archive may still unpack, shared by all its entries. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}

  /** Counts bytes just unpacked; UnreadableInputError naming the limit once they are too many. */
  spend(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) throw tooMuch(this.limit);
  }
}

function tooMuch(limit: number): UnreadableInputError {
  const mb = Math.round((limit / (1024 * 1024)) * 10) / 10;
  const da = String(mb).replace('.', ',');
  return new UnreadableInputError({
    da: `pakker ud til mere end ${da} MB XML (grænsen for udpakning, maxInflatedBytes) og læses ikke: filen ligner en zip-bombe`,
    en: `unpacks to more than ${mb} MB of XML (the unpacking limit, maxInflatedBytes) and is not read: the file looks like a zip bomb`,
  });
}

/** An entry that cannot be unpacked (an unknown method, encryption, damaged data), by name. */
export class EntryError extends Error {
  constructor(readonly entry: string, reason: string) {
    super(`${entry}: ${reason}`);
  }
}

const SLICE = 64 * 1024;

/** The entry's bytes, unpacked within the budget. */
export async function unpack(archive: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<Uint8Array> {
  if (entry.flags & 0x01) throw new EntryError(entry.name, 'encrypted');
  const data = archive.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    budget.spend(data.length);
    return data.slice();
  }
  if (entry.method !== 8) throw new EntryError(entry.name, `compression method ${entry.method}`);
  return inflate(data, budget, entry.name);
}

async function inflate(data: Uint8Array, budget: InflateBudget, name: string): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const feeding = (async () => {
    for (let at = 0; at < data.length; at += SLICE) {
      await writer.ready;
      await writer.write(data.subarray(at, at + SLICE) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  // The writer's failures are the reader's too (and are seen there); this keeps them from going unhandled.
  feeding.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.spend(value.length);
      chunks.push(value);
      length += value.length;
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    if (e instanceof UnreadableInputError) throw e;
    throw new EntryError(name, 'damaged data');
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
