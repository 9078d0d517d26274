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
var<workgroup> local_arena: array<f32, 2158>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 2158u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 8u; e += 256u) {
      let i_1: u32 = e / 8u;
      let j: u32 = e % 8u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 4u; k++) {
        acc += features[permutation[offset + i_1] * 4u + k] * local_arena[5u + (k * 8u + j)];
      }
      let t1: f32 = acc + local_arena[37u + j];
      let v0: f32 = max(t1, 0.0);
      let v1: f32 = select(0.0, 1.0, t1 > 0.0);
      local_arena[206u + (i_1 * 8u + j)] = v0;
      local_arena[782u + (i_1 * 8u + j)] = v1;
    }
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 3u; e_1 += 256u) {
      let i_2: u32 = e_1 / 3u;
      let j_1: u32 = e_1 % 3u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 8u; k_1++) {
        acc_1 += local_arena[206u + (i_2 * 8u + k_1)] * local_arena[45u + (k_1 * 3u + j_1)];
      }
      let v0_1: f32 = acc_1 + local_arena[69u + j_1];
      local_arena[462u + (i_2 * 3u + j_1)] = v0_1;
    }
    workgroupBarrier();
    // dense_1.softmax.max
    for (var o: u32 = lid.x; o < rows; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 3u; r++) {
        let x0: f32 = local_arena[462u + (o * 3u + r)];
        acc0 = max(acc0, x0);
      }
      let v0_2: f32 = acc0;
      local_arena[558u + o] = v0_2;
    }
    workgroupBarrier();
    // dense_1.softmax.sumexp
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = 0.0;
      var acc1: f32 = 0.0;
      var acc2: f32 = 0.0;
      var acc3: f32 = 0.0;
      var acc4: f32 = 0.0;
      var best3: f32 = -3.40282346e+38;
      var best4: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 3u; r_1++) {
        let x0_1: f32 = exp(local_arena[462u + (o_1 * 3u + r_1)] - local_arena[558u + o_1]);
        acc0_1 += x0_1;
        let x1: f32 = labels[permutation[offset + o_1] * 3u + r_1] * local_arena[462u + (o_1 * 3u + r_1)];
        acc1 += x1;
        let x2: f32 = labels[permutation[offset + o_1] * 3u + r_1];
        acc2 += x2;
        let x3: f32 = labels[permutation[offset + o_1] * 3u + r_1];
        if (x3 > best3) {
          best3 = x3;
          acc3 = f32(r_1);
        }
        let x4: f32 = local_arena[462u + (o_1 * 3u + r_1)];
        if (x4 > best4) {
          best4 = x4;
          acc4 = f32(r_1);
        }
      }
      let v0_3: f32 = acc0_1;
      let v1_1: f32 = (local_arena[558u + o_1] + log(acc0_1)) * acc2 - acc1;
      let v2: f32 = select(0.0, 1.0, acc3 == acc4);
      local_arena[590u + o_1] = v0_3;
      local_arena[622u + o_1] = v1_1;
      local_arena[654u + o_1] = v2;
    }
    workgroupBarrier();
    // dense_1.softmax
    for (var e_2: u32 = lid.x; e_2 < rows * 3u; e_2 += 256u) {
      let i_3: u32 = e_2 / 3u;
      let j_2: u32 = e_2 % 3u;
      let v0_4: f32 = 1.0 / f32(rows) * (exp(local_arena[462u + (i_3 * 3u + j_2)] - local_arena[558u + i_3]) / local_arena[590u + i_3] - labels[permutation[offset + i_3] * 3u + j_2]);
      local_arena[686u + (i_3 * 3u + j_2)] = v0_4;
    }
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_2: f32 = 0.0;
    var acc1_1: f32 = 0.0;
    for (var e_3: u32 = lid.x; e_3 < rows; e_3 += 256u) {
      let x0_2: f32 = local_arena[622u + e_3];
      acc0_2 += x0_2;
      let x1_1: f32 = local_arena[654u + e_3];
      acc1_1 += x1_1;
    }
    partials[0u + lid.x] = acc0_2;
    partials[256u + lid.x] = acc1_1;
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
      let v0_5: f32 = local_arena[0u] + total0;
      let v1_2: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), local_arena[1u], local_arena[1u] != 0.0);
      let v2_1: f32 = local_arena[2u] + total1;
      local_arena[0u] = v0_5;
      local_arena[1u] = v1_2;
      local_arena[2u] = v2_1;
    }
    workgroupBarrier();
    // dense_1.grad.sum_rows
    for (var o_2: u32 = lid.x; o_2 < 3u; o_2 += 256u) {
      var acc0_3: f32 = 0.0;
      for (var r_2: u32 = 0u; r_2 < rows; r_2++) {
        let x0_3: f32 = local_arena[686u + (r_2 * 3u + o_2)];
        acc0_3 += x0_3;
      }
      let t6: f32 = local_arena[200u + o_2] + (acc0_3 - local_arena[200u + o_2]) * 0.1;
      let t7: f32 = local_arena[203u + o_2] + (acc0_3 * acc0_3 - local_arena[203u + o_2]) * 0.001;
      let v0_6: f32 = t6;
      let v1_3: f32 = t7;
      let v2_2: f32 = local_arena[69u + o_2] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      local_arena[200u + o_2] = v0_6;
      local_arena[203u + o_2] = v1_3;
      local_arena[69u + o_2] = v2_2;
    }
    workgroupBarrier();
    // dense_1.grad.matmul
    for (var e_4: u32 = lid.x; e_4 < rows * 8u; e_4 += 256u) {
      let i_4: u32 = e_4 / 8u;
      let j_3: u32 = e_4 % 8u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 3u; k_2++) {
        acc_2 += local_arena[686u + (i_4 * 3u + k_2)] * local_arena[45u + (j_3 * 3u + k_2)];
      }
      let v0_7: f32 = acc_2 * local_arena[782u + (i_4 * 8u + j_3)];
      local_arena[1038u + (i_4 * 8u + j_3)] = v0_7;
    }
    workgroupBarrier();
    // dense_1.grad.matmul#1
    for (var e_5: u32 = lid.x; e_5 < 24u; e_5 += 256u) {
      let i_5: u32 = e_5 / 3u;
      let j_4: u32 = e_5 % 3u;
      var acc_3: f32 = 0.0;
      for (var k_3: u32 = 0u; k_3 < rows; k_3++) {
        acc_3 += local_arena[206u + (k_3 * 8u + i_5)] * local_arena[686u + (k_3 * 3u + j_4)];
      }
      let t6_1: f32 = local_arena[152u + (i_5 * 3u + j_4)] + (acc_3 - local_arena[152u + (i_5 * 3u + j_4)]) * 0.1;
      let t7_1: f32 = local_arena[176u + (i_5 * 3u + j_4)] + (acc_3 * acc_3 - local_arena[176u + (i_5 * 3u + j_4)]) * 0.001;
      let v0_8: f32 = t6_1;
      let v1_4: f32 = t7_1;
      let v2_3: f32 = local_arena[45u + (i_5 * 3u + j_4)] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
      local_arena[152u + (i_5 * 3u + j_4)] = v0_8;
      local_arena[176u + (i_5 * 3u + j_4)] = v1_4;
      local_arena[45u + (i_5 * 3u + j_4)] = v2_3;
    }
    workgroupBarrier();
    // dense.grad.sum_rows
    for (var o_3: u32 = lid.x; o_3 < 8u; o_3 += 256u) {
      var acc0_4: f32 = 0.0;
      for (var r_3: u32 = 0u; r_3 < rows; r_3++) {
        let x0_4: f32 = local_arena[1038u + (r_3 * 8u + o_3)];
        acc0_4 += x0_4;
      }
      let t6_2: f32 = local_arena[136u + o_3] + (acc0_4 - local_arena[136u + o_3]) * 0.1;
      let t7_2: f32 = local_arena[144u + o_3] + (acc0_4 * acc0_4 - local_arena[144u + o_3]) * 0.001;
      let v0_9: f32 = t6_2;
      let v1_5: f32 = t7_2;
      let v2_4: f32 = local_arena[37u + o_3] - t6_2 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
      local_arena[136u + o_3] = v0_9;
      local_arena[144u + o_3] = v1_5;
      local_arena[37u + o_3] = v2_4;
    }
    workgroupBarrier();
    // dense.grad.matmul
    for (var e_6: u32 = lid.x; e_6 < 32u; e_6 += 256u) {
      let i_6: u32 = e_6 / 8u;
      let j_5: u32 = e_6 % 8u;
      var acc_4: f32 = 0.0;
      for (var k_4: u32 = 0u; k_4 < rows; k_4++) {
        acc_4 += features[permutation[offset + k_4] * 4u + i_6] * local_arena[1038u + (k_4 * 8u + j_5)];
      }
      let t6_3: f32 = local_arena[72u + (i_6 * 8u + j_5)] + (acc_4 - local_arena[72u + (i_6 * 8u + j_5)]) * 0.1;
      let t7_3: f32 = local_arena[104u + (i_6 * 8u + j_5)] + (acc_4 * acc_4 - local_arena[104u + (i_6 * 8u + j_5)]) * 0.001;
      let v0_10: f32 = t6_3;
      let v1_6: f32 = t7_3;
      let v2_5: f32 = local_arena[5u + (i_6 * 8u + j_5)] - t6_3 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_3) + 1e-7);
      local_arena[72u + (i_6 * 8u + j_5)] = v0_10;
      local_arena[104u + (i_6 * 8u + j_5)] = v1_6;
      local_arena[5u + (i_6 * 8u + j_5)] = v2_5;
    }
    workgroupBarrier();
  }
  for (var i_7: u32 = lid.x; i_7 < 2158u; i_7 += 256u) {
    arena[i_7] = local_arena[i_7];
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
var<workgroup> local_arena: array<f32, 2158>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 2158u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 8u; e += 256u) {
      let i_1: u32 = e / 8u;
      let j: u32 = e % 8u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 4u; k++) {
        acc += features[permutation[offset + i_1] * 4u + k] * local_arena[5u + (k * 8u + j)];
      }
      let v0: f32 = max(acc + local_arena[37u + j], 0.0);
      local_arena[1294u + (i_1 * 8u + j)] = v0;
    }
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 3u; e_1 += 256u) {
      let i_2: u32 = e_1 / 3u;
      let j_1: u32 = e_1 % 3u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 8u; k_1++) {
        acc_1 += local_arena[1294u + (i_2 * 8u + k_1)] * local_arena[45u + (k_1 * 3u + j_1)];
      }
      let v0_1: f32 = acc_1 + local_arena[69u + j_1];
      local_arena[1550u + (i_2 * 3u + j_1)] = v0_1;
    }
    workgroupBarrier();
    // loss.cce_logits.max
    for (var o: u32 = lid.x; o < rows; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 3u; r++) {
        let x0: f32 = local_arena[1550u + (o * 3u + r)];
        acc0 = max(acc0, x0);
      }
      let v0_2: f32 = acc0;
      local_arena[1678u + o] = v0_2;
    }
    workgroupBarrier();
    // loss.cce_logits.sumexp
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = 0.0;
      var acc1: f32 = 0.0;
      var acc2: f32 = 0.0;
      var acc3: f32 = 0.0;
      var acc4: f32 = 0.0;
      var best3: f32 = -3.40282346e+38;
      var best4: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 3u; r_1++) {
        let x0_1: f32 = exp(local_arena[1550u + (o_1 * 3u + r_1)] - local_arena[1678u + o_1]);
        acc0_1 += x0_1;
        let x1: f32 = labels[permutation[offset + o_1] * 3u + r_1] * local_arena[1550u + (o_1 * 3u + r_1)];
        acc1 += x1;
        let x2: f32 = labels[permutation[offset + o_1] * 3u + r_1];
        acc2 += x2;
        let x3: f32 = labels[permutation[offset + o_1] * 3u + r_1];
        if (x3 > best3) {
          best3 = x3;
          acc3 = f32(r_1);
        }
        let x4: f32 = local_arena[1550u + (o_1 * 3u + r_1)];
        if (x4 > best4) {
          best4 = x4;
          acc4 = f32(r_1);
        }
      }
      let v0_3: f32 = (local_arena[1678u + o_1] + log(acc0_1)) * acc2 - acc1;
      let v1: f32 = select(0.0, 1.0, acc3 == acc4);
      local_arena[1646u + o_1] = v0_3;
      local_arena[1710u + o_1] = v1;
    }
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_2: f32 = 0.0;
    var acc1_1: f32 = 0.0;
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let x0_2: f32 = local_arena[1646u + e_2];
      acc0_2 += x0_2;
      let x1_1: f32 = local_arena[1710u + e_2];
      acc1_1 += x1_1;
    }
    partials[0u + lid.x] = acc0_2;
    partials[256u + lid.x] = acc1_1;
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
      let v0_4: f32 = local_arena[3u] + total0;
      let v1_1: f32 = local_arena[4u] + total1;
      local_arena[3u] = v0_4;
      local_arena[4u] = v1_1;
    }
    workgroupBarrier();
  }
  for (var i_3: u32 = lid.x; i_3 < 2158u; i_3 += 256u) {
    arena[i_3] = local_arena[i_3];
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

var<workgroup> local_arena: array<f32, 2158>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 2158u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 8u; e += 256u) {
      let i_1: u32 = e / 8u;
      let j: u32 = e % 8u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 4u; k++) {
        acc += features[permutation[offset + i_1] * 4u + k] * local_arena[5u + (k * 8u + j)];
      }
      let v0: f32 = max(acc + local_arena[37u + j], 0.0);
      local_arena[1742u + (i_1 * 8u + j)] = v0;
    }
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 3u; e_1 += 256u) {
      let i_2: u32 = e_1 / 3u;
      let j_1: u32 = e_1 % 3u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 8u; k_1++) {
        acc_1 += local_arena[1742u + (i_2 * 8u + k_1)] * local_arena[45u + (k_1 * 3u + j_1)];
      }
      let v0_1: f32 = acc_1 + local_arena[69u + j_1];
      local_arena[1998u + (i_2 * 3u + j_1)] = v0_1;
    }
    workgroupBarrier();
    // dense_1.softmax.max
    for (var o: u32 = lid.x; o < rows; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 3u; r++) {
        let x0: f32 = local_arena[1998u + (o * 3u + r)];
        acc0 = max(acc0, x0);
      }
      let v0_2: f32 = acc0;
      local_arena[2094u + o] = v0_2;
    }
    workgroupBarrier();
    // dense_1.softmax.sumexp
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = 0.0;
      for (var r_1: u32 = 0u; r_1 < 3u; r_1++) {
        let x0_1: f32 = exp(local_arena[1998u + (o_1 * 3u + r_1)] - local_arena[2094u + o_1]);
        acc0_1 += x0_1;
      }
      let v0_3: f32 = acc0_1;
      local_arena[2126u + o_1] = v0_3;
    }
    workgroupBarrier();
    // dense_1.softmax
    for (var e_2: u32 = lid.x; e_2 < rows * 3u; e_2 += 256u) {
      let i_3: u32 = e_2 / 3u;
      let j_2: u32 = e_2 % 3u;
      let v0_4: f32 = exp(local_arena[1998u + (i_3 * 3u + j_2)] - local_arena[2094u + i_3]) / local_arena[2126u + i_3];
      output[(step.base + offset + i_3) * 3u + j_2] = v0_4;
    }
    workgroupBarrier();
  }
  for (var i_4: u32 = lid.x; i_4 < 2158u; i_4 += 256u) {
    arena[i_4] = local_arena[i_4];
  }
}
