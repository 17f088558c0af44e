/**
 * Bytes ↔ base64, for the bytes of a file that the client reads for a server in a web worker (the JSON of
 * a request carries text). Pure, so both sides share it; no btoa/atob (not in the core's standard library).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, k) => [c, k]));

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let k = 0; k < bytes.length; k += 3) {
    const n = (bytes[k] << 16) | ((bytes[k + 1] ?? 0) << 8) | (bytes[k + 2] ?? 0);
    chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    chunk += k + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    chunk += k + 2 < bytes.length ? ALPHABET[n & 63] : '=';
    // Joined in pieces: one string grown by += over megabytes is slow in some engines.
    if (chunk.length >= 65536) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes of a base64 text; characters outside the alphabet (line breaks) are skipped. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let k = 0; k < clean.length; k += 4) {
    const n = (VALUE.get(clean[k])! << 18) | (VALUE.get(clean[k + 1]) ?? 0) << 12 | ((VALUE.get(clean[k + 2]) ?? 0) << 6) | (VALUE.get(clean[k + 3]) ?? 0);
    out[o++] = (n >> 16) & 255;
    if (k + 2 < clean.length) out[o++] = (n >> 8) & 255;
    if (k + 3 < clean.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}
