// Small helpers shared by the commands' option handling.
import { diagnostic } from '../base/diagnostics/diagnostic.js';
import { EXIT_USAGE, printDiagnostics, type Io } from './command.js';

/** Prints a usage error (NNC7002) and returns the usage exit code. */
export function usage(io: Io, what: string): number {
  printDiagnostics(io, [diagnostic('NNC7002', undefined, { what })], null);
  return EXIT_USAGE;
}
