// Reading input files (data, weights) whole, and only regular files: a device such as /dev/zero
// never ends, and a FIFO or /dev/stdin blocks until someone writes to it. Such paths are refused
// with a reason in words, before a byte is read.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';

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
export function readRegularFile(path: string): Buffer {
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
