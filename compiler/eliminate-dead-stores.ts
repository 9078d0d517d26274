// Pass: eliminateDeadStores — after fusion many temporaries are computed and used inside one
// kernel; their stores (and then their buffers) are dropped. Parameters, state and outputs are
// always kept.
import { effectsOf, kernelStores } from './plan/expr.js';
import type { Body, Kernel, Plan } from './plan/ir.js';
import { simplifyBody } from './plan/merge.js';

export function eliminateDeadStores(plan: Plan): Plan {
  const schedules = { ...plan.schedules };
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    // what any kernel of the step reads, loop bodies included (a loop reads its earlier steps' values)
    const kernels = plan.schedules[step].kernels;
    const readers = new Set<number>();
    for (const k of kernels) for (const b of effectsOf(k, plan.io.permutation).reads.keys()) readers.add(b);
    const live = (buf: number) => plan.buffers[buf]!.role !== 'temp' || readers.has(buf);
    schedules[step] = { step, kernels: prune(kernels, live) };
  }
  return dropUnusedBuffers({ ...plan, schedules });
}

/** The kernels with only the stores someone reads; kernels left with none go. */
function prune<K extends Kernel>(kernels: K[], live: (buf: number) => boolean): K[] {
  const body = (b: Body): Body => simplifyBody({ lets: b.lets, stores: b.stores.filter((s) => live(s.buf)) });
  const out: K[] = [];
  for (const k of kernels) {
    let next: Kernel;
    if (k.kind === 'map') next = { ...k, segments: k.segments.map((s) => ({ ...s, body: body(s.body) })).filter((s) => s.body.stores.length > 0) };
    else if (k.kind === 'loop') next = { ...k, body: prune(k.body, live) };
    else next = { ...k, epilogue: body(k.epilogue) };
    if (kernelStores(next).length > 0) out.push(next as K);
  }
  return out;
}

/** Renumbers the buffer table without the temporaries no kernel touches any more. */
function dropUnusedBuffers(plan: Plan): Plan {
  const used = new Set<number>();
  for (const s of Object.values(plan.schedules)) {
    for (const k of s.kernels) {
      const e = effectsOf(k, plan.io.permutation);
      for (const b of e.reads.keys()) used.add(b);
      for (const b of e.writes.keys()) used.add(b);
    }
  }
  const keep = plan.buffers.filter((b) => b.role !== 'temp' || used.has(b.id));
  if (keep.length === plan.buffers.length) return plan;
  const renumber = new Map(keep.map((b, i) => [b.id, i]));
  const id = (old: number) => renumber.get(old) ?? -1;
  const json = JSON.stringify(plan.schedules, (key, value) => ((key === 'buf') && typeof value === 'number' ? id(value) : value));
  const io = plan.io;
  return {
    ...plan,
    buffers: keep.map((b, i) => ({ ...b, id: i })),
    schedules: JSON.parse(json),
    io: {
      ...io,
      features: id(io.features),
      labels: id(io.labels),
      permutation: id(io.permutation),
      output: id(io.output),
      nonFiniteStep: io.nonFiniteStep < 0 ? -1 : id(io.nonFiniteStep),
      params: io.params.map(id),
      sums: {
        train: Object.fromEntries(Object.entries(io.sums.train).map(([k, v]) => [k, id(v)])),
        evaluate: Object.fromEntries(Object.entries(io.sums.evaluate).map(([k, v]) => [k, id(v)])),
      },
    },
  };
}
