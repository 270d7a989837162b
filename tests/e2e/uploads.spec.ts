import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import { expect, signInAs, test } from './support/fixtures';
import { makeGif, pixelFloodPng } from '../fixtures/media/images';

// Hostile uploads through the real form on /admin/media: each is refused with a
// message next to the file field, keeps the alt text, and adds nothing to the
// library. A plain PNG is accepted and served as image/png with nosniff. (A file
// over 5 MB never reaches the server from this form: tests/e2e/hardening-edge.spec.ts.)
// Files are made in the test; nothing binary is committed.

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** A JPEG that is also an HTML page: the markup sits in a JPEG comment (COM) segment. */
async function jpegHtmlPolyglot(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 10, g: 120, b: 200 } } }).jpeg().toBuffer();
  const html = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>');
  const com = Buffer.alloc(4);
  com[0] = 0xff;
  com[1] = 0xfe;
  com.writeUInt16BE(html.length + 2, 2);
  // SOI, then the comment, then the rest of the real JPEG: still a decodable image.
  return Buffer.concat([jpeg.subarray(0, 2), com, html, jpeg.subarray(2)]);
}

/**
 * A GIF that is also JavaScript: the logical-screen width bytes are "/*", so the
 * file parses as `GIF89a/* … *\/=alert(document.domain)//`, usable as <script src>.
 * `tail` is appended after the GIF trailer.
 */
async function gifJsPolyglot(tail: string): Promise<Buffer> {
  const gif = Buffer.from(await makeGif(2, 2));
  gif[6] = 0x2f; // '/'
  gif[7] = 0x2a; // '*'
  return Buffer.concat([gif, Buffer.from(tail)]);
}

const svgWithScript = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>',
);

test('hostile uploads are refused with a clear error and add nothing; a PNG is accepted and served inertly', async ({ page, fixtures, request }) => {
  test.setTimeout(90_000);
  const editor = await fixtures.user('EDITOR');
  const mine = async () => Number((await fixtures.sql(`SELECT count(*)::int AS n FROM "Media" WHERE "uploadedById" = $1`, [editor.id]))[0].n);
  try {
    await signInAs(page, editor);
    await page.goto('/admin/media');

    const form = page.getByRole('region', { name: 'Upload an image' });
    const fileInput = form.getByLabel('Image file');
    const alt = form.getByLabel('Alt text');
    const upload = async (file: Upload, altText: string) => {
      await fileInput.setInputFiles(file);
      await alt.fill(altText);
      // Wait for the server action's answer, so no check can see the previous upload's message.
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/media');
      const button = form.getByRole('button', { name: /^Upload(ing…| image)$/ });
      await button.click();
      await answered;
      // React resets the form when the action settles; the next file must go in after that.
      await expect(button).toHaveText('Upload image');
    };

    const hostile: { what: string; file: Upload; error: RegExp }[] = [
      {
        what: 'JPEG/HTML polyglot',
        file: { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: await jpegHtmlPolyglot() },
        error: /contains web page code/,
      },
      {
        what: 'GIF/JavaScript polyglot',
        file: { name: 'banner.gif', mimeType: 'image/gif', buffer: await gifJsPolyglot('*/=alert(document.domain);//<script>alert(1)</script>') },
        error: /contains web page code|could not be read|cannot be uploaded/i,
      },
      {
        what: 'SVG containing a script',
        file: { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svgWithScript },
        error: /SVG images cannot be uploaded/,
      },
      {
        what: 'SVG with a script, named and typed as a PNG',
        file: { name: 'logo.png', mimeType: 'image/png', buffer: svgWithScript },
        error: /SVG images cannot be uploaded/,
      },
      {
        what: 'pixel flood (a small PNG declaring 30000 × 30000)',
        file: { name: 'flood.png', mimeType: 'image/png', buffer: pixelFloodPng(30_000, 30_000) },
        error: /too big: 30000 × 30000 pixels|at most 40 megapixels/,
      },
    ];

    for (const { what, file, error } of hostile) {
      const altText = `Alt for ${what}`;
      await upload(file, altText);
      const fieldError = form.locator('p[id$="-file-error"]');
      await expect(fieldError, what).toContainText(error);
      await expect(fileInput, what).toHaveAttribute('aria-invalid', 'true');
      // The error summary links to the field, and the alt text is kept.
      const summary = form.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary, what).toContainText(error);
      await expect(summary.getByRole('link'), what).toHaveAttribute('href', `#${await fileInput.getAttribute('id')}`);
      await expect(alt, what).toHaveValue(altText);
      expect(await mine(), `${what}: nothing added`).toBe(0);
    }
    await expect(page.getByRole('status').filter({ hasText: 'Image uploaded.' })).toHaveCount(0);

    // A plain PNG (random colour, so it is never a duplicate of an earlier upload).
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: randomInt(256), g: randomInt(256), b: randomInt(256) } } }).png().toBuffer();
    await upload({ name: 'photo.png', mimeType: 'image/png', buffer: png }, 'A coloured rectangle');
    await expect(page.getByRole('status').filter({ hasText: 'Image uploaded.' })).toBeVisible();
    expect(await mine()).toBe(1);
    const [row] = await fixtures.sql(`SELECT "fileName", "mimeType" FROM "Media" WHERE "uploadedById" = $1`, [editor.id]);
    expect(row.mimeType).toBe('image/png');

    const served = await request.get(`/media/${row.fileName}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    const body = await served.body();
    expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(page.getByRole('img', { name: 'A coloured rectangle' })).toBeVisible();

    // A GIF/JavaScript polyglot with no markup in it decodes as a valid GIF; its script
    // lives after the GIF's end, which is what gets it refused.
    await upload({ name: 'pure.gif', mimeType: 'image/gif', buffer: await gifJsPolyglot('*/=alert(document.domain);//') }, 'Pure GIF/JS polyglot');
    await expect(form.locator('p[id$="-file-error"]')).toContainText('other data after the image');
    const rows = await fixtures.sql(`SELECT "fileName" FROM "Media" WHERE "uploadedById" = $1 AND alt = 'Pure GIF/JS polyglot'`, [editor.id]);
    expect(rows).toEqual([]);
  } finally {
    await fixtures.sql(`DELETE FROM "Media" WHERE "uploadedById" = $1`, [editor.id]);
  }
});
