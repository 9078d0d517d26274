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
    // Nadam's momentum schedule, shared by all parameters (keras/src/optimizers/nadam.py):
    // u_t = beta_1 (1 - 0.5 * 0.96^t); the product of the u_s so far is kept in a state (updated
    // once a step, before the parameters use it, as Keras' _backend_update_step does).
    let nadam: { ut: number; ut1: number; product: number; productNext: number; b2t: number } | null = null;
    if (optimizer.kind === 'nadam') {
      const t = b.uniform('step');
      const u = (step: number) => b.mul(c(optimizer.beta1), b.sub(c(1), b.mul(c(0.5), b.map('pow', [c(0.96), step]))));
      const ut = u(t);
      const ut1 = u(b.add2(t, c(1)));
      const productState = b.state('optimizer/u_product', [1, 1], 1);
      const product = b.mul(productState, ut);
      graph.updates.push({ target: productState, value: product });
      nadam = { ut, ut1, product, productNext: b.mul(product, ut1), b2t: b.map('pow', [c(optimizer.beta2), t]) };
    }
    // Adamax's bias correction of the first moment: 1 - beta_1^t.
    const adamaxCorrection = optimizer.kind === 'adamax' ? b.sub(c(1), b.map('pow', [c(optimizer.beta1), b.uniform('step')])) : null;

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
        case 'nadam': {
          const { ut, ut1, product, productNext, b2t } = nadam!;
          const m = slot('momentum');
          const v = slot('velocity');
          const mNew = b.add2(m, b.mul(b.sub(g, m), c(1 - optimizer.beta1)));
          const vNew = b.add2(v, b.mul(b.sub(b.map('square', [g]), v), c(1 - optimizer.beta2)));
          update(m, mNew);
          update(v, vNew);
          const mHat = b.add2(b.div(b.mul(ut1, mNew), b.sub(c(1), productNext)), b.div(b.mul(b.sub(c(1), ut), g), b.sub(c(1), product)));
          const vHat = b.div(vNew, b.sub(c(1), b2t));
          update(p.id, b.sub(p.id, b.div(b.mul(mHat, lr), b.add2(b.map('sqrt', [vHat]), c(optimizer.epsilon)))));
          break;
        }
        case 'adamax': {
          const m = slot('momentum');
          const u = slot('norm');
          const mNew = b.add2(m, b.mul(b.sub(g, m), c(1 - optimizer.beta1)));
          const uNew = b.map('max', [b.mul(c(optimizer.beta2), u), b.map('abs', [g])]);
          update(m, mNew);
          update(u, uNew);
          update(p.id, b.sub(p.id, b.div(b.mul(lr, mNew), b.mul(adamaxCorrection!, b.add2(uNew, c(optimizer.epsilon))))));
          break;
        }
        case 'adadelta': {
          const rho = optimizer.rho;
          const accGrad = slot('accumulated_grad');
          const accDelta = slot('accumulated_delta_var');
          const rms = (x: number) => b.map('sqrt', [b.add2(x, c(optimizer.epsilon))]);
          const accGradNew = b.add2(b.mul(c(rho), accGrad), b.mul(c(1 - rho), b.map('square', [g])));
          const delta = b.map('neg', [b.div(b.mul(rms(accDelta), g), rms(accGradNew))]);
          update(accGrad, accGradNew);
          update(accDelta, b.add2(b.mul(c(rho), accDelta), b.mul(c(1 - rho), b.map('square', [delta]))));
          update(p.id, b.add2(p.id, b.mul(lr, delta)));
          break;
        }
        case 'lion': {
          const m = slot('momentum');
          const direction = b.map('sign', [b.add2(b.mul(m, c(optimizer.beta1)), b.mul(g, c(1 - optimizer.beta1)))]);
          update(p.id, b.sub(p.id, b.mul(lr, direction)));
          update(m, b.add2(b.mul(m, c(optimizer.beta2)), b.mul(g, c(1 - optimizer.beta2))));
          break;
        }
        case 'ftrl': {
          const accum = slot('accumulator', optimizer.initialAccumulatorValue);
          const linear = slot('linear');
          const power = -optimizer.learningRatePower;
          // n^power, with the exponents Keras users meet most written exactly (pow(0, 0) is 1 as in numpy).
          const raise = (n: number) => (power === 0 ? c(1) : power === 0.5 ? b.map('sqrt', [n]) : power === 1 ? n : b.map('pow', [n, c(power)]));
          const l2 = optimizer.l2 + optimizer.beta / (2 * optimizer.learningRate);
          const gradToUse = optimizer.l2Shrinkage === 0 ? g : b.add2(g, b.mul(c(2 * optimizer.l2Shrinkage), p.id));
          const accumNew = b.add2(accum, b.map('square', [g]));
          const sigma = b.div(b.sub(raise(accumNew), raise(accum)), lr);
          const linearNew = b.add2(linear, b.sub(gradToUse, b.mul(sigma, p.id)));
          const quadratic = b.add2(b.div(raise(accumNew), lr), c(2 * l2));
          const l1 = c(optimizer.l1);
          const clipped = b.map('max', [b.map('min', [linearNew, l1]), b.map('neg', [l1])]);
          update(linear, linearNew);
          update(p.id, b.div(b.sub(clipped, linearNew), quadratic));
          update(accum, accumNew);
          break;
        }
      }
    }
  });
  return graph;
}
