// nnc-worker.js: the CPU worker's entry (worker.ts).
import { serveTrainers, type WorkerScope } from './worker.js';

serveTrainers(globalThis as unknown as WorkerScope);
