// Dawn, the Vulkan loader and Mesa print to the process's stderr from native code while a GPU is
// opened (`Warning: maxDynamicUniformBuffersPerPipelineLayout artificially reduced ...`,
// `XDG_RUNTIME_DIR is invalid or not set`, `Vulkan ... required`), and nothing in WebGPU's API turns
// that off. So while nnc opens the GPU, file descriptor 2 itself points at a temporary file (the
// lowest free descriptor is the one just closed, so close + open moves it without a native dup2),
// and afterwards back at the original stderr, reopened through /dev/fd. What was captured is
// returned: `nnc run --verbose 2` shows it as the adapter's details.
//
// Only the native side is affected, and only for that window: nnc writes nothing then, and Node's
// process.stderr keeps working (a terminal is written through its own descriptor; a pipe or file
// through fd 2, which points at the same pipe or file again afterwards). Where any step is not
// possible (Windows, a stderr that /dev/fd cannot reopen, such as a socket), nothing is moved.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STDERR = 2;

export interface Captured<T> {
  value: T;
  /** What native code wrote to stderr meanwhile ('' when nothing, or when nothing could be moved). */
  text: string;
}

/** Runs `body` with native stderr sent to a temporary file; restores it even when `body` throws. */
export async function withNativeStderrCaptured<T>(body: () => Promise<T>): Promise<Captured<T>> {
  const redirect = redirectStderr();
  if (!redirect) return { value: await body(), text: '' };
  let value: T;
  try {
    value = await body();
  } catch (e) {
    redirect.restore();
    throw e;
  }
  return { value, text: redirect.restore() };
}

/** Moves fd 2 to a temporary file; returns how to move it back (and read the file), or null when it cannot. */
function redirectStderr(): { restore(): string } | null {
  if (process.platform === 'win32') return null;
  let saved: number;
  try {
    saved = openSync(`/dev/fd/${STDERR}`, 'a');
  } catch {
    return null; // no stderr, or one that cannot be reopened (a socket): leave it alone
  }
  let folder: string;
  try {
    folder = mkdtempSync(join(tmpdir(), 'nnc-native-'));
  } catch {
    closeSync(saved);
    return null;
  }
  const file = join(folder, 'stderr.log');
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  closeSync(STDERR);
  const fd = openSync(file, 'w');
  if (fd !== STDERR) {
    // Something took descriptor 2 in between (or a lower one was free): put everything back.
    closeSync(fd);
    reopenAsStderr(saved);
    cleanUp();
    return null;
  }
  return {
    restore() {
      reopenAsStderr(saved);
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } finally {
        cleanUp();
      }
      return text;
    },
  };
}

/** Closes fd 2 (the capture file) and reopens the saved original as fd 2. */
function reopenAsStderr(saved: number): void {
  closeSync(STDERR);
  const fd = openSync(`/dev/fd/${saved}`, 'a');
  closeSync(saved);
  if (fd !== STDERR) throw new Error(`nnc: could not give stderr back its descriptor (got ${fd})`);
}
