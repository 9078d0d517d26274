// The graph verifier: every node's inputs come before it, its shape is what its op's rule gives,
// and outputs, gradients and updates name nodes of the right shapes. Run after every graph pass in
// the tests and by `nnc graph --verify`; a failure names the pass, the node and the rule.
import { shapeOf } from './shape-rules.js';
import type { Graph, Node } from './ir.js';
import { broadcastShapes, sameShape, shapeText } from './shape.js';

/** Problems found, one line each ('%12 = ...: ...'); empty when the graph is well formed. */
export function verifyGraph(graph: Graph): string[] {
  const problems: string[] = [];
  const say = (n: Node | string, why: string) => problems.push(`${typeof n === 'string' ? n : `%${n.id} (${n.op.kind})`}: ${why}`);
  graph.nodes.forEach((n, id) => {
    if (n.id !== id) return say(n, `is at position ${id}`);
    const late = n.inputs.find((i) => i < 0 || i >= id);
    if (late !== undefined) return say(n, `uses %${late}, which is not defined before it`);
    try {
      const want = shapeOf(n.op, n.inputs.map((i) => graph.nodes[i]!.shape), n.shape);
      if (!sameShape(want, n.shape)) say(n, `has shape ${shapeText(n.shape)}, its rule gives ${shapeText(want)}`);
    } catch (e) {
      say(n, (e as Error).message);
    }
    return undefined;
  });
  const exists = (id: number | undefined, what: string): Node | null => {
    if (id === undefined) return null;
    const n = graph.nodes[id];
    if (!n) say(what, `names %${id}, which does not exist`);
    return n ?? null;
  };
  const o = graph.outputs;
  exists(o.loss, 'outputs.loss');
  exists(o.prediction, 'outputs.prediction');
  for (const [k, id] of Object.entries(o.metrics)) exists(id, `outputs.metrics.${k}`);
  for (const [p, g] of Object.entries(o.gradients)) {
    const param = exists(Number(p), `gradient of %${p}`);
    const grad = exists(g, `gradient of %${p}`);
    if (param && grad && !sameShape(param.shape, grad.shape)) say(`gradient of %${p}`, `has shape ${shapeText(grad.shape)} for a ${shapeText(param.shape)} parameter`);
  }
  for (const u of graph.updates) {
    const target = exists(u.target, 'update');
    const value = exists(u.value, 'update');
    if (!target || !value) continue;
    if (target.op.kind !== 'param' && target.op.kind !== 'state') say(`update of %${u.target}`, 'targets neither a parameter nor state');
    try {
      if (!sameShape(broadcastShapes([value.shape, target.shape], 'update'), target.shape)) throw new Error('');
    } catch {
      say(`update of %${u.target}`, `value ${shapeText(value.shape)} does not fit ${shapeText(target.shape)}`);
    }
  }
  return problems;
}
