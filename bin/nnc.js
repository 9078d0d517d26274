#!/usr/bin/env node
// The nnc command. All of it lives in the library (dist/cli/main.js is built from cli/main.ts).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
