// Draws the add-in's ribbon and store icons (a key on a green tile) as PNGs, so no image editor is needed.
// Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function pixel(x, y) {
  // Unit coordinates: rounded green tile, white key (ring + shaft + teeth).
  const r = 0.18;
  const inTile = (() => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  })();
  if (!inTile) return [0, 0, 0, 0];
  const ring = Math.hypot(x - 0.34, y - 0.5);
  const isRing = ring <= 0.17 && ring >= 0.08;
  const isShaft = x >= 0.48 && x <= 0.84 && Math.abs(y - 0.5) <= 0.045;
  const isTooth =
    (x >= 0.7 && x <= 0.76 && y >= 0.5 && y <= 0.64) || (x >= 0.78 && x <= 0.84 && y >= 0.5 && y <= 0.6);
  return isRing || isShaft || isTooth ? [255, 255, 255, 255] : [16, 124, 65, 255];
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // 4x supersampling keeps small sizes smooth.
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          for (let i = 0; i < 4; i++) acc[i] += p[i] / 16;
        }
      acc.forEach((v, i) => (row[1 + x * 4 + i] = Math.round(v)));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, png(size));
console.log("Wrote assets/icon-{16,32,64,80,128}.png");
