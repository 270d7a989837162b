import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { ACCEPTED_TYPES_LABEL, MAX_DIMENSION, MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from './limits';

export * from './limits';

// Turns an uploaded file into an image that is safe to serve from our origin.
// Pure (no database, no disk): bytes in, re-encoded bytes and facts out.
//
// 1. Size: at most 5 MB in.
// 2. Type: PNG, JPEG, WebP or GIF, decided by the file's first bytes only (never
//    by its name or the browser's declared MIME type). SVG, HTML, PDF and the rest
//    are refused.
// 3. Markup: files that carry web-page code (`<script`, `<html` …) are refused,
//    even when they are also valid images (polyglots). Re-encoding would drop it
//    anyway; refusing says clearly that something is wrong with the file.
// 4. Pixels: at most 40 megapixels, read from the header before anything is
//    decoded, so a "pixel flood" (a tiny file claiming 50,000 × 50,000) costs
//    nothing. sharp's limitInputPixels is the second line of defence.
// 5. Re-encode with sharp: rotate by EXIF orientation, fit within 2400 px, drop
//    all metadata (EXIF, XMP, GPS, comments; colour converted to sRGB), same
//    family out: PNG→PNG, JPEG→JPEG, WebP→WebP, GIF→PNG (first frame only; see
//    docs/decisions/006-media-uploads.md). Anything sharp cannot decode fully as
//    the detected type (truncated, corrupt, header-only polyglots) is refused.
// 6. Name: sha256 of the output bytes + extension, so identical images share a
//    name and files can be cached forever.

export type DetectedType = 'png' | 'jpeg' | 'webp' | 'gif';
export type OutputExtension = 'png' | 'jpg' | 'webp';

export type ProcessedImage = {
  /** `<sha256 hex>.<ext>` of the re-encoded bytes. */
  fileName: string;
  mimeType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  /** Size of `data` in bytes. */
  bytes: number;
  data: Buffer;
  /** What the upload really was (a GIF comes out as PNG). */
  sourceType: DetectedType;
};

export type MediaErrorCode = 'empty' | 'too_large' | 'unsupported_type' | 'markup' | 'trailing_data' | 'too_many_pixels' | 'undecodable';

/** An upload that cannot be accepted; `message` is written for the person uploading. */
export class MediaProcessingError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaProcessingError';
  }
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** The image type from the file's magic bytes, or null. */
export function sniffImageType(bytes: Uint8Array): DetectedType | null {
  const b = bytes;
  const ascii = (start: number, text: string) =>
    b.length >= start + text.length && [...text].every((c, i) => b[start + i] === c.charCodeAt(0));
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 'PNG') && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  return null;
}

/** A friendlier description of common non-image uploads, for the error message. */
function describeRefused(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'PDF documents';
  if (head.includes('<svg') || (head.startsWith('<?xml') && bytes.subarray(0, 4096).toString('latin1').toLowerCase().includes('<svg'))) return 'SVG images';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<')) return 'Web pages and other text files';
  return null;
}

// Browsers content-sniff HTML from markup like this; an image never needs it.
// (XMP metadata is XML but never contains these elements unescaped.) Only long
// tokens, so that compressed image data cannot match by chance.
const MARKUP = /<(script|html|body|iframe|object|embed)[\s>/]|<!doctype html|javascript:/i;

function containsMarkup(bytes: Buffer): boolean {
  // latin1 maps every byte to one char, so offsets and matches are exact.
  return MARKUP.test(bytes.toString('latin1'));
}

/**
 * Where the image's own data ends (PNG IEND, GIF trailer, JPEG EOI, WebP's RIFF
 * size), or null when the structure cannot be followed. Anything after that is not
 * image data: it is how image/script polyglots carry their payload.
 */
export function imageDataEnd(b: Buffer, type: DetectedType): number | null {
  if (type === 'png') {
    let at = 8;
    while (at + 12 <= b.length) {
      const length = b.readUInt32BE(at);
      const name = b.toString('latin1', at + 4, at + 8);
      at += 12 + length;
      if (name === 'IEND') return at;
    }
    return null;
  }
  if (type === 'webp') return b.length >= 12 ? 8 + b.readUInt32LE(4) + (b.readUInt32LE(4) % 2) : null;
  if (type === 'jpeg') {
    const eoi = b.lastIndexOf(Buffer.from([0xff, 0xd9]));
    return eoi === -1 ? null : eoi + 2;
  }
  // GIF: header, logical screen (+ global colour table), then blocks until the trailer.
  if (b.length < 13) return null;
  let at = 13 + (b[10]! & 0x80 ? 3 * 2 ** ((b[10]! & 0x07) + 1) : 0);
  const skipSubBlocks = () => {
    while (at < b.length && b[at] !== 0) at += b[at]! + 1;
    at += 1; // the block terminator
  };
  while (at < b.length) {
    const introducer = b[at];
    if (introducer === 0x3b) return at + 1;
    if (introducer === 0x21) {
      at += 2; // introducer + label
      skipSubBlocks();
    } else if (introducer === 0x2c) {
      const packed = b[at + 9] ?? 0;
      at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
      at += 1; // LZW minimum code size
      skipSubBlocks();
    } else return null;
  }
  return null;
}

