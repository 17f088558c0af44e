/**
 * node:crypto's createHash('sha256') for the web worker's bundle (esbuild.js puts this module in place of
 * node:crypto there): node/fingerprint.ts hashes findings synchronously, and the browser's crypto.subtle is
 * asynchronous. @noble/hashes gives the same digest in plain JavaScript, so a finding's fingerprint, and
 * an ignore entry of .referat.json that names it, is the same in the browser as in Node and the CLI.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`only sha256 is available in the web worker, not ${algorithm}`);
  const hash = sha256.create();
  const api = {
    update(data: string | Uint8Array) {
      hash.update(typeof data === 'string' ? utf8ToBytes(data) : data);
      return api;
    },
    digest(encoding: 'hex') {
      if (encoding !== 'hex') throw new Error(`only hex digests are available in the web worker, not ${encoding}`);
      return bytesToHex(hash.digest());
    },
  };
  return api;
}
