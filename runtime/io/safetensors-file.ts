// Safetensors files on disk (the format itself is safetensors.ts): written atomically, read whole.
import { readRegularFile } from '../../base/files.js';
import { fail } from '../../base/diagnostics/diagnostic.js';
import type { Span } from '../../base/source.js';
import { writeFileAtomic } from './atomic.js';
import { decodeSafetensors, encodeSafetensors, type DecodeOptions, type NamedTensor, type Safetensors } from './safetensors.js';

export function writeSafetensors(path: string, tensors: NamedTensor[], metadata?: Record<string, string>, span?: Span): void {
  writeFileAtomic(path, encodeSafetensors(tensors, metadata), span);
}

export function readSafetensors(path: string, span?: Span, options: DecodeOptions = {}): Safetensors {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String((err as Error).message ?? err);
    fail('NNC5003', span, { path, reason });
  }
  return decodeSafetensors(bytes, path, span, options);
}
