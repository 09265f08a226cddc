import { existsSync, readFileSync } from 'node:fs';

/**
 * Debian's CJK fonts, most suitable first. pdf-lib cannot embed a .ttc collection (pdf-lib
 * #944, #1208), so a face is cut out of a collection (see `extractFace`); TrueType outlines
 * (WenQuanYi, Droid) subset cleanly, so they come before Noto's CFF ones.
 */
export const CJK_FONT_CANDIDATES = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei', debianPackage: 'fonts-wqy-microhei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei', debianPackage: 'fonts-wqy-zenhei' },
  {
    path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
    family: 'Droid Sans Fallback',
    debianPackage: 'fonts-droid-fallback',
  },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC', debianPackage: 'fonts-noto-cjk' },
] as const;

export interface CjkFont {
  path: string;
  family: string;
  /** One face as a plain TrueType/OpenType file, ready for pdf-lib. */
  bytes: Buffer;
}

export const MISSING_FONT_MESSAGE =
  "No CJK font found for watermarks: install Debian's fonts-wqy-microhei (apt-get install -y fonts-wqy-microhei)";

/** The first installed CJK font, or undefined. */
export function findCjkFont(candidates: readonly { path: string; family: string }[] = CJK_FONT_CANDIDATES): CjkFont | undefined {
  for (const candidate of candidates) {
    if (!existsSync(candidate.path)) continue;
    return { path: candidate.path, family: candidate.family, bytes: extractFace(readFileSync(candidate.path), 0) };
  }
  return undefined;
}

/**
 * One face of a TrueType collection (.ttc) as a standalone font file: the collection's face
 * directory names tables shared by offset, so the face's tables are copied after a fresh
 * directory. A plain .ttf/.otf is returned as it is.
 */
export function extractFace(collection: Buffer, index: number): Buffer {
  if (collection.toString('latin1', 0, 4) !== 'ttcf') return collection;
  const faces = collection.readUInt32BE(8);
  if (index >= faces) throw new Error(`The collection has ${faces} faces, not ${index + 1}`);
  const face = collection.readUInt32BE(12 + 4 * index);
  const tableCount = collection.readUInt16BE(face + 4);
  const tables = Array.from({ length: tableCount }, (_, i) => {
    const record = face + 12 + 16 * i;
    return {
      tag: collection.toString('latin1', record, record + 4),
      checksum: collection.readUInt32BE(record + 4),
      offset: collection.readUInt32BE(record + 8),
      length: collection.readUInt32BE(record + 12),
    };
  });
  let position = 12 + 16 * tableCount;
  const placed = tables.map((table) => {
    const at = position;
    position += (table.length + 3) & ~3; // tables start on 4-byte boundaries
    return at;
  });
  const font = Buffer.alloc(position);
  collection.copy(font, 0, face, face + 12); // sfnt version, table count, search hints
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    font.write(table.tag, record, 'latin1');
    font.writeUInt32BE(table.checksum, record + 4);
    font.writeUInt32BE(placed[i], record + 8);
    font.writeUInt32BE(table.length, record + 12);
    collection.copy(font, placed[i], table.offset, table.offset + table.length);
  });
  return font;
}
