// Pass: inlineScalars — a [1, 1] kernel computed from constants and per-step uniforms only (Adam's
// bias-corrected step size) is recomputed where it is used instead of being a kernel of its own.
import { mapBody, mapExpr, exprUses } from './plan/expr.js';
import type { Body, Expr, Kernel, Plan } from './plan/ir.js';
import { forEachSchedule } from './plan/schedules.js';
import { simplifyBody } from './plan/merge.js';
import { isIdentity } from './plan/view.js';

export function inlineScalars(plan: Plan): Plan {
  return forEachSchedule(plan, (kernels) => {
    const values = new Map<number, Expr>();
    const remaining: Kernel[] = [];
    const subst = (e: Expr): Expr | undefined => (e.k === 'load' && values.has(e.buf) ? values.get(e.buf) : undefined);
    for (const k of kernels) {
      const inlined = substitute(k, subst);
      if (isUniformScalar(inlined, plan)) {
        const body = inlined.kind === 'map' ? inlined.segments[0]!.body : null;
        const resolved = simplifyBody(body!);
        for (const s of resolved.stores) values.set(s.buf, s.value);
        continue;
      }
      remaining.push(inlined);
    }
    return remaining;
  });
}

function isUniformScalar(k: Kernel, plan: Plan): boolean {
  if (k.kind !== 'map' || k.segments.length !== 1) return false;
  const s = k.segments[0]!;
  if (!s.space.every((d) => d === 1)) return false;
  const pure = (e: Expr) => !exprUses(e, (x) => x.k === 'load' || x.k === 'rand' || x.k === 'acc');
  return s.body.stores.every((st) => plan.buffers[st.buf]!.role === 'temp' && isIdentity(st.view, s.space)) && s.body.lets.every((l) => pure(l.value)) && s.body.stores.every((st) => pure(st.value));
}

function substitute(k: Kernel, f: (e: Expr) => Expr | undefined): Kernel {
  const body = (b: Body) => mapBody(b, f);
  switch (k.kind) {
    case 'map':
      return { ...k, segments: k.segments.map((s) => ({ ...s, body: body(s.body) })) };
    case 'contract':
    case 'gather':
    case 'segment_sum':
      return { ...k, epilogue: body(k.epilogue) };
    case 'loop':
      return { ...k, body: k.body.map((inner) => substitute(inner, f) as typeof inner) };
    case 'reduce':
      return {
        ...k,
        prologue: k.prologue.map((l) => ({ name: l.name, value: mapExpr(l.value, f) })),
        reductions: k.reductions.map((r) => ({ ...r, value: mapExpr(r.value, f) })),
        epilogue: body(k.epilogue),
      };
  }
}
