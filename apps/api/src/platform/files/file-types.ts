import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';

/** A kind of file we accept: the name used in FILE_TYPES and the content type we serve it with. */
export interface AcceptedType {
  kind: string;
  contentType: string;
}

/** FILE_TYPES when unset: documents, images, text and archives a school office exchanges. */
export const DEFAULT_FILE_TYPES = [
  'pdf',
  'jpg',
  'png',
  'gif',
  'webp',
  'docx',
  'xlsx',
  'pptx',
  'doc',
  'xls',
  'ppt',
  'ofd',
  'txt',
  'csv',
  'zip',
];

/** Detected kinds (file-type's `ext`) that map straight to one of ours. */
const DIRECT: Record<string, AcceptedType> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf' },
  jpg: { kind: 'jpg', contentType: 'image/jpeg' },
  png: { kind: 'png', contentType: 'image/png' },
  gif: { kind: 'gif', contentType: 'image/gif' },
  webp: { kind: 'webp', contentType: 'image/webp' },
  docx: { kind: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { kind: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { kind: 'pptx', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
};

/** Old Office files are Compound File Binary containers; the name tells which program wrote it. */
const OLD_OFFICE: Record<string, AcceptedType> = {
  '.doc': { kind: 'doc', contentType: 'application/msword' },
  '.xls': { kind: 'xls', contentType: 'application/vnd.ms-excel' },
  '.ppt': { kind: 'ppt', contentType: 'application/vnd.ms-powerpoint' },
};

const TEXT: Record<string, AcceptedType> = {
  '.txt': { kind: 'txt', contentType: 'text/plain; charset=utf-8' },
  '.csv': { kind: 'csv', contentType: 'text/csv; charset=utf-8' },
};

/** Why a file was refused, for the error message. */
export class RefusedFileType extends Error {}

/**
 * The kind of an uploaded file, detected from its content (PLT-5): a renamed executable is
 * refused whatever its name says. `path` is the received temp file; `name` the user's file name.
 */
export async function detectFileType(path: string, name: string, accepted: readonly string[]): Promise<AcceptedType> {
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(path);
  const extension = extname(name).toLowerCase();
  let type: AcceptedType | undefined;
  if (detected) {
    type = DIRECT[detected.ext];
    if (detected.ext === 'cfb') type = (await isInstallerPackage(path)) ? undefined : OLD_OFFICE[extension];
    if (detected.ext === 'zip') {
      // OFD (版式文档) is a zip of XML parts; file-type sees only the zip.
      type = extension === '.ofd' ? { kind: 'ofd', contentType: 'application/ofd' } : { kind: 'zip', contentType: 'application/zip' };
    }
    if (!type) throw new RefusedFileType(`files of this kind (${detected.ext}) are not accepted`);
  } else {
    // Text has no magic number: accept plain UTF-8 text named .txt/.csv, never a script.
    type = TEXT[extension];
    if (!type) throw new RefusedFileType('the content is not of an accepted kind');
    const problem = await textProblem(path);
    if (problem) throw new RefusedFileType(problem);
  }
  if (!accepted.includes(type.kind)) throw new RefusedFileType(`files of this kind (${type.kind}) are not accepted`);
  return type;
}

/** Reasons a .txt/.csv is not plain text: a script's shebang, NUL bytes, or bytes that are not UTF-8. */
async function textProblem(path: string): Promise<string | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      if (first && chunk.subarray(0, 2).toString('latin1') === '#!') return 'scripts are not accepted';
      first = false;
      if (chunk.includes(0)) return 'the text contains NUL bytes';
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
  } catch {
    return 'the text is not UTF-8';
  }
  return undefined;
}

/**
 * Windows Installer files (.msi, .msp, .mst) are Compound File Binary containers like old Office
 * files; their root storage carries the installer's class id {000C108x-0000-0000-C000-000000000046}.
 */
async function isInstallerPackage(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(512);
    await file.read(header, 0, 512, 0);
    const sectorSize = 1 << header.readUInt16LE(0x1e);
    const firstDirectorySector = header.readUInt32LE(0x30);
    const entry = Buffer.alloc(128);
    const { bytesRead } = await file.read(entry, 0, 128, (firstDirectorySector + 1) * sectorSize);
    if (bytesRead < 128) return false;
    const clsid = entry.subarray(0x50, 0x60);
    const installerFamily = clsid[1] === 0x10 && clsid[2] === 0x0c && clsid[3] === 0x00 && (clsid[0] & 0xf0) === 0x80;
    const suffix = clsid.subarray(8).equals(Buffer.from([0xc0, 0, 0, 0, 0, 0, 0, 0x46]));
    return installerFamily && suffix;
  } finally {
    await file.close();
  }
}
