// Each optimizer's first three updates against Keras' formulas, computed by hand here in float64.
// The model: one Dense unit without bias on one row, mse: loss = (w.x - y)^2, g = 2 (w.x - y) x.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import type { Optimizer } from '../../compiler/program.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { ModelSession } from '../../runtime/session.js';
import { dense, loss, model, table } from './helpers.js';

const x = [1, -2];
const y = 0.3;
const w0 = [0.5, 0.25];

function gradient(w: number[]): number[] {
  const err = w[0]! * x[0]! + w[1]! * x[1]! - y;
  return x.map((xi) => 2 * err * xi);
}

/** Keras' update rules (keras/src/optimizers/*.py), written out for this test. */
function byHand(opt: Optimizer, steps: number): number[][] {
  let w = w0.slice();
  const m = [0, 0];
  const v = opt.kind === 'adagrad' || opt.kind === 'ftrl' ? [opt.initialAccumulatorValue, opt.initialAccumulatorValue] : [0, 0];
  const out: number[][] = [];
  let uProduct = 1; // Nadam's product of momentum factors
  for (let t = 1; t <= steps; t++) {
    const g = gradient(w);
    const u = (s: number) => (opt.kind === 'nadam' ? opt.beta1 * (1 - 0.5 * 0.96 ** s) : 0);
    uProduct *= u(t);
    w = w.map((wi, k) => {
      const gk = g[k]!;
      switch (opt.kind) {
        case 'sgd':
          if (opt.momentum === 0) return wi - opt.learningRate * gk;
          m[k] = opt.momentum * m[k]! - opt.learningRate * gk;
          return opt.nesterov ? wi + opt.momentum * m[k]! - opt.learningRate * gk : wi + m[k]!;
        case 'adam':
        case 'adamw': {
          const decayed = opt.kind === 'adamw' ? wi - wi * opt.weightDecay * opt.learningRate : wi;
          const alpha = (opt.learningRate * Math.sqrt(1 - opt.beta2 ** t)) / (1 - opt.beta1 ** t);
          m[k] = m[k]! + (gk - m[k]!) * (1 - opt.beta1);
          v[k] = v[k]! + (gk * gk - v[k]!) * (1 - opt.beta2);
          return decayed - (m[k]! * alpha) / (Math.sqrt(v[k]!) + opt.epsilon);
        }
        case 'rmsprop': {
          v[k] = opt.rho * v[k]! + (1 - opt.rho) * gk * gk;
          const increment = (opt.learningRate * gk) / Math.sqrt(v[k]! + opt.epsilon);
          if (opt.momentum > 0) {
            m[k] = opt.momentum * m[k]! + increment;
            return wi - m[k]!;
          }
          return wi - increment;
        }
        case 'adagrad':
          v[k] = v[k]! + gk * gk;
          return wi - (opt.learningRate * gk) / Math.sqrt(v[k]! + opt.epsilon);
        case 'nadam': {
          // keras/src/optimizers/nadam.py
          m[k] = m[k]! + (gk - m[k]!) * (1 - opt.beta1);
          v[k] = v[k]! + (gk * gk - v[k]!) * (1 - opt.beta2);
          const mHat = (u(t + 1) * m[k]!) / (1 - uProduct * u(t + 1)) + ((1 - u(t)) * gk) / (1 - uProduct);
          const vHat = v[k]! / (1 - opt.beta2 ** t);
          return wi - (mHat * opt.learningRate) / (Math.sqrt(vHat) + opt.epsilon);
        }
        case 'adamax':
          // keras/src/optimizers/adamax.py
          m[k] = m[k]! + (gk - m[k]!) * (1 - opt.beta1);
          v[k] = Math.max(opt.beta2 * v[k]!, Math.abs(gk));
          return wi - (opt.learningRate * m[k]!) / ((1 - opt.beta1 ** t) * (v[k]! + opt.epsilon));
        case 'adadelta': {
          // keras/src/optimizers/adadelta.py: v the accumulated gradients, m the accumulated updates
          v[k] = opt.rho * v[k]! + (1 - opt.rho) * gk * gk;
          const delta = -(Math.sqrt(m[k]! + opt.epsilon) * gk) / Math.sqrt(v[k]! + opt.epsilon);
          m[k] = opt.rho * m[k]! + (1 - opt.rho) * delta * delta;
          return wi + opt.learningRate * delta;
        }
        case 'lion': {
          // keras/src/optimizers/lion.py
          const step = opt.learningRate * Math.sign(m[k]! * opt.beta1 + gk * (1 - opt.beta1));
          m[k] = m[k]! * opt.beta2 + gk * (1 - opt.beta2);
          return wi - step;
        }
        case 'ftrl': {
          // keras/src/optimizers/ftrl.py: v the accumulator, m the linear term
          const p = -opt.learningRatePower;
          const l2 = opt.l2 + opt.beta / (2 * opt.learningRate);
          const grad = gk + 2 * opt.l2Shrinkage * wi;
          const accum = v[k]! + gk * gk;
          m[k] = m[k]! + grad - ((accum ** p - v[k]! ** p) / opt.learningRate) * wi;
          const quadratic = accum ** p / opt.learningRate + 2 * l2;
          const clipped = Math.min(Math.max(m[k]!, -opt.l1), opt.l1);
          v[k] = accum;
          return (clipped - m[k]!) / quadratic;
        }
      }
    });
    out.push(w.slice());
  }
  return out;
}

