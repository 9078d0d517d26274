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

var<workgroup> partials: array<f32, 768>;

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
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 16u; e += 256u) {
      let i: u32 = e / 16u;
      let j: u32 = e % 16u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 2u; k++) {
        acc += features[permutation[offset + i] * 2u + k] * arena[7u + (k * 16u + j)];
      }
      let t1: f32 = acc + arena[39u + j];
      let v0: f32 = max(t1, 0.0);
      let v1: f32 = select(0.0, 1.0, t1 > 0.0);
      arena[1016u + (i * 16u + j)] = v0;
      arena[3160u + (i * 16u + j)] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 16u; e_1 += 256u) {
      let i_1: u32 = e_1 / 16u;
      let j_1: u32 = e_1 % 16u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 16u; k_1++) {
        acc_1 += arena[1016u + (i_1 * 16u + k_1)] * arena[55u + (k_1 * 16u + j_1)];
      }
      let t1_1: f32 = acc_1 + arena[311u + j_1];
      let v0_1: f32 = max(t1_1, 0.0);
      let v1_1: f32 = select(0.0, 1.0, t1_1 > 0.0);
      arena[1528u + (i_1 * 16u + j_1)] = v0_1;
      arena[2136u + (i_1 * 16u + j_1)] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_2.matmul
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 16u; k_2++) {
        acc_2 += arena[1528u + (e_2 * 16u + k_2)] * arena[327u + k_2];
      }
      let t1_2: f32 = acc_2 + arena[343u];
      let t2: f32 = nn_sigmoid(t1_2);
      let v0_2: f32 = max(t1_2, 0.0) - t1_2 * labels[permutation[offset + e_2]] + log(1.0 + exp(-abs(t1_2)));
      let v1_2: f32 = select(0.0, 1.0, select(0.0, 1.0, t2 > 0.5) == labels[permutation[offset + e_2]]);
      let v2: f32 = 1.0 / f32(rows) * (t2 - labels[permutation[offset + e_2]]);
      arena[2040u + e_2] = v0_2;
      arena[2072u + e_2] = v1_2;
      arena[2104u + e_2] = v2;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    var acc2: f32 = 0.0;
    for (var e_3: u32 = lid.x; e_3 < rows; e_3 += 256u) {
      let x0: f32 = arena[2040u + e_3];
      acc0 += x0;
      let x1: f32 = arena[2072u + e_3];
      acc1 += x1;
      let x2: f32 = arena[2104u + e_3];
      acc2 += x2;
    }
    partials[0u + lid.x] = acc0;
    partials[256u + lid.x] = acc1;
    partials[512u + lid.x] = acc2;
    workgroupBarrier();
    if (lid.x < 16u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[16u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[272u + lid.x];
      partials[512u + lid.x] = partials[512u + lid.x] + partials[528u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 8u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[8u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[264u + lid.x];
      partials[512u + lid.x] = partials[512u + lid.x] + partials[520u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 4u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[4u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[260u + lid.x];
      partials[512u + lid.x] = partials[512u + lid.x] + partials[516u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 2u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[2u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[258u + lid.x];
      partials[512u + lid.x] = partials[512u + lid.x] + partials[514u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 1u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[1u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[257u + lid.x];
      partials[512u + lid.x] = partials[512u + lid.x] + partials[513u + lid.x];
    }
    workgroupBarrier();
    if (lid.x == 0u) {
      let total0: f32 = partials[0u];
      let total1: f32 = partials[256u];
      let total2: f32 = partials[512u];
      let t22: f32 = arena[3u] + (total2 - arena[3u]) * 0.1;
      let t23: f32 = arena[4u] + (total2 * total2 - arena[4u]) * 0.001;
      let v0_3: f32 = arena[0u] + total0;
      let v1_3: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2_1: f32 = arena[2u] + total1;
      let v3: f32 = t22;
      let v4: f32 = t23;
      let v5: f32 = arena[343u] - t22 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t23) + 1e-7);
      arena[0u] = v0_3;
      arena[1u] = v1_3;
      arena[2u] = v2_1;
      arena[3u] = v3;
      arena[4u] = v4;
      arena[343u] = v5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_2.grad.matmul
    for (var e_4: u32 = lid.x; e_4 < rows * 16u; e_4 += 256u) {
      let i_2: u32 = e_4 / 16u;
      let j_2: u32 = e_4 % 16u;
      var acc_3: f32 = 0.0;
      for (var k_3: u32 = 0u; k_3 < 1u; k_3++) {
        acc_3 += arena[2104u + i_2] * arena[327u + j_2];
      }
      let v0_4: f32 = acc_3 * arena[2136u + (i_2 * 16u + j_2)];
      arena[2648u + (i_2 * 16u + j_2)] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_2.grad.matmul#1
    for (var e_5: u32 = lid.x; e_5 < 16u; e_5 += 256u) {
      var acc_4: f32 = 0.0;
      for (var k_4: u32 = 0u; k_4 < rows; k_4++) {
        acc_4 += arena[1528u + (k_4 * 16u + e_5)] * arena[2104u + k_4];
      }
      let t6: f32 = arena[984u + e_5] + (acc_4 - arena[984u + e_5]) * 0.1;
      let t7: f32 = arena[1000u + e_5] + (acc_4 * acc_4 - arena[1000u + e_5]) * 0.001;
      let v0_5: f32 = t6;
      let v1_4: f32 = t7;
      let v2_2: f32 = arena[327u + e_5] - t6 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[984u + e_5] = v0_5;
      arena[1000u + e_5] = v1_4;
      arena[327u + e_5] = v2_2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.grad.matmul
    for (var e_6: u32 = lid.x; e_6 < rows * 16u; e_6 += 256u) {
      let i_3: u32 = e_6 / 16u;
      let j_3: u32 = e_6 % 16u;
      var acc_5: f32 = 0.0;
      for (var k_5: u32 = 0u; k_5 < 16u; k_5++) {
        acc_5 += arena[2648u + (i_3 * 16u + k_5)] * arena[55u + (j_3 * 16u + k_5)];
      }
      let v0_6: f32 = acc_5 * arena[3160u + (i_3 * 16u + j_3)];
      arena[3672u + (i_3 * 16u + j_3)] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.grad.sum_rows
    for (var o: u32 = lid.x; o < 16u; o += 256u) {
      var acc0_1: f32 = 0.0;
      var acc1_1: f32 = 0.0;
      for (var r: u32 = 0u; r < rows; r++) {
        let x0_1: f32 = arena[2648u + (r * 16u + o)];
        acc0_1 += x0_1;
        let x1_1: f32 = arena[3672u + (r * 16u + o)];
        acc1_1 += x1_1;
      }
      let t5: f32 = arena[952u + o] + (acc0_1 - arena[952u + o]) * 0.1;
      let t6_1: f32 = arena[968u + o] + (acc0_1 * acc0_1 - arena[968u + o]) * 0.001;
      let t33: f32 = arena[408u + o] + (acc1_1 - arena[408u + o]) * 0.1;
      let t34: f32 = arena[424u + o] + (acc1_1 * acc1_1 - arena[424u + o]) * 0.001;
      let v0_7: f32 = t5;
      let v1_5: f32 = t6_1;
      let v2_3: f32 = arena[311u + o] - t5 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_1) + 1e-7);
      let v3_1: f32 = t33;
      let v4_1: f32 = t34;
      let v5_1: f32 = arena[39u + o] - t33 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t34) + 1e-7);
      arena[952u + o] = v0_7;
      arena[968u + o] = v1_5;
      arena[311u + o] = v2_3;
      arena[408u + o] = v3_1;
      arena[424u + o] = v4_1;
      arena[39u + o] = v5_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.grad.matmul#1
    for (var e_7: u32 = lid.x; e_7 < 256u; e_7 += 256u) {
      let i_4: u32 = e_7 / 16u;
      let j_4: u32 = e_7 % 16u;
      var acc_6: f32 = 0.0;
      for (var k_6: u32 = 0u; k_6 < rows; k_6++) {
        acc_6 += arena[1016u + (k_6 * 16u + i_4)] * arena[2648u + (k_6 * 16u + j_4)];
      }
      let t6_2: f32 = arena[440u + (i_4 * 16u + j_4)] + (acc_6 - arena[440u + (i_4 * 16u + j_4)]) * 0.1;
      let t7_1: f32 = arena[696u + (i_4 * 16u + j_4)] + (acc_6 * acc_6 - arena[696u + (i_4 * 16u + j_4)]) * 0.001;
      let v0_8: f32 = t6_2;
      let v1_6: f32 = t7_1;
      let v2_4: f32 = arena[55u + (i_4 * 16u + j_4)] - t6_2 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
      arena[440u + (i_4 * 16u + j_4)] = v0_8;
      arena[696u + (i_4 * 16u + j_4)] = v1_6;
      arena[55u + (i_4 * 16u + j_4)] = v2_4;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul
    for (var e_8: u32 = lid.x; e_8 < 32u; e_8 += 256u) {
      let i_5: u32 = e_8 / 16u;
      let j_5: u32 = e_8 % 16u;
      var acc_7: f32 = 0.0;
      for (var k_7: u32 = 0u; k_7 < rows; k_7++) {
        acc_7 += features[permutation[offset + k_7] * 2u + i_5] * arena[3672u + (k_7 * 16u + j_5)];
      }
      let t6_3: f32 = arena[344u + (i_5 * 16u + j_5)] + (acc_7 - arena[344u + (i_5 * 16u + j_5)]) * 0.1;
      let t7_2: f32 = arena[376u + (i_5 * 16u + j_5)] + (acc_7 * acc_7 - arena[376u + (i_5 * 16u + j_5)]) * 0.001;
      let v0_9: f32 = t6_3;
      let v1_7: f32 = t7_2;
      let v2_5: f32 = arena[7u + (i_5 * 16u + j_5)] - t6_3 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
      arena[344u + (i_5 * 16u + j_5)] = v0_9;
      arena[376u + (i_5 * 16u + j_5)] = v1_7;
      arena[7u + (i_5 * 16u + j_5)] = v2_5;
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
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 16u; e += 256u) {
      let i: u32 = e / 16u;
      let j: u32 = e % 16u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 2u; k++) {
        acc += features[permutation[offset + i] * 2u + k] * arena[7u + (k * 16u + j)];
      }
      let v0: f32 = max(acc + arena[39u + j], 0.0);
      arena[4184u + (i * 16u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 16u; e_1 += 256u) {
      let i_1: u32 = e_1 / 16u;
      let j_1: u32 = e_1 % 16u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 16u; k_1++) {
        acc_1 += arena[4184u + (i_1 * 16u + k_1)] * arena[55u + (k_1 * 16u + j_1)];
      }
      let v0_1: f32 = max(acc_1 + arena[311u + j_1], 0.0);
      arena[4696u + (i_1 * 16u + j_1)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_2.matmul
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 16u; k_2++) {
        acc_2 += arena[4696u + (e_2 * 16u + k_2)] * arena[327u + k_2];
      }
      let t1: f32 = acc_2 + arena[343u];
      let v0_2: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + e_2]] + log(1.0 + exp(-abs(t1)));
      let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, nn_sigmoid(t1) > 0.5) == labels[permutation[offset + e_2]]);
      arena[5208u + e_2] = v0_2;
      arena[5240u + e_2] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    for (var e_3: u32 = lid.x; e_3 < rows; e_3 += 256u) {
      let x0: f32 = arena[5208u + e_3];
      acc0 += x0;
      let x1: f32 = arena[5240u + e_3];
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
      let v0_3: f32 = arena[5u] + total0;
      let v1_1: f32 = arena[6u] + total1;
      arena[5u] = v0_3;
      arena[6u] = v1_1;
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
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 16u; e += 256u) {
      let i: u32 = e / 16u;
      let j: u32 = e % 16u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 2u; k++) {
        acc += features[permutation[offset + i] * 2u + k] * arena[7u + (k * 16u + j)];
      }
      let v0: f32 = max(acc + arena[39u + j], 0.0);
      arena[5272u + (i * 16u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 16u; e_1 += 256u) {
      let i_1: u32 = e_1 / 16u;
      let j_1: u32 = e_1 % 16u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 16u; k_1++) {
        acc_1 += arena[5272u + (i_1 * 16u + k_1)] * arena[55u + (k_1 * 16u + j_1)];
      }
      let v0_1: f32 = max(acc_1 + arena[311u + j_1], 0.0);
      arena[5784u + (i_1 * 16u + j_1)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_2.matmul
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 16u; k_2++) {
        acc_2 += arena[5784u + (e_2 * 16u + k_2)] * arena[327u + k_2];
      }
      let v0_2: f32 = nn_sigmoid(acc_2 + arena[343u]);
      output[step.base + offset + e_2] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
