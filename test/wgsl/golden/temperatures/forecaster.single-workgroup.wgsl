// ==== train.step.wgsl
struct Step {
  offset: u32,
  rows: u32,
  step: u32,
  seed: u32,
  count: u32,
  batch: u32,
  total: u32,
  base: u32,
}

@group(0) @binding(0) var<storage, read_write> arena: array<f32>;
@group(0) @binding(1) var<storage, read> features: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<f32>;
@group(0) @binding(3) var<storage, read> permutation: array<u32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;
@group(0) @binding(5) var<uniform> step: Step;

var<workgroup> partials: array<f32, 512>;

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // rescaling.mul
    for (var e: u32 = lid.x; e < rows * 30u; e += 256u) {
      let i1: u32 = e % 30u;
      let r1: u32 = e / 30u;
      let v0: f32 = features[permutation[offset + r1] * 30u + i1] * 0.1;
      arena[13158u + (r1 * 30u + i1)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 3840u; e_1 += 256u) {
      let i2: u32 = e_1 % 128u;
      let r2: u32 = e_1 / 128u;
      let i1_1: u32 = r2 % 30u;
      let r1_1: u32 = r2 / 30u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 1u; k++) {
        acc += arena[13158u + (r1_1 * 30u + i1_1)] * arena[5u + i2];
      }
      let v0_1: f32 = acc + arena[4229u + i2];
      arena[14118u + (r1_1 * 3840u + i1_1 * 128u + i2)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.carry_init
    for (var e_2: u32 = lid.x; e_2 < rows * 32u; e_2 += 256u) {
      let i: u32 = e_2 / 32u;
      let j: u32 = e_2 % 32u;
      let v0_2: f32 = 0.0;
      arena[202534u + (i * 32u + j)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.carry_init#1
    for (var e_3: u32 = lid.x; e_3 < rows * 32u; e_3 += 256u) {
      let i_1: u32 = e_3 / 32u;
      let j_1: u32 = e_3 % 32u;
      let v0_3: f32 = 0.0;
      arena[203558u + (i_1 * 32u + j_1)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.steps
    for (var step_1: u32 = 0u; step_1 < 30u; step_1++) {
      let time: u32 = step_1;
      // lstm.recurrence.recurrent
      for (var e_4: u32 = lid.x; e_4 < rows * 128u; e_4 += 256u) {
        let i_2: u32 = e_4 / 128u;
        let j_2: u32 = e_4 % 128u;
        var acc_1: f32 = 0.0;
        for (var k_1: u32 = 0u; k_1 < 32u; k_1++) {
          acc_1 += arena[202534u + (i_2 * 32u + k_1)] * arena[133u + (k_1 * 128u + j_2)];
        }
        let v0_4: f32 = acc_1;
        arena[198438u + (i_2 * 128u + j_2)] = v0_4;
      }
      storageBarrier();
      workgroupBarrier();
      // lstm.recurrence.cell
      for (var e_5: u32 = lid.x; e_5 < rows * 32u; e_5 += 256u) {
        let i_3: u32 = e_5 / 32u;
        let j_3: u32 = e_5 % 32u;
        let c10: f32 = nn_sigmoid(arena[14118u + (i_3 * 3840u + time * 128u + (j_3 + 32u))] + arena[198438u + (i_3 * 128u + (j_3 + 32u))]) * arena[203558u + (i_3 * 32u + j_3)] + nn_sigmoid(arena[14118u + (i_3 * 3840u + time * 128u + j_3)] + arena[198438u + (i_3 * 128u + j_3)]) * tanh(clamp(arena[14118u + (i_3 * 3840u + time * 128u + (j_3 + 64u))] + arena[198438u + (i_3 * 128u + (j_3 + 64u))], -15.0, 15.0));
        let c12: f32 = nn_sigmoid(arena[14118u + (i_3 * 3840u + time * 128u + (j_3 + 96u))] + arena[198438u + (i_3 * 128u + (j_3 + 96u))]) * tanh(clamp(c10, -15.0, 15.0));
        let v0_5: f32 = c12;
        let v1: f32 = c12;
        let v2: f32 = c10;
        let v3: f32 = c10;
        arena[136998u + (i_3 * 1920u + time * 64u + j_3)] = v0_5;
        arena[202534u + (i_3 * 32u + j_3)] = v1;
        arena[136998u + (i_3 * 1920u + time * 64u + (j_3 + 32u))] = v2;
        arena[203558u + (i_3 * 32u + j_3)] = v3;
      }
      storageBarrier();
      workgroupBarrier();
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.reshape
    for (var e_6: u32 = lid.x; e_6 < rows * 32u; e_6 += 256u) {
      let i2_1: u32 = e_6 % 32u;
      let r2_1: u32 = e_6 / 32u;
      let v0_6: f32 = arena[136998u + (r2_1 * 1920u + 29u * 64u + i2_1)];
      arena[204582u + (r2_1 * 32u + i2_1)] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_7: u32 = lid.x; e_7 < rows; e_7 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 32u; k_2++) {
        acc_2 += arena[204582u + (e_7 * 32u + k_2)] * arena[4357u + k_2];
      }
      let t2: f32 = acc_2 + arena[4389u] - labels[permutation[offset + e_7]];
      let v0_7: f32 = abs(t2);
      let v1_1: f32 = 1.0 / f32(rows) * sign(t2);
      arena[205606u + e_7] = v0_7;
      arena[205638u + e_7] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    for (var e_8: u32 = lid.x; e_8 < rows; e_8 += 256u) {
      let x0: f32 = arena[205606u + e_8];
      acc0 += x0;
      let x1: f32 = arena[205638u + e_8];
      acc1 += x1;
    }
    partials[0u + lid.x] = acc0;
    partials[256u + lid.x] = acc1;
    workgroupBarrier();
    if (lid.x < 16u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[16u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[272u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 8u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[8u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[264u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 4u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[4u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[260u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 2u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[2u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[258u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 1u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[1u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[257u + lid.x];
    }
    workgroupBarrier();
    if (lid.x == 0u) {
      let total0: f32 = partials[0u];
      let total1: f32 = partials[256u];
      let t18: f32 = arena[2u] + (total1 - arena[2u]) * 0.1;
      let t19: f32 = arena[3u] + (total1 * total1 - arena[3u]) * 0.001;
      let v0_8: f32 = arena[0u] + total0;
      let v1_2: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2_1: f32 = t18;
      let v3_1: f32 = t19;
      let v4: f32 = arena[4389u] - t18 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t19) + 1e-7);
      arena[0u] = v0_8;
      arena[1u] = v1_2;
      arena[2u] = v2_1;
      arena[3u] = v3_1;
      arena[4389u] = v4;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul
    for (var e_9: u32 = lid.x; e_9 < rows * 32u; e_9 += 256u) {
      let i_4: u32 = e_9 / 32u;
      let j_4: u32 = e_9 % 32u;
      var acc_3: f32 = 0.0;
      for (var k_3: u32 = 0u; k_3 < 1u; k_3++) {
        acc_3 += arena[205638u + i_4] * arena[4357u + j_4];
      }
      let v0_9: f32 = acc_3;
      arena[205670u + (i_4 * 32u + j_4)] = v0_9;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul#1
    for (var e_10: u32 = lid.x; e_10 < 32u; e_10 += 256u) {
      var acc_4: f32 = 0.0;
      for (var k_4: u32 = 0u; k_4 < rows; k_4++) {
        acc_4 += arena[204582u + (k_4 * 32u + e_10)] * arena[205638u + k_4];
      }
      let t6: f32 = arena[13094u + e_10] + (acc_4 - arena[13094u + e_10]) * 0.1;
      let t7: f32 = arena[13126u + e_10] + (acc_4 * acc_4 - arena[13126u + e_10]) * 0.001;
      let v0_10: f32 = t6;
      let v1_3: f32 = t7;
      let v2_2: f32 = arena[4357u + e_10] - t6 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[13094u + e_10] = v0_10;
      arena[13126u + e_10] = v1_3;
      arena[4357u + e_10] = v2_2;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.pad
    for (var e_11: u32 = lid.x; e_11 < rows * 960u; e_11 += 256u) {
      let i2_2: u32 = e_11 % 32u;
      let r2_2: u32 = e_11 / 32u;
      let i1_2: u32 = r2_2 % 30u;
      let r1_2: u32 = r2_2 / 30u;
      let v0_11: f32 = select(0.0, arena[205670u + (r1_2 * 32u + (i1_2 - 29u) * 32u + i2_2)], (i1_2 - 29u < 1u));
      arena[206694u + (r1_2 * 960u + i1_2 * 32u + i2_2)] = v0_11;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.recurrence_grad.carry_init
    for (var e_12: u32 = lid.x; e_12 < rows * 32u; e_12 += 256u) {
      let i_5: u32 = e_12 / 32u;
      let j_5: u32 = e_12 % 32u;
      let v0_12: f32 = 0.0;
      arena[487270u + (i_5 * 32u + j_5)] = v0_12;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.recurrence_grad.carry_init#1
    for (var e_13: u32 = lid.x; e_13 < rows * 32u; e_13 += 256u) {
      let i_6: u32 = e_13 / 32u;
      let j_6: u32 = e_13 % 32u;
      let v0_13: f32 = 0.0;
      arena[488294u + (i_6 * 32u + j_6)] = v0_13;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.recurrence_grad.steps
    for (var step_2: u32 = 0u; step_2 < 30u; step_2++) {
      let time_1: u32 = 29u - step_2;
      // lstm.grad.recurrence_grad.h_prev
      for (var e_14: u32 = lid.x; e_14 < rows * 32u; e_14 += 256u) {
        let i_7: u32 = e_14 / 32u;
        let j_7: u32 = e_14 % 32u;
        let v0_14: f32 = select(0.0, arena[136998u + (i_7 * 1920u + (time_1 - 1u) * 64u + j_7)], (time_1 - 1u < 30u));
        arena[489318u + (i_7 * 32u + j_7)] = v0_14;
      }
      storageBarrier();
      workgroupBarrier();
      // lstm.grad.recurrence_grad.recurrent
      for (var e_15: u32 = lid.x; e_15 < rows * 128u; e_15 += 256u) {
        let i_8: u32 = e_15 / 128u;
        let j_8: u32 = e_15 % 128u;
        var acc_5: f32 = 0.0;
        for (var k_5: u32 = 0u; k_5 < 32u; k_5++) {
          acc_5 += arena[489318u + (i_8 * 32u + k_5)] * arena[133u + (k_5 * 128u + j_8)];
        }
        let v0_15: f32 = acc_5;
        arena[483174u + (i_8 * 128u + j_8)] = v0_15;
      }
      storageBarrier();
      workgroupBarrier();
      // lstm.grad.recurrence_grad.cell_grad
      for (var e_16: u32 = lid.x; e_16 < rows * 32u; e_16 += 256u) {
        let i_9: u32 = e_16 / 32u;
        let j_9: u32 = e_16 % 32u;
        let c4: f32 = nn_sigmoid(arena[14118u + (i_9 * 3840u + time_1 * 128u + j_9)] + arena[483174u + (i_9 * 128u + j_9)]);
        let c5: f32 = nn_sigmoid(arena[14118u + (i_9 * 3840u + time_1 * 128u + (j_9 + 32u))] + arena[483174u + (i_9 * 128u + (j_9 + 32u))]);
        let c6: f32 = tanh(clamp(arena[14118u + (i_9 * 3840u + time_1 * 128u + (j_9 + 64u))] + arena[483174u + (i_9 * 128u + (j_9 + 64u))], -15.0, 15.0));
        let c7: f32 = nn_sigmoid(arena[14118u + (i_9 * 3840u + time_1 * 128u + (j_9 + 96u))] + arena[483174u + (i_9 * 128u + (j_9 + 96u))]);
        let c9: f32 = tanh(clamp(arena[136998u + (i_9 * 1920u + time_1 * 64u + (j_9 + 32u))], -15.0, 15.0));
        let c13: f32 = select(0.0, arena[206694u + (i_9 * 960u + time_1 * 32u + (j_9 + 32u))], (j_9 + 32u < 32u)) + arena[488294u + (i_9 * 32u + j_9)] + (select(0.0, arena[206694u + (i_9 * 960u + time_1 * 32u + j_9)], (j_9 < 32u)) + arena[487270u + (i_9 * 32u + j_9)]) * c7 * (1.0 - c9 * c9);
        let c17: f32 = c13 * c6 * (c4 * (1.0 - c4));
        let c21: f32 = c13 * select(0.0, arena[136998u + (i_9 * 1920u + (time_1 - 1u) * 64u + (j_9 + 32u))], (time_1 - 1u < 30u)) * (c5 * (1.0 - c5));
        let c25: f32 = c13 * c4 * (1.0 - c6 * c6);
        let c29: f32 = (select(0.0, arena[206694u + (i_9 * 960u + time_1 * 32u + j_9)], (j_9 < 32u)) + arena[487270u + (i_9 * 32u + j_9)]) * c9 * (c7 * (1.0 - c7));
        let v0_16: f32 = c17;
        let v1_4: f32 = c21;
        let v2_3: f32 = c25;
        let v3_2: f32 = c29;
        let v4_1: f32 = c17;
        let v5: f32 = c21;
        let v6: f32 = c25;
        let v7: f32 = c29;
        let v8: f32 = c13 * c5;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + j_9)] = v0_16;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + (j_9 + 32u))] = v1_4;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + (j_9 + 64u))] = v2_3;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + (j_9 + 96u))] = v3_2;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + (j_9 + 128u))] = v4_1;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + (j_9 + 160u))] = v5;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + (j_9 + 192u))] = v6;
        arena[237414u + (i_9 * 7680u + time_1 * 256u + (j_9 + 224u))] = v7;
        arena[488294u + (i_9 * 32u + j_9)] = v8;
      }
      storageBarrier();
      workgroupBarrier();
      // lstm.grad.recurrence_grad.recurrent_grad
      for (var e_17: u32 = lid.x; e_17 < rows * 32u; e_17 += 256u) {
        let i_10: u32 = e_17 / 32u;
        let j_10: u32 = e_17 % 32u;
        var acc_6: f32 = 0.0;
        for (var k_6: u32 = 0u; k_6 < 128u; k_6++) {
          acc_6 += arena[237414u + (i_10 * 7680u + time_1 * 256u + (k_6 + 128u))] * arena[133u + (j_10 * 128u + k_6)];
        }
        let v0_17: f32 = acc_6;
        arena[487270u + (i_10 * 32u + j_10)] = v0_17;
      }
      storageBarrier();
      workgroupBarrier();
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.contract
    for (var e_18: u32 = lid.x; e_18 < 4096u; e_18 += 256u) {
      let i_11: u32 = e_18 / 128u;
      let j_11: u32 = e_18 % 128u;
      var acc_7: f32 = 0.0;
      for (var k_7: u32 = 0u; k_7 < rows * 30u; k_7++) {
        let k1: u32 = k_7 % 30u;
        let kr1: u32 = k_7 / 30u;
        acc_7 += select(0.0, arena[136998u + (kr1 * 1920u + (k1 - 1u) * 64u + i_11)], (k1 - 1u < 30u)) * arena[237414u + (kr1 * 7680u + k1 * 256u + (j_11 + 128u))];
      }
      let t6_1: f32 = arena[4646u + (i_11 * 128u + j_11)] + (acc_7 - arena[4646u + (i_11 * 128u + j_11)]) * 0.1;
      let t7_1: f32 = arena[8742u + (i_11 * 128u + j_11)] + (acc_7 * acc_7 - arena[8742u + (i_11 * 128u + j_11)]) * 0.001;
      let v0_18: f32 = t6_1;
      let v1_5: f32 = t7_1;
      let v2_4: f32 = arena[133u + (i_11 * 128u + j_11)] - t6_1 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
      arena[4646u + (i_11 * 128u + j_11)] = v0_18;
      arena[8742u + (i_11 * 128u + j_11)] = v1_5;
      arena[133u + (i_11 * 128u + j_11)] = v2_4;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.sum_axes01
    for (var o: u32 = lid.x; o < 128u; o += 256u) {
      var acc0_1: f32 = 0.0;
      for (var r: u32 = 0u; r < rows * 30u; r++) {
        let r1_3: u32 = r % 30u;
        let rr1: u32 = r / 30u;
        let x0_1: f32 = arena[237414u + (rr1 * 7680u + r1_3 * 256u + o)];
        acc0_1 += x0_1;
      }
      let v0_19: f32 = acc0_1;
      arena[490342u + o] = v0_19;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.contract#1
    for (var e_19: u32 = lid.x; e_19 < 128u; e_19 += 256u) {
      let i_12: u32 = e_19 / 128u;
      let j_12: u32 = e_19 % 128u;
      var acc_8: f32 = 0.0;
      for (var k_8: u32 = 0u; k_8 < rows * 30u; k_8++) {
        let k1_1: u32 = k_8 % 30u;
        let kr1_1: u32 = k_8 / 30u;
        acc_8 += arena[237414u + (kr1_1 * 7680u + k1_1 * 256u + j_12)] * arena[13158u + (kr1_1 * 30u + k1_1 + i_12)];
      }
      let t6_2: f32 = arena[4390u + (i_12 * 128u + j_12)] + (acc_8 - arena[4390u + (i_12 * 128u + j_12)]) * 0.1;
      let t7_2: f32 = arena[4518u + (i_12 * 128u + j_12)] + (acc_8 * acc_8 - arena[4518u + (i_12 * 128u + j_12)]) * 0.001;
      let v0_20: f32 = t6_2;
      let v1_6: f32 = t7_2;
      let v2_5: f32 = arena[5u + (i_12 * 128u + j_12)] - t6_2 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
      arena[4390u + (i_12 * 128u + j_12)] = v0_20;
      arena[4518u + (i_12 * 128u + j_12)] = v1_6;
      arena[5u + (i_12 * 128u + j_12)] = v2_5;
    }
    storageBarrier();
    workgroupBarrier();
    // optimizer.sub#8
    for (var e_20: u32 = lid.x; e_20 < 128u; e_20 += 256u) {
      let i_13: u32 = e_20 / 128u;
      let j_13: u32 = e_20 % 128u;
      let t5: f32 = arena[12838u + (i_13 * 128u + j_13)] + (arena[490342u + (i_13 * 128u + j_13)] - arena[12838u + (i_13 * 128u + j_13)]) * 0.1;
      let t6_3: f32 = arena[12966u + (i_13 * 128u + j_13)] + (arena[490342u + (i_13 * 128u + j_13)] * arena[490342u + (i_13 * 128u + j_13)] - arena[12966u + (i_13 * 128u + j_13)]) * 0.001;
      let v0_21: f32 = t5;
      let v1_7: f32 = t6_3;
      let v2_6: f32 = arena[4229u + (i_13 * 128u + j_13)] - t5 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_3) + 1e-7);
      arena[12838u + (i_13 * 128u + j_13)] = v0_21;
      arena[12966u + (i_13 * 128u + j_13)] = v1_7;
      arena[4229u + (i_13 * 128u + j_13)] = v2_6;
    }
    storageBarrier();
    workgroupBarrier();
  }
}

// ==== evaluate.step.wgsl
struct Step {
  offset: u32,
  rows: u32,
  step: u32,
  seed: u32,
  count: u32,
  batch: u32,
  total: u32,
  base: u32,
}

@group(0) @binding(0) var<storage, read_write> arena: array<f32>;
@group(0) @binding(1) var<storage, read> features: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<f32>;
@group(0) @binding(3) var<storage, read> permutation: array<u32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;
@group(0) @binding(5) var<uniform> step: Step;

var<workgroup> partials: array<f32, 256>;

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // rescaling.mul
    for (var e: u32 = lid.x; e < rows * 30u; e += 256u) {
      let i1: u32 = e % 30u;
      let r1: u32 = e / 30u;
      let v0: f32 = features[permutation[offset + r1] * 30u + i1] * 0.1;
      arena[490470u + (r1 * 30u + i1)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 3840u; e_1 += 256u) {
      let i2: u32 = e_1 % 128u;
      let r2: u32 = e_1 / 128u;
      let i1_1: u32 = r2 % 30u;
      let r1_1: u32 = r2 / 30u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 1u; k++) {
        acc += arena[490470u + (r1_1 * 30u + i1_1)] * arena[5u + i2];
      }
      let v0_1: f32 = acc + arena[4229u + i2];
      arena[491430u + (r1_1 * 3840u + i1_1 * 128u + i2)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.carry_init
    for (var e_2: u32 = lid.x; e_2 < rows * 32u; e_2 += 256u) {
      let i: u32 = e_2 / 32u;
      let j: u32 = e_2 % 32u;
      let v0_2: f32 = 0.0;
      arena[679846u + (i * 32u + j)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.carry_init#1
    for (var e_3: u32 = lid.x; e_3 < rows * 32u; e_3 += 256u) {
      let i_1: u32 = e_3 / 32u;
      let j_1: u32 = e_3 % 32u;
      let v0_3: f32 = 0.0;
      arena[680870u + (i_1 * 32u + j_1)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.steps
    for (var step_1: u32 = 0u; step_1 < 30u; step_1++) {
      let time: u32 = step_1;
      // lstm.recurrence.recurrent
      for (var e_4: u32 = lid.x; e_4 < rows * 128u; e_4 += 256u) {
        let i_2: u32 = e_4 / 128u;
        let j_2: u32 = e_4 % 128u;
        var acc_1: f32 = 0.0;
        for (var k_1: u32 = 0u; k_1 < 32u; k_1++) {
          acc_1 += arena[679846u + (i_2 * 32u + k_1)] * arena[133u + (k_1 * 128u + j_2)];
        }
        let v0_4: f32 = acc_1;
        arena[675750u + (i_2 * 128u + j_2)] = v0_4;
      }
      storageBarrier();
      workgroupBarrier();
      // lstm.recurrence.cell
      for (var e_5: u32 = lid.x; e_5 < rows * 32u; e_5 += 256u) {
        let i_3: u32 = e_5 / 32u;
        let j_3: u32 = e_5 % 32u;
        let c10: f32 = nn_sigmoid(arena[491430u + (i_3 * 3840u + time * 128u + (j_3 + 32u))] + arena[675750u + (i_3 * 128u + (j_3 + 32u))]) * arena[680870u + (i_3 * 32u + j_3)] + nn_sigmoid(arena[491430u + (i_3 * 3840u + time * 128u + j_3)] + arena[675750u + (i_3 * 128u + j_3)]) * tanh(clamp(arena[491430u + (i_3 * 3840u + time * 128u + (j_3 + 64u))] + arena[675750u + (i_3 * 128u + (j_3 + 64u))], -15.0, 15.0));
        let c12: f32 = nn_sigmoid(arena[491430u + (i_3 * 3840u + time * 128u + (j_3 + 96u))] + arena[675750u + (i_3 * 128u + (j_3 + 96u))]) * tanh(clamp(c10, -15.0, 15.0));
        let v0_5: f32 = c12;
        let v1: f32 = c12;
        let v2: f32 = c10;
        let v3: f32 = c10;
        arena[614310u + (i_3 * 1920u + time * 64u + j_3)] = v0_5;
        arena[679846u + (i_3 * 32u + j_3)] = v1;
        arena[614310u + (i_3 * 1920u + time * 64u + (j_3 + 32u))] = v2;
        arena[680870u + (i_3 * 32u + j_3)] = v3;
      }
      storageBarrier();
      workgroupBarrier();
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.reshape
    for (var e_6: u32 = lid.x; e_6 < rows * 32u; e_6 += 256u) {
      let i2_1: u32 = e_6 % 32u;
      let r2_1: u32 = e_6 / 32u;
      let v0_6: f32 = arena[614310u + (r2_1 * 1920u + 29u * 64u + i2_1)];
      arena[681894u + (r2_1 * 32u + i2_1)] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_7: u32 = lid.x; e_7 < rows; e_7 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 32u; k_2++) {
        acc_2 += arena[681894u + (e_7 * 32u + k_2)] * arena[4357u + k_2];
      }
      let v0_7: f32 = abs(acc_2 + arena[4389u] - labels[permutation[offset + e_7]]);
      arena[682918u + e_7] = v0_7;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    for (var e_8: u32 = lid.x; e_8 < rows; e_8 += 256u) {
      let x0: f32 = arena[682918u + e_8];
      acc0 += x0;
    }
    partials[0u + lid.x] = acc0;
    workgroupBarrier();
    if (lid.x < 16u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[16u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 8u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[8u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 4u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[4u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 2u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[2u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 1u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[1u + lid.x];
    }
    workgroupBarrier();
    if (lid.x == 0u) {
      let total0: f32 = partials[0u];
      let v0_8: f32 = arena[4u] + total0;
      arena[4u] = v0_8;
    }
    storageBarrier();
    workgroupBarrier();
  }
}

// ==== predict.step.wgsl
struct Step {
  offset: u32,
  rows: u32,
  step: u32,
  seed: u32,
  count: u32,
  batch: u32,
  total: u32,
  base: u32,
}

@group(0) @binding(0) var<storage, read_write> arena: array<f32>;
@group(0) @binding(1) var<storage, read> features: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<f32>;
@group(0) @binding(3) var<storage, read> permutation: array<u32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;
@group(0) @binding(5) var<uniform> step: Step;

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // rescaling.mul
    for (var e: u32 = lid.x; e < rows * 30u; e += 256u) {
      let i1: u32 = e % 30u;
      let r1: u32 = e / 30u;
      let v0: f32 = features[permutation[offset + r1] * 30u + i1] * 0.1;
      arena[682950u + (r1 * 30u + i1)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 3840u; e_1 += 256u) {
      let i2: u32 = e_1 % 128u;
      let r2: u32 = e_1 / 128u;
      let i1_1: u32 = r2 % 30u;
      let r1_1: u32 = r2 / 30u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 1u; k++) {
        acc += arena[682950u + (r1_1 * 30u + i1_1)] * arena[5u + i2];
      }
      let v0_1: f32 = acc + arena[4229u + i2];
      arena[683910u + (r1_1 * 3840u + i1_1 * 128u + i2)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.carry_init
    for (var e_2: u32 = lid.x; e_2 < rows * 32u; e_2 += 256u) {
      let i: u32 = e_2 / 32u;
      let j: u32 = e_2 % 32u;
      let v0_2: f32 = 0.0;
      arena[872326u + (i * 32u + j)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.carry_init#1
    for (var e_3: u32 = lid.x; e_3 < rows * 32u; e_3 += 256u) {
      let i_1: u32 = e_3 / 32u;
      let j_1: u32 = e_3 % 32u;
      let v0_3: f32 = 0.0;
      arena[873350u + (i_1 * 32u + j_1)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.steps
    for (var step_1: u32 = 0u; step_1 < 30u; step_1++) {
      let time: u32 = step_1;
      // lstm.recurrence.recurrent
      for (var e_4: u32 = lid.x; e_4 < rows * 128u; e_4 += 256u) {
        let i_2: u32 = e_4 / 128u;
        let j_2: u32 = e_4 % 128u;
        var acc_1: f32 = 0.0;
        for (var k_1: u32 = 0u; k_1 < 32u; k_1++) {
          acc_1 += arena[872326u + (i_2 * 32u + k_1)] * arena[133u + (k_1 * 128u + j_2)];
        }
        let v0_4: f32 = acc_1;
        arena[868230u + (i_2 * 128u + j_2)] = v0_4;
      }
      storageBarrier();
      workgroupBarrier();
      // lstm.recurrence.cell
      for (var e_5: u32 = lid.x; e_5 < rows * 32u; e_5 += 256u) {
        let i_3: u32 = e_5 / 32u;
        let j_3: u32 = e_5 % 32u;
        let c10: f32 = nn_sigmoid(arena[683910u + (i_3 * 3840u + time * 128u + (j_3 + 32u))] + arena[868230u + (i_3 * 128u + (j_3 + 32u))]) * arena[873350u + (i_3 * 32u + j_3)] + nn_sigmoid(arena[683910u + (i_3 * 3840u + time * 128u + j_3)] + arena[868230u + (i_3 * 128u + j_3)]) * tanh(clamp(arena[683910u + (i_3 * 3840u + time * 128u + (j_3 + 64u))] + arena[868230u + (i_3 * 128u + (j_3 + 64u))], -15.0, 15.0));
        let c12: f32 = nn_sigmoid(arena[683910u + (i_3 * 3840u + time * 128u + (j_3 + 96u))] + arena[868230u + (i_3 * 128u + (j_3 + 96u))]) * tanh(clamp(c10, -15.0, 15.0));
        let v0_5: f32 = c12;
        let v1: f32 = c12;
        let v2: f32 = c10;
        let v3: f32 = c10;
        arena[806790u + (i_3 * 1920u + time * 64u + j_3)] = v0_5;
        arena[872326u + (i_3 * 32u + j_3)] = v1;
        arena[806790u + (i_3 * 1920u + time * 64u + (j_3 + 32u))] = v2;
        arena[873350u + (i_3 * 32u + j_3)] = v3;
      }
      storageBarrier();
      workgroupBarrier();
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.reshape
    for (var e_6: u32 = lid.x; e_6 < rows * 32u; e_6 += 256u) {
      let i2_1: u32 = e_6 % 32u;
      let r2_1: u32 = e_6 / 32u;
      let v0_6: f32 = arena[806790u + (r2_1 * 1920u + 29u * 64u + i2_1)];
      arena[874374u + (r2_1 * 32u + i2_1)] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_7: u32 = lid.x; e_7 < rows; e_7 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 32u; k_2++) {
        acc_2 += arena[874374u + (e_7 * 32u + k_2)] * arena[4357u + k_2];
      }
      let v0_7: f32 = acc_2 + arena[4389u];
      output[step.base + offset + e_7] = v0_7;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
