// docs/cli.md against the command table: every command, every option and every exit code is
// documented, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { EXIT_ERRORS, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_RUNTIME, EXIT_USAGE } from '../../cli/command.js';
import { commands } from '../../cli/main.js';
import { repoRoot } from '../helpers/shared.js';

const doc = readFileSync(resolve(repoRoot, 'docs/cli.md'), 'utf8');

test('every command and option of nnc is in docs/cli.md', () => {
  for (const c of commands) {
    expect(doc, c.name).toContain(`\`nnc ${c.name} ${c.positionals[0]?.name ?? 'FILE'}\``);
    for (const o of c.options) expect(doc, `${c.name} ${o.name}`).toContain(o.name);
  }
});

test('every exit code is in the table of docs/cli.md', () => {
  for (const code of [EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_RUNTIME, EXIT_INTERNAL, EXIT_INTERRUPTED]) {
    expect(doc).toMatch(new RegExp(`^\\| ${code} \\| `, 'm'));
  }
});
