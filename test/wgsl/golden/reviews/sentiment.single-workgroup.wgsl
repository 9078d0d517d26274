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
    // embedding.gather
    for (var e: u32 = lid.x; e < rows * 12800u; e += 256u) {
      let i2: u32 = e % 16u;
      let r2: u32 = e / 16u;
      let i1: u32 = r2 % 800u;
      let r1: u32 = r2 / 800u;
      let index: f32 = features[permutation[offset + r1] * 800u + i1];
      let inside: bool = index >= 0.0 && index < 20000.0;
      let row: u32 = min(u32(select(0.0, index, inside)), 19999u);
      let acc0: f32 = select(0.0, arena[7u + (row * 16u + i2)], inside);
      let v0: f32 = acc0;
      arena[960056u + (r1 * 12800u + i1 * 16u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.gt
    for (var e_1: u32 = lid.x; e_1 < rows * 800u; e_1 += 256u) {
      let i: u32 = e_1 / 800u;
      let j: u32 = e_1 % 800u;
      let v0_1: f32 = select(0.0, 1.0, features[permutation[offset + i] * 800u + j] > 0.0);
      arena[1369656u + (i * 800u + j)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.sum_axes1
    for (var o: u32 = lid.x; o < rows * 16u; o += 256u) {
      var acc0_1: f32 = 0.0;
      for (var r: u32 = 0u; r < 800u; r++) {
        let o1: u32 = o % 16u;
        let or1: u32 = o / 16u;
        let p0_out0: f32 = arena[960056u + (or1 * 12800u + r * 16u + o1)] * arena[1369656u + (or1 * 800u + r)];
        let x0: f32 = p0_out0;
        acc0_1 += x0;
      }
      let o1_1: u32 = o % 16u;
      let or1_1: u32 = o / 16u;
      let v0_2: f32 = acc0_1;
      arena[1395256u + (or1_1 * 16u + o1_1)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.sum_axes1#1
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_2: f32 = 0.0;
      for (var r_1: u32 = 0u; r_1 < 800u; r_1++) {
        let x0_1: f32 = arena[1369656u + (o_1 * 800u + r_1)];
        acc0_2 += x0_1;
      }
      let v0_3: f32 = acc0_2;
      arena[1395768u + o_1] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.max
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let v0_4: f32 = max(arena[1395768u + e_2], 1.0);
      arena[1395800u + e_2] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.div
    for (var e_3: u32 = lid.x; e_3 < rows * 16u; e_3 += 256u) {
      let i_1: u32 = e_3 / 16u;
      let j_1: u32 = e_3 % 16u;
      let v0_5: f32 = arena[1395256u + (i_1 * 16u + j_1)] / arena[1395800u + i_1];
      arena[1395832u + (i_1 * 16u + j_1)] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_4: u32 = lid.x; e_4 < rows; e_4 += 256u) {
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 16u; k++) {
        acc += arena[1395832u + (e_4 * 16u + k)] * arena[320007u + k];
      }
      let t1: f32 = acc + arena[320023u];
      let t2: f32 = nn_sigmoid(t1);
      let v0_6: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + e_4]] + log(1.0 + exp(-abs(t1)));
      let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, t2 > 0.5) == labels[permutation[offset + e_4]]);
      let v2: f32 = 1.0 / f32(rows) * (t2 - labels[permutation[offset + e_4]]);
      arena[1396344u + e_4] = v0_6;
      arena[1396376u + e_4] = v1;
      arena[1396408u + e_4] = v2;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_3: f32 = 0.0;
    var acc1: f32 = 0.0;
    var acc2: f32 = 0.0;
    for (var e_5: u32 = lid.x; e_5 < rows; e_5 += 256u) {
      let x0_2: f32 = arena[1396344u + e_5];
      acc0_3 += x0_2;
      let x1: f32 = arena[1396376u + e_5];
      acc1 += x1;
      let x2: f32 = arena[1396408u + e_5];
      acc2 += x2;
    }
    partials[0u + lid.x] = acc0_3;
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
      let v0_7: f32 = arena[0u] + total0;
      let v1_1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2_1: f32 = arena[2u] + total1;
      let v3: f32 = t22;
      let v4: f32 = t23;
      let v5: f32 = arena[320023u] - t22 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t23) + 1e-7);
      arena[0u] = v0_7;
      arena[1u] = v1_1;
      arena[2u] = v2_1;
      arena[3u] = v3;
      arena[4u] = v4;
      arena[320023u] = v5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul
    for (var e_6: u32 = lid.x; e_6 < rows * 16u; e_6 += 256u) {
      let i_2: u32 = e_6 / 16u;
      let j_2: u32 = e_6 % 16u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 1u; k_1++) {
        acc_1 += arena[1396408u + i_2] * arena[320007u + j_2];
      }
      let v0_8: f32 = acc_1 / arena[1395800u + i_2];
      arena[1396440u + (i_2 * 16u + j_2)] = v0_8;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul#1
    for (var e_7: u32 = lid.x; e_7 < 16u; e_7 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < rows; k_2++) {
        acc_2 += arena[1395832u + (k_2 * 16u + e_7)] * arena[1396408u + k_2];
      }
      let t6: f32 = arena[960024u + e_7] + (acc_2 - arena[960024u + e_7]) * 0.1;
      let t7: f32 = arena[960040u + e_7] + (acc_2 * acc_2 - arena[960040u + e_7]) * 0.001;
      let v0_9: f32 = t6;
      let v1_2: f32 = t7;
      let v2_2: f32 = arena[320007u + e_7] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[960024u + e_7] = v0_9;
      arena[960040u + e_7] = v1_2;
      arena[320007u + e_7] = v2_2;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.grad.mul
    for (var e_8: u32 = lid.x; e_8 < rows * 12800u; e_8 += 256u) {
      let i2_1: u32 = e_8 % 16u;
      let r2_1: u32 = e_8 / 16u;
      let i1_1: u32 = r2_1 % 800u;
      let r1_1: u32 = r2_1 / 800u;
      let v0_10: f32 = arena[1396440u + (r1_1 * 16u + i2_1)] * arena[1369656u + (r1_1 * 800u + i1_1)];
      arena[1396952u + (r1_1 * 12800u + i1_1 * 16u + i2_1)] = v0_10;
    }
    storageBarrier();
    workgroupBarrier();
    // embedding.grad.segment_sum
    for (var part: u32 = lid.x; part < 256u; part += 256u) {
      let j_3: u32 = part % 16u;
      let g: u32 = part / 16u;
      for (var r_2: u32 = g; r_2 < 20000u; r_2 += 16u) {
        arena[1806552u + (r_2 * 16u + j_3)] = 0.0;
      }
      for (var p: u32 = 0u; p < rows * 800u; p++) {
        let i_3: u32 = p / 800u;
        let j_4: u32 = p % 800u;
        let index_1: f32 = features[permutation[offset + i_3] * 800u + j_4];
        let row_1: u32 = u32(select(0.0, index_1, index_1 >= 0.0));
        if (index_1 >= 0.0 && index_1 < 20000.0 && row_1 % 16u == g) {
          arena[1806552u + (row_1 * 16u + j_3)] = arena[1806552u + (row_1 * 16u + j_3)] + arena[1396952u + (i_3 * 12800u + j_4 * 16u + j_3)];
        }
      }
    }
    storageBarrier();
    workgroupBarrier();
    // optimizer.sub#2
    for (var e_9: u32 = lid.x; e_9 < 320000u; e_9 += 256u) {
      let i_4: u32 = e_9 / 16u;
      let j_5: u32 = e_9 % 16u;
      let t5: f32 = arena[320024u + (i_4 * 16u + j_5)] + (arena[1806552u + (i_4 * 16u + j_5)] - arena[320024u + (i_4 * 16u + j_5)]) * 0.1;
      let t6_1: f32 = arena[640024u + (i_4 * 16u + j_5)] + (arena[1806552u + (i_4 * 16u + j_5)] * arena[1806552u + (i_4 * 16u + j_5)] - arena[640024u + (i_4 * 16u + j_5)]) * 0.001;
      let v0_11: f32 = t5;
      let v1_3: f32 = t6_1;
      let v2_3: f32 = arena[7u + (i_4 * 16u + j_5)] - t5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_1) + 1e-7);
      arena[320024u + (i_4 * 16u + j_5)] = v0_11;
      arena[640024u + (i_4 * 16u + j_5)] = v1_3;
      arena[7u + (i_4 * 16u + j_5)] = v2_3;
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
    // embedding.gather
    for (var e: u32 = lid.x; e < rows * 12800u; e += 256u) {
      let i2: u32 = e % 16u;
      let r2: u32 = e / 16u;
      let i1: u32 = r2 % 800u;
      let r1: u32 = r2 / 800u;
      let index: f32 = features[permutation[offset + r1] * 800u + i1];
      let inside: bool = index >= 0.0 && index < 20000.0;
      let row: u32 = min(u32(select(0.0, index, inside)), 19999u);
      let acc0: f32 = select(0.0, arena[7u + (row * 16u + i2)], inside);
      let v0: f32 = acc0;
      arena[2126552u + (r1 * 12800u + i1 * 16u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.gt
    for (var e_1: u32 = lid.x; e_1 < rows * 800u; e_1 += 256u) {
      let i: u32 = e_1 / 800u;
      let j: u32 = e_1 % 800u;
      let v0_1: f32 = select(0.0, 1.0, features[permutation[offset + i] * 800u + j] > 0.0);
      arena[2536152u + (i * 800u + j)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.sum_axes1
    for (var o: u32 = lid.x; o < rows * 16u; o += 256u) {
      var acc0_1: f32 = 0.0;
      for (var r: u32 = 0u; r < 800u; r++) {
        let o1: u32 = o % 16u;
        let or1: u32 = o / 16u;
        let p0_out0: f32 = arena[2126552u + (or1 * 12800u + r * 16u + o1)] * arena[2536152u + (or1 * 800u + r)];
        let x0: f32 = p0_out0;
        acc0_1 += x0;
      }
      let o1_1: u32 = o % 16u;
      let or1_1: u32 = o / 16u;
      let v0_2: f32 = acc0_1;
      arena[2561752u + (or1_1 * 16u + o1_1)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.sum_axes1#1
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_2: f32 = 0.0;
      for (var r_1: u32 = 0u; r_1 < 800u; r_1++) {
        let x0_1: f32 = arena[2536152u + (o_1 * 800u + r_1)];
        acc0_2 += x0_1;
      }
      let v0_3: f32 = acc0_2;
      arena[2562264u + o_1] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.max
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let v0_4: f32 = max(arena[2562264u + e_2], 1.0);
      arena[2562296u + e_2] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.div
    for (var e_3: u32 = lid.x; e_3 < rows * 16u; e_3 += 256u) {
      let i_1: u32 = e_3 / 16u;
      let j_1: u32 = e_3 % 16u;
      let v0_5: f32 = arena[2561752u + (i_1 * 16u + j_1)] / arena[2562296u + i_1];
      arena[2562328u + (i_1 * 16u + j_1)] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_4: u32 = lid.x; e_4 < rows; e_4 += 256u) {
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 16u; k++) {
        acc += arena[2562328u + (e_4 * 16u + k)] * arena[320007u + k];
      }
      let t1: f32 = acc + arena[320023u];
      let v0_6: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + e_4]] + log(1.0 + exp(-abs(t1)));
      let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, nn_sigmoid(t1) > 0.5) == labels[permutation[offset + e_4]]);
      arena[2562840u + e_4] = v0_6;
      arena[2562872u + e_4] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_3: f32 = 0.0;
    var acc1: f32 = 0.0;
    for (var e_5: u32 = lid.x; e_5 < rows; e_5 += 256u) {
      let x0_2: f32 = arena[2562840u + e_5];
      acc0_3 += x0_2;
      let x1: f32 = arena[2562872u + e_5];
      acc1 += x1;
    }
    partials[0u + lid.x] = acc0_3;
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
      let v0_7: f32 = arena[5u] + total0;
      let v1_1: f32 = arena[6u] + total1;
      arena[5u] = v0_7;
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
    // embedding.gather
    for (var e: u32 = lid.x; e < rows * 12800u; e += 256u) {
      let i2: u32 = e % 16u;
      let r2: u32 = e / 16u;
      let i1: u32 = r2 % 800u;
      let r1: u32 = r2 / 800u;
      let index: f32 = features[permutation[offset + r1] * 800u + i1];
      let inside: bool = index >= 0.0 && index < 20000.0;
      let row: u32 = min(u32(select(0.0, index, inside)), 19999u);
      let acc0: f32 = select(0.0, arena[7u + (row * 16u + i2)], inside);
      let v0: f32 = acc0;
      arena[2562904u + (r1 * 12800u + i1 * 16u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.gt
    for (var e_1: u32 = lid.x; e_1 < rows * 800u; e_1 += 256u) {
      let i: u32 = e_1 / 800u;
      let j: u32 = e_1 % 800u;
      let v0_1: f32 = select(0.0, 1.0, features[permutation[offset + i] * 800u + j] > 0.0);
      arena[2972504u + (i * 800u + j)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.sum_axes1
    for (var o: u32 = lid.x; o < rows * 16u; o += 256u) {
      var acc0_1: f32 = 0.0;
      for (var r: u32 = 0u; r < 800u; r++) {
        let o1: u32 = o % 16u;
        let or1: u32 = o / 16u;
        let p0_out0: f32 = arena[2562904u + (or1 * 12800u + r * 16u + o1)] * arena[2972504u + (or1 * 800u + r)];
        let x0: f32 = p0_out0;
        acc0_1 += x0;
      }
      let o1_1: u32 = o % 16u;
      let or1_1: u32 = o / 16u;
      let v0_2: f32 = acc0_1;
      arena[2998104u + (or1_1 * 16u + o1_1)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.sum_axes1#1
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_2: f32 = 0.0;
      for (var r_1: u32 = 0u; r_1 < 800u; r_1++) {
        let x0_1: f32 = arena[2972504u + (o_1 * 800u + r_1)];
        acc0_2 += x0_1;
      }
      let v0_3: f32 = acc0_2;
      arena[2998616u + o_1] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.max
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let v0_4: f32 = max(arena[2998616u + e_2], 1.0);
      arena[2998648u + e_2] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // global_average_pooling1d.div
    for (var e_3: u32 = lid.x; e_3 < rows * 16u; e_3 += 256u) {
      let i_1: u32 = e_3 / 16u;
      let j_1: u32 = e_3 % 16u;
      let v0_5: f32 = arena[2998104u + (i_1 * 16u + j_1)] / arena[2998648u + i_1];
      arena[2998680u + (i_1 * 16u + j_1)] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_4: u32 = lid.x; e_4 < rows; e_4 += 256u) {
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 16u; k++) {
        acc += arena[2998680u + (e_4 * 16u + k)] * arena[320007u + k];
      }
      let v0_6: f32 = nn_sigmoid(acc + arena[320023u]);
      output[step.base + offset + e_4] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
