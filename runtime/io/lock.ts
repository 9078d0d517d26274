// One run at a time per output folder: two runs writing into the same --out would mix their files
// (the weights of one, the checkpoint of the other). A run takes `.nnc-lock` in the folder before
// anything runs and removes it at the end; a second run is refused (NNC5013). A lock left by a
// process that no longer runs (killed with SIGKILL) is taken over.
import { closeSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fail } from '../../base/diagnostics/diagnostic.js';
import { processRuns, writeFailureReason } from './atomic.js';

export const LOCK_NAME = '.nnc-lock';

export interface FolderLock {
  /** Removes the lock (and the folder, when this run created it and left it empty). */
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
}

function readOwner(path: string): Owner | null {
  try {
    const [pid, host] = readFileSync(path, 'utf8').split('\n');
    return Number.isInteger(Number(pid)) && host !== undefined ? { pid: Number(pid), host } : null;
  } catch {
    return null;
  }
}

/** Creates `lock` holding `content`, atomically: false when it exists already. */
function create(lock: string, content: string): boolean {
  const temporary = `${lock}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  try {
    linkSync(temporary, lock);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    // A file system without hard links: an exclusive create (a crash before the write leaves an empty lock).
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
    writeSync(fd, content);
    closeSync(fd);
    return true;
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  }
}

/**
 * Takes the output folder for this run, creating it. NNC5013 when another live nnc process holds
 * it; NNC5002 when the folder cannot be made. `show` names paths as the user sees them.
 */
export function lockOutputFolder(folder: string, show: (path: string) => string = (p) => p): FolderLock {
  let created = false;
  try {
    created = mkdirSync(folder, { recursive: true }) !== undefined;
  } catch (err) {
    fail('NNC5002', undefined, { path: show(folder), reason: writeFailureReason(err) });
  }
  const lock = join(folder, LOCK_NAME);
  const content = `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`;
  for (let attempt = 0; ; attempt++) {
    let taken: boolean;
    try {
      taken = create(lock, content);
    } catch (err) {
      fail('NNC5002', undefined, { path: show(lock), reason: writeFailureReason(err) });
    }
    if (taken) break;
    const owner = readOwner(lock);
    const stale = owner !== null && owner.host === hostname() && !processRuns(owner.pid);
    if (!stale || attempt > 0) {
      const by = owner ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}` : 'a process that is starting';
      fail('NNC5013', undefined, { folder: show(folder), owner: by, lock: show(lock) });
    }
    // Set the stale lock aside under a name of our own, so that two runs cannot both take it over.
    const aside = `${lock}.stale.${process.pid}`;
    try {
      renameSync(lock, aside);
      unlinkSync(aside);
    } catch {
      // another run took it over first; the next attempt sees its lock
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readOwner(lock)?.pid === process.pid) {
      try {
        unlinkSync(lock);
      } catch {
        // gone already
      }
    }
    if (created) {
      try {
        if (readdirSync(folder).length === 0) rmdirSync(folder);
      } catch {
        // not empty after all, or gone
      }
    }
  };
  process.on('exit', release);
  return { release };
}
