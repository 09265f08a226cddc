import { execFile } from 'node:child_process';

/** The file types whose body text is extracted for search (DOC-8). */
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const EXTRACTABLE_TYPES: readonly string[] = [PDF, DOCX];

/** Texts longer than this are cut: the head of a document is what people search for, and rows stay small. */
export const MAX_TEXT_CHARS = 100_000;
const TIMEOUT_MS = 60_000;

/**
 * Runs in a child node process, reading the file on stdin and writing its text to stdout. PDF.js
 * (through unpdf) is ESM-only and loads itself with a dynamic import, which neither a CommonJS
 * Nest build nor Jest's VM can do in-process; a child also keeps a hostile or huge file (a zip
 * bomb in a DOCX, a PDF that parses forever) off the API's event loop and memory, and is killed
 * at the timeout.
 */
const SCRIPT = `
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const bytes = Buffer.concat(chunks);
let text;
if (process.argv[1] === 'pdf') {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  text = (await extractText(pdf, { mergePages: true })).text;
} else {
  const mammoth = (await import('mammoth')).default;
  text = (await mammoth.extractRawText({ buffer: bytes })).value;
}
process.stdout.write(text.slice(0, ${MAX_TEXT_CHARS}));
`;

/** The plain text of a PDF or DOCX file; rejects when the file cannot be read. */
export function extractText(bytes: Buffer, contentType: string): Promise<string> {
  const kind = contentType === PDF ? 'pdf' : contentType === DOCX ? 'docx' : undefined;
  if (!kind) return Promise.reject(new Error(`No text extraction for ${contentType}`));
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--max-old-space-size=256', '--input-type=module', '-e', SCRIPT, kind],
      // The API's own folder: `unpdf` and `mammoth` resolve from its node_modules.
      { cwd: __dirname, timeout: TIMEOUT_MS, maxBuffer: MAX_TEXT_CHARS * 4 + 1024, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(normalise(stdout))),
    );
    child.stdin!.on('error', () => undefined); // the child may exit before reading everything
    child.stdin!.end(bytes);
  });
}

/**
 * PDF.js puts a space or line break between text runs, even inside a Chinese phrase that was
 * drawn in pieces; whitespace between two CJK characters is dropped so that 会议 still matches.
 */
export function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/([\p{Script=Han}，。、；：？！“”（）《》])[ \t\n]+(?=[\p{Script=Han}，。、；：？！“”（）《》])/gu, '$1')
    .trim();
}
