#!/usr/bin/env node
// @ts-check
// Writes public/favicon.ico (16 and 32 px) and public/apple-touch-icon.png (180 px)
// from public/icon.svg, the one drawing of the site's icon. Run it after changing
// the SVG and commit the results:  node scripts/make-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const publicDir = path.resolve(import.meta.dirname, '../public');
const svg = readFileSync(path.join(publicDir, 'icon.svg'));

/** @param {number} size */
const png = (size) => sharp(svg, { density: 72 * (size / 32) * 4 }).resize(size, size).png().toBuffer();

/**
 * An ICO file whose images are PNGs (supported by every browser that reads ICO):
 * a 6-byte header, a 16-byte directory entry per image, then the images.
 * @param {{ size: number, data: Buffer }[]} images
 */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const sizes = [16, 32];
const images = await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })));
writeFileSync(path.join(publicDir, 'favicon.ico'), ico(images));
writeFileSync(path.join(publicDir, 'apple-touch-icon.png'), await png(180));
console.log('Wrote public/favicon.ico and public/apple-touch-icon.png');
