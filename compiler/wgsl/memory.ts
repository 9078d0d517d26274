// The GPU memory plan: every f32 buffer of the plan except the bound dataset and predict's output
// lives at a fixed offset of one storage buffer, the arena, with batch-sized buffers sized for the
// largest batch. Made once per program.
import { elementCount } from '../graph/shape.js';
import type { Plan, PlanBuffer } from '../plan/ir.js';
import { EmitLimitError, type EmitLimits } from './limits.js';

export interface MemoryPlan {
  /** Arena offset (in f32 elements) of each plan buffer; -1 for buffers bound separately. */
  offsets: number[];
  /** Elements each buffer takes in the arena. */
  sizes: number[];
  arenaSize: number;
  /** Batch rows the arena is sized for. */
  maxRows: number;
}

/** Arena offsets: parameters and state first (scalars together, so sums read back in one copy), then temporaries. */
export function planMemory(plan: Plan, maxRows: number): MemoryPlan {
  const offsets = plan.buffers.map(() => -1);
  const sizes = plan.buffers.map(() => 0);
  let at = 0;
  const place = (id: number) => {
    const n = elementCount(plan.buffers[id]!.shape, maxRows);
    offsets[id] = at;
    sizes[id] = n;
    at += n;
  };
  const scalar = (b: PlanBuffer) => b.shape.every((d) => d === 1);
  const arenaBuffers = plan.buffers.filter((b) => b.role === 'param' || b.role === 'state' || b.role === 'temp');
  for (const b of arenaBuffers) if (b.role === 'state' && scalar(b)) place(b.id);
  for (const b of arenaBuffers) if (offsets[b.id] === -1 && b.role !== 'temp') place(b.id);
  for (const b of arenaBuffers) if (offsets[b.id] === -1) place(b.id);
  return { offsets, sizes, arenaSize: Math.max(at, 1), maxRows };
}

/** The arena in one storage binding, or an EmitLimitError naming the layer whose buffers take the most room. */
export function checkArena(plan: Plan, memory: MemoryPlan, limits: EmitLimits): void {
  if (memory.arenaSize * 4 <= limits.maxStorageBufferBindingSize) return;
  const byLayer = new Map<string, number>();
  for (const b of plan.buffers) {
    // parameters and their optimizer slots count for their layer: optimizer/m/dense/kernel is dense's
    const named = b.role === 'param' || b.name.startsWith('optimizer/') ? b.name.split('/').at(-2) : undefined;
    const what = named ?? b.origin?.what.replace(/ \(gradient\)$/, '') ?? b.name;
    byLayer.set(what, (byLayer.get(what) ?? 0) + memory.sizes[b.id]! * 4);
  }
  const [layer] = [...byLayer].sort((a, b) => b[1] - a[1])[0]!;
  throw new EmitLimitError(layer, 'its buffers in one storage binding (bytes)', memory.arenaSize * 4, limits.maxStorageBufferBindingSize);
}
