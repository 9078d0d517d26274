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
var<workgroup> local_arena: array<f32, 2448>;

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 2448u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 12u; e += 256u) {
      let i_1: u32 = e / 12u;
      let j: u32 = e % 12u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 8u; k++) {
        acc += features[permutation[offset + i_1] * 8u + k] * local_arena[7u + (k * 12u + j)];
      }
      let t1: f32 = acc + local_arena[103u + j];
      let v0: f32 = max(t1, 0.0);
      let v1: f32 = select(0.0, 1.0, t1 > 0.0);
      local_arena[368u + (i_1 * 12u + j)] = v0;
      local_arena[848u + (i_1 * 12u + j)] = v1;
    }
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 12u; k_1++) {
        acc_1 += local_arena[368u + (e_1 * 12u + k_1)] * local_arena[115u + k_1];
      }
      let t1_1: f32 = acc_1 + local_arena[127u];
      let t2: f32 = nn_sigmoid(t1_1);
      let v0_1: f32 = max(t1_1, 0.0) - t1_1 * labels[permutation[offset + e_1]] + log(1.0 + exp(-abs(t1_1)));
      let v1_1: f32 = select(0.0, 1.0, select(0.0, 1.0, t2 > 0.5) == labels[permutation[offset + e_1]]);
      let v2: f32 = 1.0 / f32(rows) * (t2 - labels[permutation[offset + e_1]]);
      local_arena[752u + e_1] = v0_1;
      local_arena[784u + e_1] = v1_1;
      local_arena[816u + e_1] = v2;
    }
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    var acc2: f32 = 0.0;
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let x0: f32 = local_arena[752u + e_2];
      acc0 += x0;
      let x1: f32 = local_arena[784u + e_2];
      acc1 += x1;
      let x2: f32 = local_arena[816u + e_2];
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
      let t22: f32 = local_arena[3u] + (total2 - local_arena[3u]) * 0.1;
      let t23: f32 = local_arena[4u] + (total2 * total2 - local_arena[4u]) * 0.001;
      let v0_2: f32 = local_arena[0u] + total0;
      let v1_2: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), local_arena[1u], local_arena[1u] != 0.0);
      let v2_1: f32 = local_arena[2u] + total1;
      let v3: f32 = t22;
      let v4: f32 = t23;
      let v5: f32 = local_arena[127u] - t22 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t23) + 1e-7);
      local_arena[0u] = v0_2;
      local_arena[1u] = v1_2;
      local_arena[2u] = v2_1;
      local_arena[3u] = v3;
      local_arena[4u] = v4;
      local_arena[127u] = v5;
    }
    workgroupBarrier();
    // dense_1.grad.matmul
    for (var e_3: u32 = lid.x; e_3 < rows * 12u; e_3 += 256u) {
      let i_2: u32 = e_3 / 12u;
      let j_1: u32 = e_3 % 12u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 1u; k_2++) {
        acc_2 += local_arena[816u + i_2] * local_arena[115u + j_1];
      }
      let v0_3: f32 = acc_2 * local_arena[848u + (i_2 * 12u + j_1)];
      local_arena[1232u + (i_2 * 12u + j_1)] = v0_3;
    }
    workgroupBarrier();
    // dense_1.grad.matmul#1
    for (var e_4: u32 = lid.x; e_4 < 12u; e_4 += 256u) {
      var acc_3: f32 = 0.0;
      for (var k_3: u32 = 0u; k_3 < rows; k_3++) {
        acc_3 += local_arena[368u + (k_3 * 12u + e_4)] * local_arena[816u + k_3];
      }
      let t6: f32 = local_arena[344u + e_4] + (acc_3 - local_arena[344u + e_4]) * 0.1;
      let t7: f32 = local_arena[356u + e_4] + (acc_3 * acc_3 - local_arena[356u + e_4]) * 0.001;
      let v0_4: f32 = t6;
      let v1_3: f32 = t7;
      let v2_2: f32 = local_arena[115u + e_4] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      local_arena[344u + e_4] = v0_4;
      local_arena[356u + e_4] = v1_3;
      local_arena[115u + e_4] = v2_2;
    }
    workgroupBarrier();
    // dense.grad.sum_rows
    for (var o: u32 = lid.x; o < 12u; o += 256u) {
      var acc0_1: f32 = 0.0;
      for (var r: u32 = 0u; r < rows; r++) {
        let x0_1: f32 = local_arena[1232u + (r * 12u + o)];
        acc0_1 += x0_1;
      }
      let t6_1: f32 = local_arena[320u + o] + (acc0_1 - local_arena[320u + o]) * 0.1;
      let t7_1: f32 = local_arena[332u + o] + (acc0_1 * acc0_1 - local_arena[332u + o]) * 0.001;
      let v0_5: f32 = t6_1;
      let v1_4: f32 = t7_1;
      let v2_3: f32 = local_arena[103u + o] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
      local_arena[320u + o] = v0_5;
      local_arena[332u + o] = v1_4;
      local_arena[103u + o] = v2_3;
    }
    workgroupBarrier();
    // dense.grad.matmul
    for (var e_5: u32 = lid.x; e_5 < 96u; e_5 += 256u) {
      let i_3: u32 = e_5 / 12u;
      let j_2: u32 = e_5 % 12u;
      var acc_4: f32 = 0.0;
      for (var k_4: u32 = 0u; k_4 < rows; k_4++) {
        acc_4 += features[permutation[offset + k_4] * 8u + i_3] * local_arena[1232u + (k_4 * 12u + j_2)];
      }
      let t6_2: f32 = local_arena[128u + (i_3 * 12u + j_2)] + (acc_4 - local_arena[128u + (i_3 * 12u + j_2)]) * 0.1;
      let t7_2: f32 = local_arena[224u + (i_3 * 12u + j_2)] + (acc_4 * acc_4 - local_arena[224u + (i_3 * 12u + j_2)]) * 0.001;
      let v0_6: f32 = t6_2;
      let v1_5: f32 = t7_2;
      let v2_4: f32 = local_arena[7u + (i_3 * 12u + j_2)] - t6_2 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
      local_arena[128u + (i_3 * 12u + j_2)] = v0_6;
      local_arena[224u + (i_3 * 12u + j_2)] = v1_5;
      local_arena[7u + (i_3 * 12u + j_2)] = v2_4;
    }
    workgroupBarrier();
  }
  for (var i_4: u32 = lid.x; i_4 < 2448u; i_4 += 256u) {
    arena[i_4] = local_arena[i_4];
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
var<workgroup> local_arena: array<f32, 2448>;

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 2448u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 12u; e += 256u) {
      let i_1: u32 = e / 12u;
      let j: u32 = e % 12u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 8u; k++) {
        acc += features[permutation[offset + i_1] * 8u + k] * local_arena[7u + (k * 12u + j)];
      }
      let v0: f32 = max(acc + local_arena[103u + j], 0.0);
      local_arena[1616u + (i_1 * 12u + j)] = v0;
    }
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 12u; k_1++) {
        acc_1 += local_arena[1616u + (e_1 * 12u + k_1)] * local_arena[115u + k_1];
      }
      let t1: f32 = acc_1 + local_arena[127u];
      let v0_1: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + e_1]] + log(1.0 + exp(-abs(t1)));
      let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, nn_sigmoid(t1) > 0.5) == labels[permutation[offset + e_1]]);
      local_arena[2000u + e_1] = v0_1;
      local_arena[2032u + e_1] = v1;
    }
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let x0: f32 = local_arena[2000u + e_2];
      acc0 += x0;
      let x1: f32 = local_arena[2032u + e_2];
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
      let v0_2: f32 = local_arena[5u] + total0;
      let v1_1: f32 = local_arena[6u] + total1;
      local_arena[5u] = v0_2;
      local_arena[6u] = v1_1;
    }
    workgroupBarrier();
  }
  for (var i_2: u32 = lid.x; i_2 < 2448u; i_2 += 256u) {
    arena[i_2] = local_arena[i_2];
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

var<workgroup> local_arena: array<f32, 2448>;

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 2448u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 12u; e += 256u) {
      let i_1: u32 = e / 12u;
      let j: u32 = e % 12u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 8u; k++) {
        acc += features[permutation[offset + i_1] * 8u + k] * local_arena[7u + (k * 12u + j)];
      }
      let v0: f32 = max(acc + local_arena[103u + j], 0.0);
      local_arena[2064u + (i_1 * 12u + j)] = v0;
    }
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 12u; k_1++) {
        acc_1 += local_arena[2064u + (e_1 * 12u + k_1)] * local_arena[115u + k_1];
      }
      let v0_1: f32 = nn_sigmoid(acc_1 + local_arena[127u]);
      output[step.base + offset + e_1] = v0_1;
    }
    workgroupBarrier();
  }
  for (var i_2: u32 = lid.x; i_2 < 2448u; i_2 += 256u) {
    arena[i_2] = local_arena[i_2];
  }
}
