// Pass: applyOptimizer — adds the optimizer's update of every parameter to a train graph, as graph
// ops, with Keras' exact update rules (keras/src/optimizers/*.py; see docs/numerics.md). Slots
// (momentum, velocity, ...) are state nodes; the step counter t is the `step` uniform (1-based).
import { GraphBuilder, type Graph } from './graph/ir.js';
import type { Optimizer } from './program.js';
import type { Span } from '../base/source.js';

export function applyOptimizer(graph: Graph, optimizer: Optimizer, span?: Span): Graph {
  const b = new GraphBuilder(graph);
  const params = graph.nodes.filter((n) => n.op.kind === 'param');
  b.within({ what: 'optimizer', ...(span ? { span } : {}) }, () => {
    const c = (v: number) => b.constant(v);
    const lr = c(optimizer.learningRate);
    // Adam's step size, shared by all parameters: lr * sqrt(1 - beta_2^t) / (1 - beta_1^t).
    let alpha: number | null = null;
    if (optimizer.kind === 'adam' || optimizer.kind === 'adamw') {
      const t = b.uniform('step');
      const b1t = b.map('pow', [c(optimizer.beta1), t]);
      const b2t = b.map('pow', [c(optimizer.beta2), t]);
      alpha = b.div(b.mul(lr, b.map('sqrt', [b.sub(c(1), b2t)])), b.sub(c(1), b1t));
    }

    for (const p of params) {
      if (p.op.kind !== 'param') continue;
      const name = p.op.name;
      const shape = p.shape as number[];
      const g = graph.outputs.gradients[p.id];
      if (g === undefined) throw new Error(`applyOptimizer: no gradient for ${name}`);
      const slot = (slotName: string, fill = 0) => b.state(`optimizer/${slotName}/${name}`, shape, fill);
      const update = (target: number, value: number) => graph.updates.push({ target, value });

      switch (optimizer.kind) {
        case 'sgd': {
          if (optimizer.momentum === 0) {
            update(p.id, b.sub(p.id, b.mul(g, lr)));
            break;
          }
          const m = slot('momentum');
          const mom = c(optimizer.momentum);
          const mNew = b.sub(b.mul(m, mom), b.mul(g, lr));
          update(m, mNew);
          update(p.id, optimizer.nesterov ? b.add2(p.id, b.sub(b.mul(mNew, mom), b.mul(g, lr))) : b.add2(p.id, mNew));
          break;
        }
        case 'adam':
        case 'adamw': {
          const m = slot('m');
          const v = slot('v');
          const mNew = b.add2(m, b.mul(b.sub(g, m), c(1 - optimizer.beta1)));
          const vNew = b.add2(v, b.mul(b.sub(b.map('square', [g]), v), c(1 - optimizer.beta2)));
          update(m, mNew);
          update(v, vNew);
          // AdamW decays the weights first (Keras: variable -= variable * weight_decay * lr).
          const w = optimizer.kind === 'adamw' ? b.sub(p.id, b.mul(p.id, c(optimizer.weightDecay * optimizer.learningRate))) : p.id;
          const step = b.div(b.mul(mNew, alpha!), b.add2(b.map('sqrt', [vNew]), c(optimizer.epsilon)));
          update(p.id, b.sub(w, step));
          break;
        }
        case 'rmsprop': {
          const v = slot('velocity');
          const rho = optimizer.rho;
          const vNew = b.add2(b.mul(c(rho), v), b.mul(c(1 - rho), b.map('square', [g])));
          update(v, vNew);
          const increment = b.div(b.mul(lr, g), b.map('sqrt', [b.add2(vNew, c(optimizer.epsilon))]));
          if (optimizer.momentum > 0) {
            const m = slot('momentum');
            const mNew = b.add2(b.mul(c(optimizer.momentum), m), increment);
            update(m, mNew);
            update(p.id, b.sub(p.id, mNew));
          } else {
            update(p.id, b.sub(p.id, increment));
          }
          break;
        }
        case 'adagrad': {
          const acc = slot('accumulator', optimizer.initialAccumulatorValue);
          const accNew = b.add2(acc, b.map('square', [g]));
          update(acc, accNew);
          update(p.id, b.sub(p.id, b.div(b.mul(lr, g), b.map('sqrt', [b.add2(accNew, c(optimizer.epsilon))]))));
          break;
        }
      }
    }
  });
  return graph;
}
