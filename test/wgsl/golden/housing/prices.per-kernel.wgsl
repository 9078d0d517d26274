// ==== train.normalization.sqrt@7.wgsl
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

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let id: u32 = (wid.y * nwg.x + wid.x) * 64u + lid.x;
  let count: u32 = 13u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 13u;
    let j: u32 = (id - 0u) % 13u;
    let v0: f32 = max(sqrt(arena[20u + (i * 13u + j)]), 1e-7);
    arena[15394u + (i * 13u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.normalization.sub@7.wgsl
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

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let id: u32 = (wid.y * nwg.x + wid.x) * 64u + lid.x;
  let count: u32 = rows * 13u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 13u;
    let j: u32 = (id - 0u) % 13u;
    let v0: f32 = (features[permutation[offset + i] * 13u + j] - arena[7u + j]) / arena[15394u + j];
    arena[15407u + (i * 13u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.dense.matmul@8.wgsl
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

var<workgroup> tile_a: array<f32, 512>;
var<workgroup> tile_b: array<f32, 512>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 13u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 32u;
  let col0: u32 = tile % 2u * 32u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc00: f32 = 0.0;
  var acc01: f32 = 0.0;
  var acc10: f32 = 0.0;
  var acc11: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[15407u + (ai * 13u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      bv = arena[33u + (bka * 64u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[15407u + (ai_1 * 13u + aka_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      bv_1 = arena[33u + (bka_1 * 64u + bj_1)];
    }
    tile_b[bk_1 * 32u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 2u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 2u + 1u) * 16u + kk];
      let b0: f32 = tile_b[kk * 32u + (lid.x * 2u + 0u)];
      let b1: f32 = tile_b[kk * 32u + (lid.x * 2u + 1u)];
      acc00 += a0 * b0;
      acc01 += a0 * b1;
      acc10 += a1 * b0;
      acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + (lid.y * 2u + 0u);
  let j: u32 = col0 + (lid.x * 2u + 0u);
  if (i < m && j < 64u) {
    let t1: f32 = acc00 + arena[865u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[15823u + (i * 64u + j)] = v0;
    arena[24111u + (i * 64u + j)] = v1;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let t1_1: f32 = acc01 + arena[865u + j_1];
    let v0_1: f32 = max(t1_1, 0.0);
    let v1_1: f32 = select(0.0, 1.0, t1_1 > 0.0);
    arena[15823u + (i_1 * 64u + j_1)] = v0_1;
    arena[24111u + (i_1 * 64u + j_1)] = v1_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 64u) {
    let t1_2: f32 = acc10 + arena[865u + j_2];
    let v0_2: f32 = max(t1_2, 0.0);
    let v1_2: f32 = select(0.0, 1.0, t1_2 > 0.0);
    arena[15823u + (i_2 * 64u + j_2)] = v0_2;
    arena[24111u + (i_2 * 64u + j_2)] = v1_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 64u) {
    let t1_3: f32 = acc11 + arena[865u + j_3];
    let v0_3: f32 = max(t1_3, 0.0);
    let v1_3: f32 = select(0.0, 1.0, t1_3 > 0.0);
    arena[15823u + (i_3 * 64u + j_3)] = v0_3;
    arena[24111u + (i_3 * 64u + j_3)] = v1_3;
  }
}

// ==== train.dense_1.matmul@9.wgsl
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

var<workgroup> tile_a: array<f32, 512>;
var<workgroup> tile_b: array<f32, 512>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 64u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 32u;
  let col0: u32 = tile % 2u * 32u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc00: f32 = 0.0;
  var acc01: f32 = 0.0;
  var acc10: f32 = 0.0;
  var acc11: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[15823u + (ai * 64u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      bv = arena[929u + (bka * 64u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[15823u + (ai_1 * 64u + aka_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      bv_1 = arena[929u + (bka_1 * 64u + bj_1)];
    }
    tile_b[bk_1 * 32u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 2u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 2u + 1u) * 16u + kk];
      let b0: f32 = tile_b[kk * 32u + (lid.x * 2u + 0u)];
      let b1: f32 = tile_b[kk * 32u + (lid.x * 2u + 1u)];
      acc00 += a0 * b0;
      acc01 += a0 * b1;
      acc10 += a1 * b0;
      acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + (lid.y * 2u + 0u);
  let j: u32 = col0 + (lid.x * 2u + 0u);
  if (i < m && j < 64u) {
    let t1: f32 = acc00 + arena[5025u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[17871u + (i * 64u + j)] = v0;
    arena[20015u + (i * 64u + j)] = v1;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let t1_1: f32 = acc01 + arena[5025u + j_1];
    let v0_1: f32 = max(t1_1, 0.0);
    let v1_1: f32 = select(0.0, 1.0, t1_1 > 0.0);
    arena[17871u + (i_1 * 64u + j_1)] = v0_1;
    arena[20015u + (i_1 * 64u + j_1)] = v1_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 64u) {
    let t1_2: f32 = acc10 + arena[5025u + j_2];
    let v0_2: f32 = max(t1_2, 0.0);
    let v1_2: f32 = select(0.0, 1.0, t1_2 > 0.0);
    arena[17871u + (i_2 * 64u + j_2)] = v0_2;
    arena[20015u + (i_2 * 64u + j_2)] = v1_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 64u) {
    let t1_3: f32 = acc11 + arena[5025u + j_3];
    let v0_3: f32 = max(t1_3, 0.0);
    let v1_3: f32 = select(0.0, 1.0, t1_3 > 0.0);
    arena[17871u + (i_3 * 64u + j_3)] = v0_3;
    arena[20015u + (i_3 * 64u + j_3)] = v1_3;
  }
}

// ==== train.dense_2.matmul@10.wgsl
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

var<workgroup> tile_a: array<f32, 1024>;
var<workgroup> tile_b: array<f32, 1024>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 64u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 64u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 64u;
    let ak: u32 = e % 64u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[17871u + (ai * 64u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[5089u + bka];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[17871u + (ai_1 * 64u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 1u) {
      bv_1 = arena[5089u + bka_1];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[17871u + (ai_2 * 64u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 1u) {
      bv_2 = arena[5089u + bka_2];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[17871u + (ai_3 * 64u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 1u) {
      bv_3 = arena[5089u + bka_3];
    }
    tile_b[bk_3 * 16u + bc_3] = bv_3;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 64u; kk++) {
      let a0: f32 = tile_a[lid.y * 64u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 1u) {
    let t2: f32 = acc + arena[5153u] - labels[permutation[offset + i]];
    let v0: f32 = t2 * t2;
    let v1: f32 = abs(t2);
    let v2: f32 = 1.0 / f32(rows) * (t2 * 2.0);
    arena[19919u + i] = v0;
    arena[19951u + i] = v1;
    arena[19983u + i] = v2;
  }
}

// ==== train.accumulate.sum_all@14+dense_2.grad.matmul@10.wgsl
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

var<workgroup> k0_partials: array<f32, 768>;
var<workgroup> k1_tile_a: array<f32, 512>;
var<workgroup> k1_tile_b: array<f32, 512>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // accumulate.sum_all
  let nx: u32 = 1u;
  let ny: u32 = 1u;
  let end: u32 = 0u + nx * ny;
  if (w >= 0u && w < end) {
    let part: u32 = w - 0u;
    let lid_1: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_1: vec3<u32> = vec3<u32>(part % nx, part / nx, 0u);
    let gid_1: vec3<u32> = vec3<u32>(wid_1.x * 256u + lid_1.x, wid_1.y * 1u + lid_1.y, 0u);
    let nwg_1: vec3<u32> = vec3<u32>(nx, ny, 1u);
    let offset: u32 = step.offset;
    let rows_1: u32 = step.rows;
    let t: u32 = step.step;
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    var acc2: f32 = 0.0;
    for (var e: u32 = lid_1.x; e < rows_1; e += 256u) {
      let x0: f32 = arena[19919u + e];
      acc0 += x0;
      let x1: f32 = arena[19951u + e];
      acc1 += x1;
      let x2: f32 = arena[19983u + e];
      acc2 += x2;
    }
    k0_partials[0u + lid_1.x] = acc0;
    k0_partials[256u + lid_1.x] = acc1;
    k0_partials[512u + lid_1.x] = acc2;
    workgroupBarrier();
    if (lid_1.x < 16u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[16u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[272u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[528u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 8u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[8u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[264u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[520u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 4u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[4u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[260u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[516u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 2u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[2u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[258u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[514u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 1u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[1u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[257u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[513u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x == 0u) {
      let total0: f32 = k0_partials[0u];
      let total1: f32 = k0_partials[256u];
      let total2: f32 = k0_partials[512u];
      let t22: f32 = arena[3u] + (total2 - arena[3u]) * 0.1;
      let t23: f32 = arena[4u] + (total2 * total2 - arena[4u]) * 0.001;
      let v0: f32 = arena[0u] + total0;
      let v1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2: f32 = arena[2u] + total1;
      let v3: f32 = t22;
      let v4: f32 = t23;
      let v5: f32 = arena[5153u] - t22 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t23) + 1e-7);
      arena[0u] = v0;
      arena[1u] = v1;
      arena[2u] = v2;
      arena[3u] = v3;
      arena[4u] = v4;
      arena[5153u] = v5;
    }
  }
  // dense_2.grad.matmul
  let nx_1: u32 = 2u;
  let ny_1: u32 = max(1u, (rows * 1u + 31u) / 32u);
  let end_1: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_1) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex % 16u, lindex / 16u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 16u + lid_2.x, wid_2.y * 16u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let m: u32 = rows_2;
    let k_len: u32 = 1u;
    let tile: u32 = wid_2.y * nwg_2.x + wid_2.x;
    let row0: u32 = tile / 2u * 32u;
    let col0: u32 = tile % 2u * 32u;
    let flat: u32 = lid_2.y * 16u + lid_2.x;
    var acc00: f32 = 0.0;
    var acc01: f32 = 0.0;
    var acc10: f32 = 0.0;
    var acc11: f32 = 0.0;
    for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
      let e_1: u32 = flat + 0u;
      let ar: u32 = e_1 / 16u;
      let ak: u32 = e_1 % 16u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        a = arena[19983u + ai];
      }
      k1_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e_1 % 16u;
      let bc: u32 = e_1 / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 64u) {
        bv = arena[5089u + bj];
      }
      k1_tile_b[bk * 32u + bc] = bv;
      let e_2: u32 = flat + 256u;
      let ar_1: u32 = e_2 / 16u;
      let ak_1: u32 = e_2 % 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[19983u + ai_1];
      }
      k1_tile_a[ar_1 * 16u + ak_1] = a_1;
      let bk_1: u32 = e_2 % 16u;
      let bc_1: u32 = e_2 / 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 64u) {
        bv_1 = arena[5089u + bj_1];
      }
      k1_tile_b[bk_1 * 32u + bc_1] = bv_1;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 16u; kk++) {
        let a0: f32 = k1_tile_a[(lid_2.y * 2u + 0u) * 16u + kk];
        let a1: f32 = k1_tile_a[(lid_2.y * 2u + 1u) * 16u + kk];
        let b0: f32 = k1_tile_b[kk * 32u + (lid_2.x * 2u + 0u)];
        let b1: f32 = k1_tile_b[kk * 32u + (lid_2.x * 2u + 1u)];
        acc00 += a0 * b0;
        acc01 += a0 * b1;
        acc10 += a1 * b0;
        acc11 += a1 * b1;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + (lid_2.y * 2u + 0u);
    let j: u32 = col0 + (lid_2.x * 2u + 0u);
    if (i < m && j < 64u) {
      let v0_1: f32 = acc00 * arena[20015u + (i * 64u + j)];
      arena[22063u + (i * 64u + j)] = v0_1;
    }
    let i_1: u32 = row0 + (lid_2.y * 2u + 0u);
    let j_1: u32 = col0 + (lid_2.x * 2u + 1u);
    if (i_1 < m && j_1 < 64u) {
      let v0_2: f32 = acc01 * arena[20015u + (i_1 * 64u + j_1)];
      arena[22063u + (i_1 * 64u + j_1)] = v0_2;
    }
    let i_2: u32 = row0 + (lid_2.y * 2u + 1u);
    let j_2: u32 = col0 + (lid_2.x * 2u + 0u);
    if (i_2 < m && j_2 < 64u) {
      let v0_3: f32 = acc10 * arena[20015u + (i_2 * 64u + j_2)];
      arena[22063u + (i_2 * 64u + j_2)] = v0_3;
    }
    let i_3: u32 = row0 + (lid_2.y * 2u + 1u);
    let j_3: u32 = col0 + (lid_2.x * 2u + 1u);
    if (i_3 < m && j_3 < 64u) {
      let v0_4: f32 = acc11 * arena[20015u + (i_3 * 64u + j_3)];
      arena[22063u + (i_3 * 64u + j_3)] = v0_4;
    }
  }
}

// ==== train.dense_2.grad.matmul_1@10+dense_1.grad.matmul@9.wgsl
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

var<workgroup> k0_tile_a: array<f32, 1024>;
var<workgroup> k0_tile_b: array<f32, 1024>;
var<workgroup> k1_tile_a: array<f32, 512>;
var<workgroup> k1_tile_b: array<f32, 512>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // dense_2.grad.matmul#1
  let nx: u32 = 1u;
  let ny: u32 = 4u;
  let end: u32 = 0u + nx * ny;
  if (w >= 0u && w < end) {
    let part: u32 = w - 0u;
    let lid_1: vec3<u32> = vec3<u32>(lindex % 16u, lindex / 16u, 0u);
    let wid_1: vec3<u32> = vec3<u32>(part % nx, part / nx, 0u);
    let gid_1: vec3<u32> = vec3<u32>(wid_1.x * 16u + lid_1.x, wid_1.y * 16u + lid_1.y, 0u);
    let nwg_1: vec3<u32> = vec3<u32>(nx, ny, 1u);
    let offset: u32 = step.offset;
    let rows_1: u32 = step.rows;
    let t: u32 = step.step;
    let m: u32 = 64u;
    let k_len: u32 = rows_1;
    let tile: u32 = wid_1.y * nwg_1.x + wid_1.x;
    let row0: u32 = tile / 1u * 16u;
    let col0: u32 = tile % 1u * 16u;
    let flat: u32 = lid_1.y * 16u + lid_1.x;
    var acc: f32 = 0.0;
    for (var t0: u32 = 0u; t0 < k_len; t0 += 64u) {
      let e: u32 = flat + 0u;
      let ar: u32 = e % 16u;
      let ak: u32 = e / 16u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        a = arena[17871u + (aka * 64u + ai)];
      }
      k0_tile_a[ar * 64u + ak] = a;
      let bk: u32 = e / 16u;
      let bc: u32 = e % 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 1u) {
        bv = arena[19983u + bka];
      }
      k0_tile_b[bk * 16u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 16u;
      let ak_1: u32 = e_1 / 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[17871u + (aka_1 * 64u + ai_1)];
      }
      k0_tile_a[ar_1 * 64u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 16u;
      let bc_1: u32 = e_1 % 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 1u) {
        bv_1 = arena[19983u + bka_1];
      }
      k0_tile_b[bk_1 * 16u + bc_1] = bv_1;
      let e_2: u32 = flat + 512u;
      let ar_2: u32 = e_2 % 16u;
      let ak_2: u32 = e_2 / 16u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        a_2 = arena[17871u + (aka_2 * 64u + ai_2)];
      }
      k0_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 1u) {
        bv_2 = arena[19983u + bka_2];
      }
      k0_tile_b[bk_2 * 16u + bc_2] = bv_2;
      let e_3: u32 = flat + 768u;
      let ar_3: u32 = e_3 % 16u;
      let ak_3: u32 = e_3 / 16u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        a_3 = arena[17871u + (aka_3 * 64u + ai_3)];
      }
      k0_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 1u) {
        bv_3 = arena[19983u + bka_3];
      }
      k0_tile_b[bk_3 * 16u + bc_3] = bv_3;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 64u; kk++) {
        let a0: f32 = k0_tile_a[lid_1.y * 64u + kk];
        let b0: f32 = k0_tile_b[kk * 16u + lid_1.x];
        acc += a0 * b0;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + lid_1.y;
    let j: u32 = col0 + lid_1.x;
    if (i < m && j < 1u) {
      let t6: f32 = arena[15266u + i] + (acc - arena[15266u + i]) * 0.1;
      let t7: f32 = arena[15330u + i] + (acc * acc - arena[15330u + i]) * 0.001;
      let v0: f32 = t6;
      let v1: f32 = t7;
      let v2: f32 = arena[5089u + i] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[15266u + i] = v0;
      arena[15330u + i] = v1;
      arena[5089u + i] = v2;
    }
  }
  // dense_1.grad.matmul
  let nx_1: u32 = 2u;
  let ny_1: u32 = max(1u, (rows * 1u + 31u) / 32u);
  let end_1: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_1) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex % 16u, lindex / 16u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 16u + lid_2.x, wid_2.y * 16u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let m_1: u32 = rows_2;
    let k_len_1: u32 = 64u;
    let tile_1: u32 = wid_2.y * nwg_2.x + wid_2.x;
    let row0_1: u32 = tile_1 / 2u * 32u;
    let col0_1: u32 = tile_1 % 2u * 32u;
    let flat_1: u32 = lid_2.y * 16u + lid_2.x;
    var acc00: f32 = 0.0;
    var acc01: f32 = 0.0;
    var acc10: f32 = 0.0;
    var acc11: f32 = 0.0;
    for (var t0_1: u32 = 0u; t0_1 < k_len_1; t0_1 += 16u) {
      let e_4: u32 = flat_1 + 0u;
      let ar_4: u32 = e_4 / 16u;
      let ak_4: u32 = e_4 % 16u;
      let ai_4: u32 = row0_1 + ar_4;
      let aka_4: u32 = t0_1 + ak_4;
      var a_4: f32 = 0.0;
      if (ai_4 < m_1 && aka_4 < k_len_1) {
        a_4 = arena[22063u + (ai_4 * 64u + aka_4)];
      }
      k1_tile_a[ar_4 * 16u + ak_4] = a_4;
      let bk_4: u32 = e_4 % 16u;
      let bc_4: u32 = e_4 / 16u;
      let bj_4: u32 = col0_1 + bc_4;
      let bka_4: u32 = t0_1 + bk_4;
      var bv_4: f32 = 0.0;
      if (bka_4 < k_len_1 && bj_4 < 64u) {
        bv_4 = arena[929u + (bj_4 * 64u + bka_4)];
      }
      k1_tile_b[bk_4 * 32u + bc_4] = bv_4;
      let e_5: u32 = flat_1 + 256u;
      let ar_5: u32 = e_5 / 16u;
      let ak_5: u32 = e_5 % 16u;
      let ai_5: u32 = row0_1 + ar_5;
      let aka_5: u32 = t0_1 + ak_5;
      var a_5: f32 = 0.0;
      if (ai_5 < m_1 && aka_5 < k_len_1) {
        a_5 = arena[22063u + (ai_5 * 64u + aka_5)];
      }
      k1_tile_a[ar_5 * 16u + ak_5] = a_5;
      let bk_5: u32 = e_5 % 16u;
      let bc_5: u32 = e_5 / 16u;
      let bj_5: u32 = col0_1 + bc_5;
      let bka_5: u32 = t0_1 + bk_5;
      var bv_5: f32 = 0.0;
      if (bka_5 < k_len_1 && bj_5 < 64u) {
        bv_5 = arena[929u + (bj_5 * 64u + bka_5)];
      }
      k1_tile_b[bk_5 * 32u + bc_5] = bv_5;
      workgroupBarrier();
      for (var kk_1: u32 = 0u; kk_1 < 16u; kk_1++) {
        let a0_1: f32 = k1_tile_a[(lid_2.y * 2u + 0u) * 16u + kk_1];
        let a1: f32 = k1_tile_a[(lid_2.y * 2u + 1u) * 16u + kk_1];
        let b0_1: f32 = k1_tile_b[kk_1 * 32u + (lid_2.x * 2u + 0u)];
        let b1: f32 = k1_tile_b[kk_1 * 32u + (lid_2.x * 2u + 1u)];
        acc00 += a0_1 * b0_1;
        acc01 += a0_1 * b1;
        acc10 += a1 * b0_1;
        acc11 += a1 * b1;
      }
      workgroupBarrier();
    }
    let i_1: u32 = row0_1 + (lid_2.y * 2u + 0u);
    let j_1: u32 = col0_1 + (lid_2.x * 2u + 0u);
    if (i_1 < m_1 && j_1 < 64u) {
      let v0_1: f32 = acc00 * arena[24111u + (i_1 * 64u + j_1)];
      arena[26159u + (i_1 * 64u + j_1)] = v0_1;
    }
    let i_2: u32 = row0_1 + (lid_2.y * 2u + 0u);
    let j_2: u32 = col0_1 + (lid_2.x * 2u + 1u);
    if (i_2 < m_1 && j_2 < 64u) {
      let v0_2: f32 = acc01 * arena[24111u + (i_2 * 64u + j_2)];
      arena[26159u + (i_2 * 64u + j_2)] = v0_2;
    }
    let i_3: u32 = row0_1 + (lid_2.y * 2u + 1u);
    let j_3: u32 = col0_1 + (lid_2.x * 2u + 0u);
    if (i_3 < m_1 && j_3 < 64u) {
      let v0_3: f32 = acc10 * arena[24111u + (i_3 * 64u + j_3)];
      arena[26159u + (i_3 * 64u + j_3)] = v0_3;
    }
    let i_4: u32 = row0_1 + (lid_2.y * 2u + 1u);
    let j_4: u32 = col0_1 + (lid_2.x * 2u + 1u);
    if (i_4 < m_1 && j_4 < 64u) {
      let v0_4: f32 = acc11 * arena[24111u + (i_4 * 64u + j_4)];
      arena[26159u + (i_4 * 64u + j_4)] = v0_4;
    }
  }
}

// ==== train.dense_1.grad.sum_rows@9+dense_1.grad.matmul_1@9.wgsl
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

var<workgroup> k0_partials: array<f32, 512>;
var<workgroup> k1_tile_a: array<f32, 1024>;
var<workgroup> k1_tile_b: array<f32, 1024>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // dense_1.grad.sum_rows
  let nx: u32 = 16u;
  let ny: u32 = 1u;
  let end: u32 = 0u + nx * ny;
  if (w >= 0u && w < end) {
    let part: u32 = w - 0u;
    let lid_1: vec3<u32> = vec3<u32>(lindex % 4u, lindex / 4u, 0u);
    let wid_1: vec3<u32> = vec3<u32>(part % nx, part / nx, 0u);
    let gid_1: vec3<u32> = vec3<u32>(wid_1.x * 4u + lid_1.x, wid_1.y * 64u + lid_1.y, 0u);
    let nwg_1: vec3<u32> = vec3<u32>(nx, ny, 1u);
    let offset: u32 = step.offset;
    let rows_1: u32 = step.rows;
    let t: u32 = step.step;
    let col: u32 = (wid_1.y * nwg_1.x + wid_1.x) * 4u + lid_1.x;
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    if (col < 64u) {
      for (var r: u32 = lid_1.y; r < rows_1; r += 64u) {
        let x0: f32 = arena[22063u + (r * 64u + col)];
        acc0 += x0;
        let x1: f32 = arena[26159u + (r * 64u + col)];
        acc1 += x1;
      }
    }
    k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = acc0;
    k0_partials[256u + (lid_1.y * 4u + lid_1.x)] = acc1;
    workgroupBarrier();
    if (lid_1.y < 32u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 32u) * 4u + lid_1.x)];
      k0_partials[256u + (lid_1.y * 4u + lid_1.x)] = k0_partials[256u + (lid_1.y * 4u + lid_1.x)] + k0_partials[256u + ((lid_1.y + 32u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 16u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 16u) * 4u + lid_1.x)];
      k0_partials[256u + (lid_1.y * 4u + lid_1.x)] = k0_partials[256u + (lid_1.y * 4u + lid_1.x)] + k0_partials[256u + ((lid_1.y + 16u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 8u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 8u) * 4u + lid_1.x)];
      k0_partials[256u + (lid_1.y * 4u + lid_1.x)] = k0_partials[256u + (lid_1.y * 4u + lid_1.x)] + k0_partials[256u + ((lid_1.y + 8u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 4u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 4u) * 4u + lid_1.x)];
      k0_partials[256u + (lid_1.y * 4u + lid_1.x)] = k0_partials[256u + (lid_1.y * 4u + lid_1.x)] + k0_partials[256u + ((lid_1.y + 4u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 2u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 2u) * 4u + lid_1.x)];
      k0_partials[256u + (lid_1.y * 4u + lid_1.x)] = k0_partials[256u + (lid_1.y * 4u + lid_1.x)] + k0_partials[256u + ((lid_1.y + 2u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 1u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 1u) * 4u + lid_1.x)];
      k0_partials[256u + (lid_1.y * 4u + lid_1.x)] = k0_partials[256u + (lid_1.y * 4u + lid_1.x)] + k0_partials[256u + ((lid_1.y + 1u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y == 0u && col < 64u) {
      let total0: f32 = k0_partials[0u + (0u * 4u + lid_1.x)];
      let total1: f32 = k0_partials[256u + (0u * 4u + lid_1.x)];
      let t5: f32 = arena[15138u + col] + (total0 - arena[15138u + col]) * 0.1;
      let t6: f32 = arena[15202u + col] + (total0 * total0 - arena[15202u + col]) * 0.001;
      let t33: f32 = arena[6818u + col] + (total1 - arena[6818u + col]) * 0.1;
      let t34: f32 = arena[6882u + col] + (total1 * total1 - arena[6882u + col]) * 0.001;
      let v0: f32 = t5;
      let v1: f32 = t6;
      let v2: f32 = arena[5025u + col] - t5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6) + 1e-7);
      let v3: f32 = t33;
      let v4: f32 = t34;
      let v5: f32 = arena[865u + col] - t33 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t34) + 1e-7);
      arena[15138u + col] = v0;
      arena[15202u + col] = v1;
      arena[5025u + col] = v2;
      arena[6818u + col] = v3;
      arena[6882u + col] = v4;
      arena[865u + col] = v5;
    }
  }
  // dense_1.grad.matmul#1
  let nx_1: u32 = 1u;
  let ny_1: u32 = 1u;
  let end_1: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_1) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex % 16u, lindex / 16u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 16u + lid_2.x, wid_2.y * 16u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let m: u32 = 64u;
    let k_len: u32 = rows_2;
    let tile: u32 = wid_2.y * nwg_2.x + wid_2.x;
    let row0: u32 = tile / 1u * 64u;
    let col0: u32 = tile % 1u * 64u;
    let flat: u32 = lid_2.y * 16u + lid_2.x;
    var acc00: f32 = 0.0;
    var acc01: f32 = 0.0;
    var acc02: f32 = 0.0;
    var acc03: f32 = 0.0;
    var acc10: f32 = 0.0;
    var acc11: f32 = 0.0;
    var acc12: f32 = 0.0;
    var acc13: f32 = 0.0;
    var acc20: f32 = 0.0;
    var acc21: f32 = 0.0;
    var acc22: f32 = 0.0;
    var acc23: f32 = 0.0;
    var acc30: f32 = 0.0;
    var acc31: f32 = 0.0;
    var acc32: f32 = 0.0;
    var acc33: f32 = 0.0;
    for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
      let e: u32 = flat + 0u;
      let ar: u32 = e % 64u;
      let ak: u32 = e / 64u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        a = arena[15823u + (aka * 64u + ai)];
      }
      k1_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e / 64u;
      let bc: u32 = e % 64u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 64u) {
        bv = arena[22063u + (bka * 64u + bj)];
      }
      k1_tile_b[bk * 64u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 64u;
      let ak_1: u32 = e_1 / 64u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[15823u + (aka_1 * 64u + ai_1)];
      }
      k1_tile_a[ar_1 * 16u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 64u;
      let bc_1: u32 = e_1 % 64u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 64u) {
        bv_1 = arena[22063u + (bka_1 * 64u + bj_1)];
      }
      k1_tile_b[bk_1 * 64u + bc_1] = bv_1;
      let e_2: u32 = flat + 512u;
      let ar_2: u32 = e_2 % 64u;
      let ak_2: u32 = e_2 / 64u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        a_2 = arena[15823u + (aka_2 * 64u + ai_2)];
      }
      k1_tile_a[ar_2 * 16u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 64u;
      let bc_2: u32 = e_2 % 64u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 64u) {
        bv_2 = arena[22063u + (bka_2 * 64u + bj_2)];
      }
      k1_tile_b[bk_2 * 64u + bc_2] = bv_2;
      let e_3: u32 = flat + 768u;
      let ar_3: u32 = e_3 % 64u;
      let ak_3: u32 = e_3 / 64u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        a_3 = arena[15823u + (aka_3 * 64u + ai_3)];
      }
      k1_tile_a[ar_3 * 16u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 64u;
      let bc_3: u32 = e_3 % 64u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 64u) {
        bv_3 = arena[22063u + (bka_3 * 64u + bj_3)];
      }
      k1_tile_b[bk_3 * 64u + bc_3] = bv_3;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 16u; kk++) {
        let a0: f32 = k1_tile_a[(lid_2.y * 4u + 0u) * 16u + kk];
        let a1: f32 = k1_tile_a[(lid_2.y * 4u + 1u) * 16u + kk];
        let a2: f32 = k1_tile_a[(lid_2.y * 4u + 2u) * 16u + kk];
        let a3: f32 = k1_tile_a[(lid_2.y * 4u + 3u) * 16u + kk];
        let b0: f32 = k1_tile_b[kk * 64u + (lid_2.x * 4u + 0u)];
        let b1: f32 = k1_tile_b[kk * 64u + (lid_2.x * 4u + 1u)];
        let b2: f32 = k1_tile_b[kk * 64u + (lid_2.x * 4u + 2u)];
        let b3: f32 = k1_tile_b[kk * 64u + (lid_2.x * 4u + 3u)];
        acc00 += a0 * b0;
        acc01 += a0 * b1;
        acc02 += a0 * b2;
        acc03 += a0 * b3;
        acc10 += a1 * b0;
        acc11 += a1 * b1;
        acc12 += a1 * b2;
        acc13 += a1 * b3;
        acc20 += a2 * b0;
        acc21 += a2 * b1;
        acc22 += a2 * b2;
        acc23 += a2 * b3;
        acc30 += a3 * b0;
        acc31 += a3 * b1;
        acc32 += a3 * b2;
        acc33 += a3 * b3;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + (lid_2.y * 4u + 0u);
    let j: u32 = col0 + (lid_2.x * 4u + 0u);
    if (i < m && j < 64u) {
      let t6_1: f32 = arena[6946u + (i * 64u + j)] + (acc00 - arena[6946u + (i * 64u + j)]) * 0.1;
      let t7: f32 = arena[11042u + (i * 64u + j)] + (acc00 * acc00 - arena[11042u + (i * 64u + j)]) * 0.001;
      let v0_1: f32 = t6_1;
      let v1_1: f32 = t7;
      let v2_1: f32 = arena[929u + (i * 64u + j)] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7) + 1e-7);
      arena[6946u + (i * 64u + j)] = v0_1;
      arena[11042u + (i * 64u + j)] = v1_1;
      arena[929u + (i * 64u + j)] = v2_1;
    }
    let i_1: u32 = row0 + (lid_2.y * 4u + 0u);
    let j_1: u32 = col0 + (lid_2.x * 4u + 1u);
    if (i_1 < m && j_1 < 64u) {
      let t6_2: f32 = arena[6946u + (i_1 * 64u + j_1)] + (acc01 - arena[6946u + (i_1 * 64u + j_1)]) * 0.1;
      let t7_1: f32 = arena[11042u + (i_1 * 64u + j_1)] + (acc01 * acc01 - arena[11042u + (i_1 * 64u + j_1)]) * 0.001;
      let v0_2: f32 = t6_2;
      let v1_2: f32 = t7_1;
      let v2_2: f32 = arena[929u + (i_1 * 64u + j_1)] - t6_2 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_1) + 1e-7);
      arena[6946u + (i_1 * 64u + j_1)] = v0_2;
      arena[11042u + (i_1 * 64u + j_1)] = v1_2;
      arena[929u + (i_1 * 64u + j_1)] = v2_2;
    }
    let i_2: u32 = row0 + (lid_2.y * 4u + 0u);
    let j_2: u32 = col0 + (lid_2.x * 4u + 2u);
    if (i_2 < m && j_2 < 64u) {
      let t6_3: f32 = arena[6946u + (i_2 * 64u + j_2)] + (acc02 - arena[6946u + (i_2 * 64u + j_2)]) * 0.1;
      let t7_2: f32 = arena[11042u + (i_2 * 64u + j_2)] + (acc02 * acc02 - arena[11042u + (i_2 * 64u + j_2)]) * 0.001;
      let v0_3: f32 = t6_3;
      let v1_3: f32 = t7_2;
      let v2_3: f32 = arena[929u + (i_2 * 64u + j_2)] - t6_3 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_2) + 1e-7);
      arena[6946u + (i_2 * 64u + j_2)] = v0_3;
      arena[11042u + (i_2 * 64u + j_2)] = v1_3;
      arena[929u + (i_2 * 64u + j_2)] = v2_3;
    }
    let i_3: u32 = row0 + (lid_2.y * 4u + 0u);
    let j_3: u32 = col0 + (lid_2.x * 4u + 3u);
    if (i_3 < m && j_3 < 64u) {
      let t6_4: f32 = arena[6946u + (i_3 * 64u + j_3)] + (acc03 - arena[6946u + (i_3 * 64u + j_3)]) * 0.1;
      let t7_3: f32 = arena[11042u + (i_3 * 64u + j_3)] + (acc03 * acc03 - arena[11042u + (i_3 * 64u + j_3)]) * 0.001;
      let v0_4: f32 = t6_4;
      let v1_4: f32 = t7_3;
      let v2_4: f32 = arena[929u + (i_3 * 64u + j_3)] - t6_4 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_3) + 1e-7);
      arena[6946u + (i_3 * 64u + j_3)] = v0_4;
      arena[11042u + (i_3 * 64u + j_3)] = v1_4;
      arena[929u + (i_3 * 64u + j_3)] = v2_4;
    }
    let i_4: u32 = row0 + (lid_2.y * 4u + 1u);
    let j_4: u32 = col0 + (lid_2.x * 4u + 0u);
    if (i_4 < m && j_4 < 64u) {
      let t6_5: f32 = arena[6946u + (i_4 * 64u + j_4)] + (acc10 - arena[6946u + (i_4 * 64u + j_4)]) * 0.1;
      let t7_4: f32 = arena[11042u + (i_4 * 64u + j_4)] + (acc10 * acc10 - arena[11042u + (i_4 * 64u + j_4)]) * 0.001;
      let v0_5: f32 = t6_5;
      let v1_5: f32 = t7_4;
      let v2_5: f32 = arena[929u + (i_4 * 64u + j_4)] - t6_5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_4) + 1e-7);
      arena[6946u + (i_4 * 64u + j_4)] = v0_5;
      arena[11042u + (i_4 * 64u + j_4)] = v1_5;
      arena[929u + (i_4 * 64u + j_4)] = v2_5;
    }
    let i_5: u32 = row0 + (lid_2.y * 4u + 1u);
    let j_5: u32 = col0 + (lid_2.x * 4u + 1u);
    if (i_5 < m && j_5 < 64u) {
      let t6_6: f32 = arena[6946u + (i_5 * 64u + j_5)] + (acc11 - arena[6946u + (i_5 * 64u + j_5)]) * 0.1;
      let t7_5: f32 = arena[11042u + (i_5 * 64u + j_5)] + (acc11 * acc11 - arena[11042u + (i_5 * 64u + j_5)]) * 0.001;
      let v0_6: f32 = t6_6;
      let v1_6: f32 = t7_5;
      let v2_6: f32 = arena[929u + (i_5 * 64u + j_5)] - t6_6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_5) + 1e-7);
      arena[6946u + (i_5 * 64u + j_5)] = v0_6;
      arena[11042u + (i_5 * 64u + j_5)] = v1_6;
      arena[929u + (i_5 * 64u + j_5)] = v2_6;
    }
    let i_6: u32 = row0 + (lid_2.y * 4u + 1u);
    let j_6: u32 = col0 + (lid_2.x * 4u + 2u);
    if (i_6 < m && j_6 < 64u) {
      let t6_7: f32 = arena[6946u + (i_6 * 64u + j_6)] + (acc12 - arena[6946u + (i_6 * 64u + j_6)]) * 0.1;
      let t7_6: f32 = arena[11042u + (i_6 * 64u + j_6)] + (acc12 * acc12 - arena[11042u + (i_6 * 64u + j_6)]) * 0.001;
      let v0_7: f32 = t6_7;
      let v1_7: f32 = t7_6;
      let v2_7: f32 = arena[929u + (i_6 * 64u + j_6)] - t6_7 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_6) + 1e-7);
      arena[6946u + (i_6 * 64u + j_6)] = v0_7;
      arena[11042u + (i_6 * 64u + j_6)] = v1_7;
      arena[929u + (i_6 * 64u + j_6)] = v2_7;
    }
    let i_7: u32 = row0 + (lid_2.y * 4u + 1u);
    let j_7: u32 = col0 + (lid_2.x * 4u + 3u);
    if (i_7 < m && j_7 < 64u) {
      let t6_8: f32 = arena[6946u + (i_7 * 64u + j_7)] + (acc13 - arena[6946u + (i_7 * 64u + j_7)]) * 0.1;
      let t7_7: f32 = arena[11042u + (i_7 * 64u + j_7)] + (acc13 * acc13 - arena[11042u + (i_7 * 64u + j_7)]) * 0.001;
      let v0_8: f32 = t6_8;
      let v1_8: f32 = t7_7;
      let v2_8: f32 = arena[929u + (i_7 * 64u + j_7)] - t6_8 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_7) + 1e-7);
      arena[6946u + (i_7 * 64u + j_7)] = v0_8;
      arena[11042u + (i_7 * 64u + j_7)] = v1_8;
      arena[929u + (i_7 * 64u + j_7)] = v2_8;
    }
    let i_8: u32 = row0 + (lid_2.y * 4u + 2u);
    let j_8: u32 = col0 + (lid_2.x * 4u + 0u);
    if (i_8 < m && j_8 < 64u) {
      let t6_9: f32 = arena[6946u + (i_8 * 64u + j_8)] + (acc20 - arena[6946u + (i_8 * 64u + j_8)]) * 0.1;
      let t7_8: f32 = arena[11042u + (i_8 * 64u + j_8)] + (acc20 * acc20 - arena[11042u + (i_8 * 64u + j_8)]) * 0.001;
      let v0_9: f32 = t6_9;
      let v1_9: f32 = t7_8;
      let v2_9: f32 = arena[929u + (i_8 * 64u + j_8)] - t6_9 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_8) + 1e-7);
      arena[6946u + (i_8 * 64u + j_8)] = v0_9;
      arena[11042u + (i_8 * 64u + j_8)] = v1_9;
      arena[929u + (i_8 * 64u + j_8)] = v2_9;
    }
    let i_9: u32 = row0 + (lid_2.y * 4u + 2u);
    let j_9: u32 = col0 + (lid_2.x * 4u + 1u);
    if (i_9 < m && j_9 < 64u) {
      let t6_10: f32 = arena[6946u + (i_9 * 64u + j_9)] + (acc21 - arena[6946u + (i_9 * 64u + j_9)]) * 0.1;
      let t7_9: f32 = arena[11042u + (i_9 * 64u + j_9)] + (acc21 * acc21 - arena[11042u + (i_9 * 64u + j_9)]) * 0.001;
      let v0_10: f32 = t6_10;
      let v1_10: f32 = t7_9;
      let v2_10: f32 = arena[929u + (i_9 * 64u + j_9)] - t6_10 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_9) + 1e-7);
      arena[6946u + (i_9 * 64u + j_9)] = v0_10;
      arena[11042u + (i_9 * 64u + j_9)] = v1_10;
      arena[929u + (i_9 * 64u + j_9)] = v2_10;
    }
    let i_10: u32 = row0 + (lid_2.y * 4u + 2u);
    let j_10: u32 = col0 + (lid_2.x * 4u + 2u);
    if (i_10 < m && j_10 < 64u) {
      let t6_11: f32 = arena[6946u + (i_10 * 64u + j_10)] + (acc22 - arena[6946u + (i_10 * 64u + j_10)]) * 0.1;
      let t7_10: f32 = arena[11042u + (i_10 * 64u + j_10)] + (acc22 * acc22 - arena[11042u + (i_10 * 64u + j_10)]) * 0.001;
      let v0_11: f32 = t6_11;
      let v1_11: f32 = t7_10;
      let v2_11: f32 = arena[929u + (i_10 * 64u + j_10)] - t6_11 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_10) + 1e-7);
      arena[6946u + (i_10 * 64u + j_10)] = v0_11;
      arena[11042u + (i_10 * 64u + j_10)] = v1_11;
      arena[929u + (i_10 * 64u + j_10)] = v2_11;
    }
    let i_11: u32 = row0 + (lid_2.y * 4u + 2u);
    let j_11: u32 = col0 + (lid_2.x * 4u + 3u);
    if (i_11 < m && j_11 < 64u) {
      let t6_12: f32 = arena[6946u + (i_11 * 64u + j_11)] + (acc23 - arena[6946u + (i_11 * 64u + j_11)]) * 0.1;
      let t7_11: f32 = arena[11042u + (i_11 * 64u + j_11)] + (acc23 * acc23 - arena[11042u + (i_11 * 64u + j_11)]) * 0.001;
      let v0_12: f32 = t6_12;
      let v1_12: f32 = t7_11;
      let v2_12: f32 = arena[929u + (i_11 * 64u + j_11)] - t6_12 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_11) + 1e-7);
      arena[6946u + (i_11 * 64u + j_11)] = v0_12;
      arena[11042u + (i_11 * 64u + j_11)] = v1_12;
      arena[929u + (i_11 * 64u + j_11)] = v2_12;
    }
    let i_12: u32 = row0 + (lid_2.y * 4u + 3u);
    let j_12: u32 = col0 + (lid_2.x * 4u + 0u);
    if (i_12 < m && j_12 < 64u) {
      let t6_13: f32 = arena[6946u + (i_12 * 64u + j_12)] + (acc30 - arena[6946u + (i_12 * 64u + j_12)]) * 0.1;
      let t7_12: f32 = arena[11042u + (i_12 * 64u + j_12)] + (acc30 * acc30 - arena[11042u + (i_12 * 64u + j_12)]) * 0.001;
      let v0_13: f32 = t6_13;
      let v1_13: f32 = t7_12;
      let v2_13: f32 = arena[929u + (i_12 * 64u + j_12)] - t6_13 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_12) + 1e-7);
      arena[6946u + (i_12 * 64u + j_12)] = v0_13;
      arena[11042u + (i_12 * 64u + j_12)] = v1_13;
      arena[929u + (i_12 * 64u + j_12)] = v2_13;
    }
    let i_13: u32 = row0 + (lid_2.y * 4u + 3u);
    let j_13: u32 = col0 + (lid_2.x * 4u + 1u);
    if (i_13 < m && j_13 < 64u) {
      let t6_14: f32 = arena[6946u + (i_13 * 64u + j_13)] + (acc31 - arena[6946u + (i_13 * 64u + j_13)]) * 0.1;
      let t7_13: f32 = arena[11042u + (i_13 * 64u + j_13)] + (acc31 * acc31 - arena[11042u + (i_13 * 64u + j_13)]) * 0.001;
      let v0_14: f32 = t6_14;
      let v1_14: f32 = t7_13;
      let v2_14: f32 = arena[929u + (i_13 * 64u + j_13)] - t6_14 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_13) + 1e-7);
      arena[6946u + (i_13 * 64u + j_13)] = v0_14;
      arena[11042u + (i_13 * 64u + j_13)] = v1_14;
      arena[929u + (i_13 * 64u + j_13)] = v2_14;
    }
    let i_14: u32 = row0 + (lid_2.y * 4u + 3u);
    let j_14: u32 = col0 + (lid_2.x * 4u + 2u);
    if (i_14 < m && j_14 < 64u) {
      let t6_15: f32 = arena[6946u + (i_14 * 64u + j_14)] + (acc32 - arena[6946u + (i_14 * 64u + j_14)]) * 0.1;
      let t7_14: f32 = arena[11042u + (i_14 * 64u + j_14)] + (acc32 * acc32 - arena[11042u + (i_14 * 64u + j_14)]) * 0.001;
      let v0_15: f32 = t6_15;
      let v1_15: f32 = t7_14;
      let v2_15: f32 = arena[929u + (i_14 * 64u + j_14)] - t6_15 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_14) + 1e-7);
      arena[6946u + (i_14 * 64u + j_14)] = v0_15;
      arena[11042u + (i_14 * 64u + j_14)] = v1_15;
      arena[929u + (i_14 * 64u + j_14)] = v2_15;
    }
    let i_15: u32 = row0 + (lid_2.y * 4u + 3u);
    let j_15: u32 = col0 + (lid_2.x * 4u + 3u);
    if (i_15 < m && j_15 < 64u) {
      let t6_16: f32 = arena[6946u + (i_15 * 64u + j_15)] + (acc33 - arena[6946u + (i_15 * 64u + j_15)]) * 0.1;
      let t7_15: f32 = arena[11042u + (i_15 * 64u + j_15)] + (acc33 * acc33 - arena[11042u + (i_15 * 64u + j_15)]) * 0.001;
      let v0_16: f32 = t6_16;
      let v1_16: f32 = t7_15;
      let v2_16: f32 = arena[929u + (i_15 * 64u + j_15)] - t6_16 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_15) + 1e-7);
      arena[6946u + (i_15 * 64u + j_15)] = v0_16;
      arena[11042u + (i_15 * 64u + j_15)] = v1_16;
      arena[929u + (i_15 * 64u + j_15)] = v2_16;
    }
  }
}