const OUTPUT: Record<DetectedType, { ext: OutputExtension; mimeType: ProcessedImage['mimeType'] }> = {
  png: { ext: 'png', mimeType: 'image/png' },
  gif: { ext: 'png', mimeType: 'image/png' },
  jpeg: { ext: 'jpg', mimeType: 'image/jpeg' },
  webp: { ext: 'webp', mimeType: 'image/webp' },
};

const SHARP_OPTIONS = {
  limitInputPixels: MAX_INPUT_PIXELS,
  // Truncated or corrupt data is a failure, not a grey band at the bottom.
  failOn: 'warning',
  // One frame of an animated GIF/WebP.
  animated: false,
} as const;

// A decoded 40-megapixel image needs ~160 MB; decode at most two at a time per
// process (the server has two cores), the rest wait their turn.
const MAX_CONCURRENT_DECODES = 2;
let activeDecodes = 0;
const waitingDecodes: (() => void)[] = [];

async function withDecodeSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (activeDecodes < MAX_CONCURRENT_DECODES) activeDecodes++;
  else await new Promise<void>((resolve) => waitingDecodes.push(resolve)); // The slot is handed over.
  try {
    return await fn();
  } finally {
    const next = waitingDecodes.shift();
    if (next) next();
    else activeDecodes--;
  }
}

/**
 * Checks and re-encodes an upload. Throws MediaProcessingError (with a message for
 * the user) for anything that is not an acceptable image.
 */
export async function processUpload(bytes: Buffer, declaredName: string): Promise<ProcessedImage> {
  void declaredName; // Deliberately unused: the content decides, never the name.
  if (bytes.length === 0) throw new MediaProcessingError('empty', 'The selected file is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new MediaProcessingError('too_large', `The selected file must be smaller than ${MB(MAX_UPLOAD_BYTES)} (it is ${MB(bytes.length)}).`);
  }

  const type = sniffImageType(bytes);
  if (!type) {
    const what = describeRefused(bytes);
    throw new MediaProcessingError(
      'unsupported_type',
      what ? `${what} cannot be uploaded. The selected file must be a ${ACCEPTED_TYPES_LABEL} image.` : `The selected file must be a ${ACCEPTED_TYPES_LABEL} image.`,
    );
  }
  if (containsMarkup(bytes)) {
    throw new MediaProcessingError('markup', 'The selected file contains web page code as well as an image, so it cannot be uploaded. Save the image again from an image editor and upload that.');
  }
  const end = imageDataEnd(bytes, type);
  // Zero padding after the end is harmless (some cameras write it); anything else is not.
  if (end !== null && end < bytes.length && bytes.subarray(end).some((byte) => byte !== 0)) {
    throw new MediaProcessingError('trailing_data', 'The selected file has other data after the image, so it cannot be uploaded. Save the image again from an image editor and upload that.');
  }

  let meta: Metadata;
  try {
    // Reads the header only; nothing is decoded yet, so no pixel limit here (sharp
    // would otherwise refuse with a vague error before we can say what is wrong).
    meta = await sharp(bytes, { ...SHARP_OPTIONS, limitInputPixels: false }).metadata();
  } catch (error) {
    throw pixelLimitError(error) ?? undecodable();
  }
  if (meta.format !== type || !meta.width || !meta.height) throw undecodable();
  // For animated images `height` may cover every frame; only the first is decoded,
  // but the header's claim is what we check, to be safe.
  const pixels = meta.width * meta.height;
  if (pixels > MAX_INPUT_PIXELS) {
    throw new MediaProcessingError(
      'too_many_pixels',
      `The image is too big: ${meta.width} × ${meta.height} pixels. It must be at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels; make it smaller and try again.`,
    );
  }

  const out = OUTPUT[type];
  let pipeline = sharp(bytes, SHARP_OPTIONS)
    .rotate() // By EXIF orientation, before the metadata goes.
    .resize({ width: MAX_DIMENSION, height: MAX_DIMENSION, fit: 'inside', withoutEnlargement: true })
    .timeout({ seconds: 30 });
  if (out.ext === 'png') pipeline = pipeline.png({ compressionLevel: 9 });
  else if (out.ext === 'jpg') pipeline = pipeline.jpeg({ quality: 85, mozjpeg: true });
  else pipeline = pipeline.webp({ quality: 85 });

  let result: { data: Buffer; info: OutputInfo };
  try {
    // No withMetadata()/keepExif(): sharp writes none of the input's metadata.
    result = await withDecodeSlot(() => pipeline.toBuffer({ resolveWithObject: true }));
  } catch (error) {
    throw pixelLimitError(error) ?? undecodable();
  }
  const { data, info } = result;
  const hash = createHash('sha256').update(data).digest('hex');
  return {
    fileName: `${hash}.${out.ext}`,
    mimeType: out.mimeType,
    width: info.width,
    height: info.height,
    bytes: data.length,
    data,
    sourceType: type,
  };
}

function pixelLimitError(error: unknown) {
  if (error instanceof Error && /pixel limit/i.test(error.message)) {
    return new MediaProcessingError('too_many_pixels', `The image must be at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`);
  }
  return null;
}

function undecodable() {
  return new MediaProcessingError(
    'undecodable',
    'The selected file could not be read as an image. It may be damaged or incomplete: save it again from an image editor and upload that.',
  );
}
