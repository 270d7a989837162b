import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  MAX_DIMENSION,
  MAX_UPLOAD_BYTES,
  MediaProcessingError,
  isMediaFileName,
  processUpload,
  sniffImageType,
} from '@/lib/media/process';
import { makeGif, makeJpeg, makeJpegWithExif, makePng, makeWebp, pixelFloodPng, rgbImage } from '../fixtures/media/images';

async function rejection(promise: Promise<unknown>): Promise<MediaProcessingError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MediaProcessingError);
    return error as MediaProcessingError;
  }
  throw new Error('expected the upload to be refused');
}

describe('processUpload: accepted images', () => {
  it.each([
    ['PNG', makePng, 'png', 'image/png', 'png'],
    ['JPEG', makeJpeg, 'jpeg', 'image/jpeg', 'jpg'],
    ['WebP', makeWebp, 'webp', 'image/webp', 'webp'],
    ['GIF (becomes PNG)', makeGif, 'png', 'image/png', 'png'],
  ] as const)('%s is re-encoded to the same family', async (_label, make, outFormat, mimeType, ext) => {
    const input = await make();
    const out = await processUpload(input, 'picture.bin');
    expect(out.mimeType).toBe(mimeType);
    expect(out.fileName).toMatch(new RegExp(`^[a-f0-9]{64}\\.${ext}$`));
    expect(isMediaFileName(out.fileName)).toBe(true);
    expect(out.fileName.slice(0, 64)).toBe(createHash('sha256').update(out.data).digest('hex'));
    expect(out.bytes).toBe(out.data.length);
    expect([out.width, out.height]).toEqual([64, 48]);
    const meta = await sharp(out.data).metadata();
    expect(meta.format).toBe(outFormat);
    expect([meta.width, meta.height]).toEqual([64, 48]);
    expect(meta.exif).toBeUndefined();
  });

  it('strips EXIF from a JPEG and applies its orientation first', async () => {
    const input = await makeJpegWithExif(64, 48);
    const inMeta = await sharp(input).metadata();
    expect(inMeta.exif).toBeDefined();
    expect(inMeta.orientation).toBe(6);
    expect(input.includes('SecretCam')).toBe(true);

    const out = await processUpload(input, 'holiday.jpg');
    const meta = await sharp(out.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    // Orientation 6 means the stored 64×48 picture is shown rotated: 48×64.
    expect([out.width, out.height]).toEqual([48, 64]);
    expect(out.data.includes('SecretCam')).toBe(false);
    expect(out.data.includes('Secret Lane')).toBe(false);
  });

  it('magic bytes win: a JPEG named .png is accepted as a JPEG', async () => {
    const out = await processUpload(await makeJpeg(), 'photo.png');
    expect(out.mimeType).toBe('image/jpeg');
    expect(out.fileName.endsWith('.jpg')).toBe(true);
  });

  it('shrinks large images to fit within the maximum dimension', async () => {
    const input = await rgbImage(3000, 1500).png({ compressionLevel: 1 }).toBuffer();
    const out = await processUpload(input, 'wide.png');
    expect([out.width, out.height]).toEqual([MAX_DIMENSION, MAX_DIMENSION / 2]);
  });

  it('gives identical images the same name', async () => {
    const input = await makePng();
    const [a, b] = await Promise.all([processUpload(input, 'a.png'), processUpload(Buffer.from(input), 'b.png')]);
    expect(a.fileName).toBe(b.fileName);
  });
});

describe('processUpload: refused files', () => {
  it('an SVG with a script', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const error = await rejection(processUpload(svg, 'logo.svg'));
    expect(error.code).toBe('unsupported_type');
    expect(error.message).toMatch(/SVG images cannot be uploaded/);
    expect(error.message).toMatch(/PNG, JPEG, WebP or GIF/);
  });

  it('an SVG named .png', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect((await rejection(processUpload(svg, 'logo.png'))).code).toBe('unsupported_type');
  });

  it('an HTML file', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
    const error = await rejection(processUpload(html, 'page.html'));
    expect(error.code).toBe('unsupported_type');
    expect(error.message).toMatch(/Web pages/);
  });

  it('a PDF', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF');
    const error = await rejection(processUpload(pdf, 'report.pdf'));
    expect(error.code).toBe('unsupported_type');
    expect(error.message).toMatch(/PDF/);
  });

  it('a GIF header followed by HTML (polyglot)', async () => {
    const polyglot = Buffer.concat([Buffer.from('GIF89a'), Buffer.from('<html><script>alert(1)</script></html>')]);
    expect(sniffImageType(polyglot)).toBe('gif');
    expect((await rejection(processUpload(polyglot, 'x.gif'))).code).toBe('markup');
  });

  it('a GIF header followed by junk that is not an image', async () => {
    const fake = Buffer.concat([Buffer.from('GIF89a'), Buffer.from('/*not really a gif*/=1;')]);
    expect((await rejection(processUpload(fake, 'x.gif'))).code).toBe('undecodable');
  });

  it('a real JPEG with HTML appended (polyglot)', async () => {
    const polyglot = Buffer.concat([await makeJpeg(), Buffer.from('<script>alert(1)</script>')]);
    expect((await rejection(processUpload(polyglot, 'x.jpg'))).code).toBe('markup');
  });

  it('image/script polyglots with no markup: data after the image’s end', async () => {
    // GIF89a/*…*/=alert(1): the screen-width bytes open a JS comment closed after the trailer.
    const gif = Buffer.from(await makeGif(2, 2));
    gif[6] = 0x2f;
    gif[7] = 0x2a;
    const gifJs = Buffer.concat([gif, Buffer.from('*/=alert(document.domain);//')]);
    expect((await rejection(processUpload(gifJs, 'x.gif'))).code).toBe('trailing_data');
    for (const [image, name] of [[await makePng(), 'x.png'], [await makeWebp(), 'x.webp'], [await makeJpeg(), 'x.jpg']] as const) {
      const tailed = Buffer.concat([image, Buffer.from('=alert(1)//')]);
      const refused = await rejection(processUpload(tailed, name));
      expect(refused.code, name).toBe('trailing_data');
      expect(refused.message).toContain('other data after the image');
    }
  });

  it('zero padding after a JPEG’s end is not trailing data', async () => {
    const padded = Buffer.concat([await makeJpeg(), Buffer.alloc(64)]);
    await expect(processUpload(padded, 'x.jpg')).resolves.toMatchObject({ mimeType: 'image/jpeg' });
  });

  it('a text file named .png', async () => {
    const text = Buffer.from('Hello, this is just some text pretending to be a picture.');
    expect((await rejection(processUpload(text, 'picture.png'))).code).toBe('unsupported_type');
  });

  it('an empty file', async () => {
    expect((await rejection(processUpload(Buffer.alloc(0), 'x.png'))).code).toBe('empty');
  });

  it('a file over 5 MB, before looking at it', async () => {
    const big = Buffer.concat([await makePng(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const error = await rejection(processUpload(big, 'big.png'));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/smaller than 5 MB/);
  });

  it('a pixel flood (tiny PNG claiming 50,000 × 50,000) quickly, without decoding', async () => {
    const bomb = pixelFloodPng(50_000, 50_000);
    expect(bomb.length).toBeLessThan(200_000);
    const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([meta.width, meta.height]).toEqual([50_000, 50_000]);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const error = await rejection(processUpload(bomb, 'bomb.png'));
    expect(error.code).toBe('too_many_pixels');
    expect(error.message).toMatch(/50000 × 50000/);
    // Decoding 2.5 billion pixels would take minutes and 7.5 GB; the bound is loose so a
    // busy machine cannot fail it, and tight enough that a decode could never pass.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a pixel flood just over the limit is refused by the header check, too', async () => {
    const error = await rejection(processUpload(pixelFloodPng(8000, 5001), 'bomb.png'));
    expect(error.code).toBe('too_many_pixels');
  });

  it('a truncated PNG', async () => {
    const png = await rgbImage(400, 300).png({ compressionLevel: 0 }).toBuffer();
    const cut = png.subarray(0, Math.floor(png.length / 2));
    expect((await rejection(processUpload(cut, 'cut.png'))).code).toBe('undecodable');
  });

  it('a truncated JPEG', async () => {
    const jpeg = await rgbImage(400, 300).jpeg().toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    expect((await rejection(processUpload(cut, 'cut.jpg'))).code).toBe('undecodable');
  });

  it('a header with nothing after it', async () => {
    const png = await makePng();
    expect((await rejection(processUpload(png.subarray(0, 8), 'x.png'))).code).toBe('undecodable');
  });
});

