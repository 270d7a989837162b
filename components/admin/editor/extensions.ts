import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { safeHref } from '@/lib/rich-text/links';

/**
 * The editor offers exactly what lib/rich-text/validate.ts accepts: headings 2–4,
 * bold, italic, lists, blockquote, horizontal rule, hard breaks, links
 * (https, mailto and relative only) and media-library images.
 */
export function editorExtensions() {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: ['mailto'],
      defaultProtocol: 'https',
      isAllowedUri: (url) => safeHref(url) !== null,
      shouldAutoLink: (url) => safeHref(url) !== null,
      HTMLAttributes: { target: null, rel: null, class: null },
    }),
    Image.configure({ inline: false, allowBase64: false }),
  ];
}
