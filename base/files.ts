// The file system as base/, grammar/ and compiler/ see it: reading input files (data, weights,
// programs) whole, and the path rules that name them. This is the one module of those layers that
// uses Node; a browser bundle replaces it with files.browser.ts (the files a page was given), so
// the compiler runs in a page unchanged (docs/web.md).
//
// Only regular files are read: a device such as /dev/zero never ends, and a FIFO or /dev/stdin
// blocks until someone writes to it. Such paths are refused with a reason in words, before a byte
// is read.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** Thrown for a path that is not a regular file; its message is the reason, in words. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(reason: string) {
    super(reason);
    this.name = 'NotRegularFileError';
  }
}

/** What a file that is not a regular one is, in words. */
export function kindOfFile(stats: Stats): string {
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a regular file';
  if (stats.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

/**
 * The bytes of a regular file (symlinks followed). Checked before the open, and again on the open
 * descriptor (opened without blocking, so a FIFO swapped in after the first check cannot hang it).
 * Throws NotRegularFileError, or the OS error (ENOENT, EACCES, ...).
 */
export function readRegularFile(path: string): Uint8Array {
  const before = statSync(path); // a socket cannot even be opened (ENXIO): say what it is
  if (!before.isFile()) throw new NotRegularFileError(kindOfFile(before));
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(kindOfFile(stats));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of a program file. Unlike data, a pipe is allowed: it ends (`nnc check <(gen)`,
 * `... | nnc check /dev/stdin`); a folder is EISDIR, a device or socket (which may never end) an
 * error saying what it is.
 */
export function readProgramFile(path: string): Uint8Array {
  const stats = statSync(path);
  if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (!stats.isFile() && !stats.isFIFO()) throw new Error(kindOfFile(stats));
  return readFileSync(path);
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** The file's size in bytes, or -1 when it cannot be known (a reader then says why it cannot be read). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** The absolute form of a path (relative ones are relative to the working folder). */
export function absolutePath(path: string): string {
  return resolve(path);
}

/** `path` as written in `file` (a program): relative paths are relative to the file's folder. */
export function pathBeside(file: string, path: string): string {
  return resolve(dirname(resolve(file)), path);
}

/** How a file is named in messages: relative to the working folder when inside it. */
export function shownPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}