describe('sniffImageType / isMediaFileName', () => {
  it('recognises the four signatures and nothing else', async () => {
    expect(sniffImageType(await makePng())).toBe('png');
    expect(sniffImageType(await makeJpeg())).toBe('jpeg');
    expect(sniffImageType(await makeWebp())).toBe('webp');
    expect(sniffImageType(await makeGif())).toBe('gif');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageType(Buffer.from('BM'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('accepts only content-hash names with our extensions', () => {
    const hash = 'a'.repeat(64);
    expect(isMediaFileName(`${hash}.png`)).toBe(true);
    expect(isMediaFileName(`${hash}.jpg`)).toBe(true);
    expect(isMediaFileName(`${hash}.webp`)).toBe(true);
    expect(isMediaFileName(`${hash}.gif`)).toBe(false);
    expect(isMediaFileName(`${hash}.svg`)).toBe(false);
    expect(isMediaFileName(`${'A'.repeat(64)}.png`)).toBe(false);
    expect(isMediaFileName(`../${hash}.png`)).toBe(false);
    expect(isMediaFileName(`${hash}.png\n`)).toBe(false);
  });
});

describe('processUpload under load', () => {
  it('handles many uploads at once (decodes are queued, all finish)', async () => {
    const inputs = await Promise.all(Array.from({ length: 6 }, (_, i) => rgbImage(200 + i, 100).png().toBuffer()));
    const outputs = await Promise.all(inputs.map((b, i) => processUpload(b, `${i}.png`)));
    expect(outputs.map((o) => o.width)).toEqual([200, 201, 202, 203, 204, 205]);
  });
});
