/** Error codes of files (PLT-5) that clients may branch on. */
export const FILE_ERRORS = {
  /** The content is not of an accepted kind (detected from the bytes, never from the name). */
  FILE_TYPE_REFUSED: 'FILE_TYPE_REFUSED',
  /** The request is not multipart/form-data, or has no file. */
  NOT_MULTIPART: 'NOT_MULTIPART',
} as const;
