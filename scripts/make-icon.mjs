#!/usr/bin/env node
// Draws the extension's icon, images/icon.png (128×128 RGBA PNG): a white page with a red check mark on
// a Danish-red rounded square. No dependencies: shapes are tested per sub-pixel (4×4 samples per pixel)
// and the PNG is written with node:zlib. `node scripts/make-icon.mjs [out.png] [size]`
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const out = process.argv[2] ?? 'images/icon.png';
const SIZE = Number(process.argv[3] ?? 128);
const SS = 4; // samples per pixel along each axis

// Colours (RGB) and the design, in a 128-unit square.
const RED = [200, 16, 46]; // Dannebrog red
const WHITE = [255, 255, 255];
const FOLD = [246, 205, 211];
const LINE = [232, 160, 170];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const polygon = (pts) => (x, y) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
/** A polyline stroked with round caps and joins. */
const stroke = (pts, width) => (x, y) => {
  const r2 = (width / 2) ** 2;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1];
    const [bx, by] = pts[i];
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    const px = ax + t * vx - x;
    const py = ay + t * vy - y;
    if (px * px + py * py <= r2) return true;
  }
  return false;
};

// Painted in order; later shapes cover earlier ones.
const layers = [
  [roundedRect(4, 4, 124, 124, 24), RED],
  [polygon([[34, 18], [78, 18], [96, 36], [96, 110], [34, 110]]), WHITE],
  [polygon([[78, 18], [78, 36], [96, 36]]), FOLD],
  [stroke([[44, 46], [70, 46]], 5), LINE],
  [stroke([[44, 58], [86, 58]], 5), LINE],
  [stroke([[44, 70], [86, 70]], 5), LINE],
  [stroke([[48, 88], [62, 101], [104, 60]], 13), WHITE], // a white rim where the check leaves the page
  [stroke([[48, 88], [62, 101], [104, 60]], 8), RED],
];

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = ((px + (sx + 0.5) / SS) * 128) / SIZE;
        const y = ((py + (sy + 0.5) / SS) * 128) / SIZE;
        let colour;
        for (const [inside, c] of layers) if (/** @type {(x: number, y: number) => boolean} */ (inside)(x, y)) colour = c;
        if (colour) {
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
    }
    const o = row + 1 + px * 4;
    // Colour averaged over the covered samples (straight alpha), alpha = coverage.
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
writeFileSync(out, png);
console.log(`make-icon: wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
