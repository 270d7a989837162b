// mjml 5 ships no type declarations; this is the part lib/email/edition uses.
// In mjml 5, mjml2html returns a Promise (it was synchronous in 4).
declare module 'mjml' {
  export type MjmlError = { line: number; message: string; tagName: string; formattedMessage: string };
  export type MjmlOptions = { validationLevel?: 'strict' | 'soft' | 'skip'; keepComments?: boolean; minify?: boolean; beautify?: boolean };
  export default function mjml2html(mjml: string, options?: MjmlOptions): Promise<{ html: string; errors: MjmlError[] }>;
}