// ==== train.dense.grad.matmul@8.wgsl
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

var<workgroup> tile_a: array<f32, 1024>;
var<workgroup> tile_b: array<f32, 1024>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = 13u;
  let k_len: u32 = rows;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 4u * 16u;
  let col0: u32 = tile % 4u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 64u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e % 16u;
    let ak: u32 = e / 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[15407u + (aka * 13u + ai)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      bv = arena[26159u + (bka * 64u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 % 16u;
    let ak_1: u32 = e_1 / 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[15407u + (aka_1 * 13u + ai_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      bv_1 = arena[26159u + (bka_1 * 64u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 % 16u;
    let ak_2: u32 = e_2 / 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[15407u + (aka_2 * 13u + ai_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 64u) {
      bv_2 = arena[26159u + (bka_2 * 64u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 % 16u;
    let ak_3: u32 = e_3 / 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[15407u + (aka_3 * 13u + ai_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 64u) {
      bv_3 = arena[26159u + (bka_3 * 64u + bj_3)];
    }
    tile_b[bk_3 * 16u + bc_3] = bv_3;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 64u; kk++) {
      let a0: f32 = tile_a[lid.y * 64u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 64u) {
    let t6: f32 = arena[5154u + (i * 64u + j)] + (acc - arena[5154u + (i * 64u + j)]) * 0.1;
    let t7: f32 = arena[5986u + (i * 64u + j)] + (acc * acc - arena[5986u + (i * 64u + j)]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[33u + (i * 64u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[5154u + (i * 64u + j)] = v0;
    arena[5986u + (i * 64u + j)] = v1;
    arena[33u + (i * 64u + j)] = v2;
  }
}

// ==== evaluate.normalization.sqrt@7.wgsl
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

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let id: u32 = (wid.y * nwg.x + wid.x) * 64u + lid.x;
  let count: u32 = 13u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 13u;
    let j: u32 = (id - 0u) % 13u;
    let v0: f32 = max(sqrt(arena[20u + (i * 13u + j)]), 1e-7);
    arena[28207u + (i * 13u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.normalization.sub@7.wgsl
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

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let id: u32 = (wid.y * nwg.x + wid.x) * 64u + lid.x;
  let count: u32 = rows * 13u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 13u;
    let j: u32 = (id - 0u) % 13u;
    let v0: f32 = (features[permutation[offset + i] * 13u + j] - arena[7u + j]) / arena[28207u + j];
    arena[28220u + (i * 13u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.dense.matmul@8.wgsl
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

var<workgroup> tile_a: array<f32, 512>;
var<workgroup> tile_b: array<f32, 512>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 13u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 32u;
  let col0: u32 = tile % 2u * 32u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc00: f32 = 0.0;
  var acc01: f32 = 0.0;
  var acc10: f32 = 0.0;
  var acc11: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[28220u + (ai * 13u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      bv = arena[33u + (bka * 64u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[28220u + (ai_1 * 13u + aka_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      bv_1 = arena[33u + (bka_1 * 64u + bj_1)];
    }
    tile_b[bk_1 * 32u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 2u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 2u + 1u) * 16u + kk];
      let b0: f32 = tile_b[kk * 32u + (lid.x * 2u + 0u)];
      let b1: f32 = tile_b[kk * 32u + (lid.x * 2u + 1u)];
      acc00 += a0 * b0;
      acc01 += a0 * b1;
      acc10 += a1 * b0;
      acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + (lid.y * 2u + 0u);
  let j: u32 = col0 + (lid.x * 2u + 0u);
  if (i < m && j < 64u) {
    let v0: f32 = max(acc00 + arena[865u + j], 0.0);
    arena[28636u + (i * 64u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let v0_1: f32 = max(acc01 + arena[865u + j_1], 0.0);
    arena[28636u + (i_1 * 64u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 64u) {
    let v0_2: f32 = max(acc10 + arena[865u + j_2], 0.0);
    arena[28636u + (i_2 * 64u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 64u) {
    let v0_3: f32 = max(acc11 + arena[865u + j_3], 0.0);
    arena[28636u + (i_3 * 64u + j_3)] = v0_3;
  }
}

// ==== evaluate.dense_1.matmul@9.wgsl
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

var<workgroup> tile_a: array<f32, 512>;
var<workgroup> tile_b: array<f32, 512>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 64u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 32u;
  let col0: u32 = tile % 2u * 32u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc00: f32 = 0.0;
  var acc01: f32 = 0.0;
  var acc10: f32 = 0.0;
  var acc11: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[28636u + (ai * 64u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      bv = arena[929u + (bka * 64u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[28636u + (ai_1 * 64u + aka_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      bv_1 = arena[929u + (bka_1 * 64u + bj_1)];
    }
    tile_b[bk_1 * 32u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 2u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 2u + 1u) * 16u + kk];
      let b0: f32 = tile_b[kk * 32u + (lid.x * 2u + 0u)];
      let b1: f32 = tile_b[kk * 32u + (lid.x * 2u + 1u)];
      acc00 += a0 * b0;
      acc01 += a0 * b1;
      acc10 += a1 * b0;
      acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + (lid.y * 2u + 0u);
  let j: u32 = col0 + (lid.x * 2u + 0u);
  if (i < m && j < 64u) {
    let v0: f32 = max(acc00 + arena[5025u + j], 0.0);
    arena[30684u + (i * 64u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let v0_1: f32 = max(acc01 + arena[5025u + j_1], 0.0);
    arena[30684u + (i_1 * 64u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 64u) {
    let v0_2: f32 = max(acc10 + arena[5025u + j_2], 0.0);
    arena[30684u + (i_2 * 64u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 64u) {
    let v0_3: f32 = max(acc11 + arena[5025u + j_3], 0.0);
    arena[30684u + (i_3 * 64u + j_3)] = v0_3;
  }
}

// ==== evaluate.dense_2.matmul@10.wgsl
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

var<workgroup> tile_a: array<f32, 1024>;
var<workgroup> tile_b: array<f32, 1024>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 64u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 64u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 64u;
    let ak: u32 = e % 64u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[30684u + (ai * 64u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[5089u + bka];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[30684u + (ai_1 * 64u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 1u) {
      bv_1 = arena[5089u + bka_1];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[30684u + (ai_2 * 64u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 1u) {
      bv_2 = arena[5089u + bka_2];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[30684u + (ai_3 * 64u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 1u) {
      bv_3 = arena[5089u + bka_3];
    }
    tile_b[bk_3 * 16u + bc_3] = bv_3;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 64u; kk++) {
      let a0: f32 = tile_a[lid.y * 64u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 1u) {
    let t2: f32 = acc + arena[5153u] - labels[permutation[offset + i]];
    let v0: f32 = t2 * t2;
    let v1: f32 = abs(t2);
    arena[32732u + i] = v0;
    arena[32764u + i] = v1;
  }
}

// ==== evaluate.accumulate.sum_all@14.wgsl
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

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  var acc0: f32 = 0.0;
  var acc1: f32 = 0.0;
  for (var e: u32 = lid.x; e < rows; e += 256u) {
    let x0: f32 = arena[32732u + e];
    acc0 += x0;
    let x1: f32 = arena[32764u + e];
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
    let v0: f32 = arena[5u] + total0;
    let v1: f32 = arena[6u] + total1;
    arena[5u] = v0;
    arena[6u] = v1;
  }
}

// ==== predict.normalization.sqrt@7.wgsl
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

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let id: u32 = (wid.y * nwg.x + wid.x) * 64u + lid.x;
  let count: u32 = 13u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 13u;
    let j: u32 = (id - 0u) % 13u;
    let v0: f32 = max(sqrt(arena[20u + (i * 13u + j)]), 1e-7);
    arena[32796u + (i * 13u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== predict.normalization.sub@7.wgsl
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

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let id: u32 = (wid.y * nwg.x + wid.x) * 64u + lid.x;
  let count: u32 = rows * 13u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 13u;
    let j: u32 = (id - 0u) % 13u;
    let v0: f32 = (features[permutation[offset + i] * 13u + j] - arena[7u + j]) / arena[32796u + j];
    arena[32809u + (i * 13u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== predict.dense.matmul@8.wgsl
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

var<workgroup> tile_a: array<f32, 512>;
var<workgroup> tile_b: array<f32, 512>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 13u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 32u;
  let col0: u32 = tile % 2u * 32u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc00: f32 = 0.0;
  var acc01: f32 = 0.0;
  var acc10: f32 = 0.0;
  var acc11: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[32809u + (ai * 13u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      bv = arena[33u + (bka * 64u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[32809u + (ai_1 * 13u + aka_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      bv_1 = arena[33u + (bka_1 * 64u + bj_1)];
    }
    tile_b[bk_1 * 32u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 2u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 2u + 1u) * 16u + kk];
      let b0: f32 = tile_b[kk * 32u + (lid.x * 2u + 0u)];
      let b1: f32 = tile_b[kk * 32u + (lid.x * 2u + 1u)];
      acc00 += a0 * b0;
      acc01 += a0 * b1;
      acc10 += a1 * b0;
      acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + (lid.y * 2u + 0u);
  let j: u32 = col0 + (lid.x * 2u + 0u);
  if (i < m && j < 64u) {
    let v0: f32 = max(acc00 + arena[865u + j], 0.0);
    arena[33225u + (i * 64u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let v0_1: f32 = max(acc01 + arena[865u + j_1], 0.0);
    arena[33225u + (i_1 * 64u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 64u) {
    let v0_2: f32 = max(acc10 + arena[865u + j_2], 0.0);
    arena[33225u + (i_2 * 64u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 64u) {
    let v0_3: f32 = max(acc11 + arena[865u + j_3], 0.0);
    arena[33225u + (i_3 * 64u + j_3)] = v0_3;
  }
}

// ==== predict.dense_1.matmul@9.wgsl
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

var<workgroup> tile_a: array<f32, 512>;
var<workgroup> tile_b: array<f32, 512>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 64u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 32u;
  let col0: u32 = tile % 2u * 32u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc00: f32 = 0.0;
  var acc01: f32 = 0.0;
  var acc10: f32 = 0.0;
  var acc11: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[33225u + (ai * 64u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      bv = arena[929u + (bka * 64u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[33225u + (ai_1 * 64u + aka_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      bv_1 = arena[929u + (bka_1 * 64u + bj_1)];
    }
    tile_b[bk_1 * 32u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 2u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 2u + 1u) * 16u + kk];
      let b0: f32 = tile_b[kk * 32u + (lid.x * 2u + 0u)];
      let b1: f32 = tile_b[kk * 32u + (lid.x * 2u + 1u)];
      acc00 += a0 * b0;
      acc01 += a0 * b1;
      acc10 += a1 * b0;
      acc11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + (lid.y * 2u + 0u);
  let j: u32 = col0 + (lid.x * 2u + 0u);
  if (i < m && j < 64u) {
    let v0: f32 = max(acc00 + arena[5025u + j], 0.0);
    arena[35273u + (i * 64u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let v0_1: f32 = max(acc01 + arena[5025u + j_1], 0.0);
    arena[35273u + (i_1 * 64u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 64u) {
    let v0_2: f32 = max(acc10 + arena[5025u + j_2], 0.0);
    arena[35273u + (i_2 * 64u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 64u) {
    let v0_3: f32 = max(acc11 + arena[5025u + j_3], 0.0);
    arena[35273u + (i_3 * 64u + j_3)] = v0_3;
  }
}

// ==== predict.dense_2.matmul@10.wgsl
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

var<workgroup> tile_a: array<f32, 1024>;
var<workgroup> tile_b: array<f32, 1024>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 64u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 64u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 64u;
    let ak: u32 = e % 64u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[35273u + (ai * 64u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[5089u + bka];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[35273u + (ai_1 * 64u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 1u) {
      bv_1 = arena[5089u + bka_1];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[35273u + (ai_2 * 64u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 1u) {
      bv_2 = arena[5089u + bka_2];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[35273u + (ai_3 * 64u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 1u) {
      bv_3 = arena[5089u + bka_3];
    }
    tile_b[bk_3 * 16u + bc_3] = bv_3;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 64u; kk++) {
      let a0: f32 = tile_a[lid.y * 64u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 1u) {
    let v0: f32 = acc + arena[5153u];
    output[step.base + offset + i] = v0;
  }
}
