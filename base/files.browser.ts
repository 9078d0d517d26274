// base/files.ts for a web page: the files a page was given (a CSV dropped on it or fetched), by
// name, in memory. Browser bundles use this module in place of base/files.ts (scripts/bundle-web.mjs),
// so the compiler's checker reads a program's data here. Paths are names: 'pima.csv', 'data/x.csv'
// (relative to the page's one folder), with '.' and '..' resolved.

const files = new Map<string, Uint8Array>();

/** Makes `bytes` the file `name` (a dropped or fetched file); replaces one of that name. */
export function provideFile(name: string, bytes: Uint8Array): void {
  files.set(normalize(name), bytes);
}

export function forgetFile(name: string): void {
  files.delete(normalize(name));
}

/** The names of the files the page was given. */
export function providedFiles(): string[] {
  return [...files.keys()];
}

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(reason: string) {
    super(reason);
    this.name = 'NotRegularFileError';
  }
}

/** Only Node's files.ts sees file kinds; here every file is a regular one. */
export function kindOfFile(_stats: unknown): string {
  return 'it is not a regular file';
}

function notFound(path: string): Error {
  return Object.assign(new Error(`${path}: no such file`), { code: 'ENOENT' });
}

export function readRegularFile(path: string): Uint8Array {
  const bytes = files.get(normalize(path));
  if (!bytes) throw notFound(path);
  return bytes;
}

export function readProgramFile(path: string): Uint8Array {
  return readRegularFile(path);
}

export function fileExists(path: string): boolean {
  return files.has(normalize(path));
}

export function fileSize(path: string): number {
  return files.get(normalize(path))?.length ?? -1;
}

export function absolutePath(path: string): string {
  return normalize(path);
}

export function pathBeside(file: string, path: string): string {
  if (path.startsWith('/')) return normalize(path);
  const slash = file.lastIndexOf('/');
  return normalize(slash < 0 ? path : `${file.slice(0, slash)}/${path}`);
}

export function shownPath(absolute: string): string {
  return absolute;
}

/** 'a/./b/../c' -> 'a/c'; a leading '/' is dropped (the page has one folder, its root). */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