const cases: Array<[string, Optimizer]> = [
  ['SGD', { kind: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false }],
  ['SGD momentum', { kind: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: false }],
  ['SGD nesterov', { kind: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: true }],
  ['Adam', { kind: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
  ['Adam, large epsilon (shows the epsilon is not bias-corrected)', { kind: 'adam', learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 0.5 }],
  ['AdamW', { kind: 'adamw', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.004 }],
  ['RMSprop', { kind: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 }],
  ['RMSprop, large epsilon (inside the root)', { kind: 'rmsprop', learningRate: 0.01, rho: 0.9, momentum: 0, epsilon: 0.5 }],
  ['RMSprop momentum', { kind: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0.5, epsilon: 1e-7 }],
  ['Adagrad', { kind: 'adagrad', learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-7 }],
  ['Nadam', { kind: 'nadam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
  ['Nadam, large steps', { kind: 'nadam', learningRate: 0.1, beta1: 0.8, beta2: 0.99, epsilon: 0.01 }],
  ['Adamax', { kind: 'adamax', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
  ['Adamax, large epsilon', { kind: 'adamax', learningRate: 0.1, beta1: 0.9, beta2: 0.5, epsilon: 0.5 }],
  ['Adadelta', { kind: 'adadelta', learningRate: 0.001, rho: 0.95, epsilon: 1e-7 }],
  ['Adadelta, learning rate 1 (the paper)', { kind: 'adadelta', learningRate: 1.0, rho: 0.9, epsilon: 1e-6 }],
  ['Lion', { kind: 'lion', learningRate: 0.001, beta1: 0.9, beta2: 0.99 }],
  ['Lion, beta_1 = 1 (steps follow the momentum only)', { kind: 'lion', learningRate: 0.01, beta1: 1, beta2: 0.5 }],
  ['Ftrl', { kind: 'ftrl', learningRate: 0.001, learningRatePower: -0.5, initialAccumulatorValue: 0.1, l1: 0, l2: 0, l2Shrinkage: 0, beta: 0 }],
  ['Ftrl, every regularizer, another power', { kind: 'ftrl', learningRate: 0.1, learningRatePower: -0.3, initialAccumulatorValue: 0.2, l1: 0.05, l2: 0.1, l2Shrinkage: 0.2, beta: 0.3 }],
  ['Ftrl, power 0', { kind: 'ftrl', learningRate: 0.05, learningRatePower: 0, initialAccumulatorValue: 0, l1: 0.01, l2: 0, l2Shrinkage: 0, beta: 0 }],
];

describe('the first three updates of each optimizer', () => {
  for (const [name, opt] of cases) {
    it(name, async () => {
      const m = model('m', [dense('dense', 2, 1, 'linear', { useBias: false, kernelInitializer: { name: 'zeros' } })]);
      const { plan } = compileModel(m, { loss: loss('mse'), optimizer: opt, metrics: [] });
      const session = new ModelSession(m, plan, new CpuExecutor(plan));
      session.initialize(0);
      session.setWeights(new Map([['dense/kernel', Float32Array.from(w0)]]));
      const data = table([[...x, y]], 2);
      const expected = byHand(opt, 3);
      for (let t = 0; t < 3; t++) {
        await session.fit(data, { epochs: 1, batchSize: 1, validationSplit: 0, validationData: null, shuffle: false, seed: 0 });
        const [w] = await session.weights();
        expect(session.iterations).toBe(t + 1);
        for (let k = 0; k < 2; k++) expect(w!.data[k]).toBeCloseTo(expected[t]![k]!, 6);
      }
    });
  }
});
