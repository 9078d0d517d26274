// Files nnc writes (weights, predictions, logs) appear whole or not at all: the data goes to a
// temporary file in the target's folder (`.NAME.PID.RANDOM.tmp`), is flushed to the disk, and is
// renamed over the target (rename within one file system is atomic). On any failure the temporary
// file is removed; so is one still open when the process exits. Temporary files of the same target
// left by a process that no longer runs (killed with SIGKILL, a power cut) are swept before the
// next write of that target.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail } from '../../base/diagnostics/diagnostic.js';
import type { Span } from '../../base/source.js';

/** The OS error of a failed write, in words. */
export function writeFailureReason(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/**
 * A random part for the temporary name ('wx' refuses an existing file anyway). Not node:crypto:
 * loading it costs every nnc process about 6 ms at start-up.
 */
function temporarySuffix(): string {
  return Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
}

/**
 * Writes `data` to `path` atomically. Throws NncError NNC5002 (naming the path and the reason)
 * when it cannot; `span` is the statement that asked for the file, when there is one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, span?: Span): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  sweepStaleTemporaries(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${temporarySuffix()}.tmp`);
  let fd: number | null = null;
  let created = false;
  try {
    open.add(temporary);
    fd = openSync(temporary, 'wx', 0o666);
    created = true;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, path);
    created = false;
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the write error is the one to report
      }
    }
    if (created) {
      try {
        unlinkSync(temporary);
      } catch {
        // nothing more can be done; the rename did not happen, so the target is untouched
      }
    }
    fail('NNC5002', span, { path, reason: writeFailureReason(err) });
  } finally {
    open.delete(temporary);
  }
  syncFolder(dirname(path));
}

/** Temporary files being written now: removed if the process exits in the middle (process.exit in a signal handler). */
const open = new Set<string>();
process.on('exit', removeOpenTemporaries);

/** Removes the temporary files of writes in progress (for a process about to exit). */
export function removeOpenTemporaries(): void {
  for (const path of open) {
    try {
      unlinkSync(path);
    } catch {
      // not created yet, or already gone
    }
  }
  open.clear();
}

/** `.NAME.PID.RANDOM.tmp` beside `path`, whose process is gone: a write that never finished. */
export function sweepStaleTemporaries(path: string): string[] {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    if (!match || processRuns(Number(match[1]))) continue;
    try {
      unlinkSync(join(dirname(path), name));
      swept.push(name);
    } catch {
      // another process swept it first
    }
  }
  return swept;
}

/** Whether a process with this id runs (on this machine); one we may not signal still runs. */
export function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes the rename itself durable where the platform allows fsync on a folder (not Windows). */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // best effort: the file is complete either way
  }
  if (fd !== null) {
    try {
      closeSync(fd);
    } catch {
      // best effort
    }
  }
}
