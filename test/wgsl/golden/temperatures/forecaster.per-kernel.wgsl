// ==== train.rescaling.mul@20.wgsl
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
  let count: u32 = rows * 30u;
  if (id >= 0u && id < 0u + count) {
    let i1: u32 = (id - 0u) % 30u;
    let r1: u32 = (id - 0u) / 30u;
    let v0: f32 = features[permutation[offset + r1] * 30u + i1] * 0.1;
    arena[13158u + (r1 * 30u + i1)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.lstm.contract@21.wgsl
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
  let m: u32 = rows * 30u;
  let k_len: u32 = 1u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 64u;
  let col0: u32 = tile % 2u * 64u;
  let flat: u32 = lid.y * 16u + lid.x;
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
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x1: u32 = ai % 30u;
      let xr1: u32 = ai / 30u;
      a = arena[13158u + (xr1 * 30u + x1)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 64u;
    let bc: u32 = e % 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 128u) {
      bv = arena[5u + bj];
    }
    tile_b[bk * 64u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x1_1: u32 = ai_1 % 30u;
      let xr1_1: u32 = ai_1 / 30u;
      a_1 = arena[13158u + (xr1_1 * 30u + x1_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 64u;
    let bc_1: u32 = e_1 % 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 128u) {
      bv_1 = arena[5u + bj_1];
    }
    tile_b[bk_1 * 64u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 16u;
    let ak_2: u32 = e_2 % 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x1_2: u32 = ai_2 % 30u;
      let xr1_2: u32 = ai_2 / 30u;
      a_2 = arena[13158u + (xr1_2 * 30u + x1_2)];
    }
    tile_a[ar_2 * 16u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 64u;
    let bc_2: u32 = e_2 % 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 128u) {
      bv_2 = arena[5u + bj_2];
    }
    tile_b[bk_2 * 64u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 16u;
    let ak_3: u32 = e_3 % 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x1_3: u32 = ai_3 % 30u;
      let xr1_3: u32 = ai_3 / 30u;
      a_3 = arena[13158u + (xr1_3 * 30u + x1_3)];
    }
    tile_a[ar_3 * 16u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 64u;
    let bc_3: u32 = e_3 % 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 128u) {
      bv_3 = arena[5u + bj_3];
    }
    tile_b[bk_3 * 64u + bc_3] = bv_3;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 4u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 4u + 1u) * 16u + kk];
      let a2: f32 = tile_a[(lid.y * 4u + 2u) * 16u + kk];
      let a3: f32 = tile_a[(lid.y * 4u + 3u) * 16u + kk];
      let b0: f32 = tile_b[kk * 64u + (lid.x * 4u + 0u)];
      let b1: f32 = tile_b[kk * 64u + (lid.x * 4u + 1u)];
      let b2: f32 = tile_b[kk * 64u + (lid.x * 4u + 2u)];
      let b3: f32 = tile_b[kk * 64u + (lid.x * 4u + 3u)];
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
  let i: u32 = row0 + (lid.y * 4u + 0u);
  let j: u32 = col0 + (lid.x * 4u + 0u);
  if (i < m && j < 128u) {
    let m1: u32 = i % 30u;
    let mr1: u32 = i / 30u;
    let v0: f32 = acc00 + arena[4229u + j];
    arena[14118u + (mr1 * 3840u + m1 * 128u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 4u + 0u);
  let j_1: u32 = col0 + (lid.x * 4u + 1u);
  if (i_1 < m && j_1 < 128u) {
    let m1_1: u32 = i_1 % 30u;
    let mr1_1: u32 = i_1 / 30u;
    let v0_1: f32 = acc01 + arena[4229u + j_1];
    arena[14118u + (mr1_1 * 3840u + m1_1 * 128u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 4u + 0u);
  let j_2: u32 = col0 + (lid.x * 4u + 2u);
  if (i_2 < m && j_2 < 128u) {
    let m1_2: u32 = i_2 % 30u;
    let mr1_2: u32 = i_2 / 30u;
    let v0_2: f32 = acc02 + arena[4229u + j_2];
    arena[14118u + (mr1_2 * 3840u + m1_2 * 128u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 4u + 0u);
  let j_3: u32 = col0 + (lid.x * 4u + 3u);
  if (i_3 < m && j_3 < 128u) {
    let m1_3: u32 = i_3 % 30u;
    let mr1_3: u32 = i_3 / 30u;
    let v0_3: f32 = acc03 + arena[4229u + j_3];
    arena[14118u + (mr1_3 * 3840u + m1_3 * 128u + j_3)] = v0_3;
  }
  let i_4: u32 = row0 + (lid.y * 4u + 1u);
  let j_4: u32 = col0 + (lid.x * 4u + 0u);
  if (i_4 < m && j_4 < 128u) {
    let m1_4: u32 = i_4 % 30u;
    let mr1_4: u32 = i_4 / 30u;
    let v0_4: f32 = acc10 + arena[4229u + j_4];
    arena[14118u + (mr1_4 * 3840u + m1_4 * 128u + j_4)] = v0_4;
  }
  let i_5: u32 = row0 + (lid.y * 4u + 1u);
  let j_5: u32 = col0 + (lid.x * 4u + 1u);
  if (i_5 < m && j_5 < 128u) {
    let m1_5: u32 = i_5 % 30u;
    let mr1_5: u32 = i_5 / 30u;
    let v0_5: f32 = acc11 + arena[4229u + j_5];
    arena[14118u + (mr1_5 * 3840u + m1_5 * 128u + j_5)] = v0_5;
  }
  let i_6: u32 = row0 + (lid.y * 4u + 1u);
  let j_6: u32 = col0 + (lid.x * 4u + 2u);
  if (i_6 < m && j_6 < 128u) {
    let m1_6: u32 = i_6 % 30u;
    let mr1_6: u32 = i_6 / 30u;
    let v0_6: f32 = acc12 + arena[4229u + j_6];
    arena[14118u + (mr1_6 * 3840u + m1_6 * 128u + j_6)] = v0_6;
  }
  let i_7: u32 = row0 + (lid.y * 4u + 1u);
  let j_7: u32 = col0 + (lid.x * 4u + 3u);
  if (i_7 < m && j_7 < 128u) {
    let m1_7: u32 = i_7 % 30u;
    let mr1_7: u32 = i_7 / 30u;
    let v0_7: f32 = acc13 + arena[4229u + j_7];
    arena[14118u + (mr1_7 * 3840u + m1_7 * 128u + j_7)] = v0_7;
  }
  let i_8: u32 = row0 + (lid.y * 4u + 2u);
  let j_8: u32 = col0 + (lid.x * 4u + 0u);
  if (i_8 < m && j_8 < 128u) {
    let m1_8: u32 = i_8 % 30u;
    let mr1_8: u32 = i_8 / 30u;
    let v0_8: f32 = acc20 + arena[4229u + j_8];
    arena[14118u + (mr1_8 * 3840u + m1_8 * 128u + j_8)] = v0_8;
  }
  let i_9: u32 = row0 + (lid.y * 4u + 2u);
  let j_9: u32 = col0 + (lid.x * 4u + 1u);
  if (i_9 < m && j_9 < 128u) {
    let m1_9: u32 = i_9 % 30u;
    let mr1_9: u32 = i_9 / 30u;
    let v0_9: f32 = acc21 + arena[4229u + j_9];
    arena[14118u + (mr1_9 * 3840u + m1_9 * 128u + j_9)] = v0_9;
  }
  let i_10: u32 = row0 + (lid.y * 4u + 2u);
  let j_10: u32 = col0 + (lid.x * 4u + 2u);
  if (i_10 < m && j_10 < 128u) {
    let m1_10: u32 = i_10 % 30u;
    let mr1_10: u32 = i_10 / 30u;
    let v0_10: f32 = acc22 + arena[4229u + j_10];
    arena[14118u + (mr1_10 * 3840u + m1_10 * 128u + j_10)] = v0_10;
  }
  let i_11: u32 = row0 + (lid.y * 4u + 2u);
  let j_11: u32 = col0 + (lid.x * 4u + 3u);
  if (i_11 < m && j_11 < 128u) {
    let m1_11: u32 = i_11 % 30u;
    let mr1_11: u32 = i_11 / 30u;
    let v0_11: f32 = acc23 + arena[4229u + j_11];
    arena[14118u + (mr1_11 * 3840u + m1_11 * 128u + j_11)] = v0_11;
  }
  let i_12: u32 = row0 + (lid.y * 4u + 3u);
  let j_12: u32 = col0 + (lid.x * 4u + 0u);
  if (i_12 < m && j_12 < 128u) {
    let m1_12: u32 = i_12 % 30u;
    let mr1_12: u32 = i_12 / 30u;
    let v0_12: f32 = acc30 + arena[4229u + j_12];
    arena[14118u + (mr1_12 * 3840u + m1_12 * 128u + j_12)] = v0_12;
  }
  let i_13: u32 = row0 + (lid.y * 4u + 3u);
  let j_13: u32 = col0 + (lid.x * 4u + 1u);
  if (i_13 < m && j_13 < 128u) {
    let m1_13: u32 = i_13 % 30u;
    let mr1_13: u32 = i_13 / 30u;
    let v0_13: f32 = acc31 + arena[4229u + j_13];
    arena[14118u + (mr1_13 * 3840u + m1_13 * 128u + j_13)] = v0_13;
  }
  let i_14: u32 = row0 + (lid.y * 4u + 3u);
  let j_14: u32 = col0 + (lid.x * 4u + 2u);
  if (i_14 < m && j_14 < 128u) {
    let m1_14: u32 = i_14 % 30u;
    let mr1_14: u32 = i_14 / 30u;
    let v0_14: f32 = acc32 + arena[4229u + j_14];
    arena[14118u + (mr1_14 * 3840u + m1_14 * 128u + j_14)] = v0_14;
  }
  let i_15: u32 = row0 + (lid.y * 4u + 3u);
  let j_15: u32 = col0 + (lid.x * 4u + 3u);
  if (i_15 < m && j_15 < 128u) {
    let m1_15: u32 = i_15 % 30u;
    let mr1_15: u32 = i_15 / 30u;
    let v0_15: f32 = acc33 + arena[4229u + j_15];
    arena[14118u + (mr1_15 * 3840u + m1_15 * 128u + j_15)] = v0_15;
  }
}

// ==== train.lstm.recurrence.carry_init@21+lstm.recurrence.carry_init_1@21.wgsl
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
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // lstm.recurrence.carry_init
  let nx: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny: u32 = 1u;
  let end: u32 = 0u + nx * ny;
  if (w >= 0u && w < end) {
    let part: u32 = w - 0u;
    let lid_1: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_1: vec3<u32> = vec3<u32>(part % nx, part / nx, 0u);
    let gid_1: vec3<u32> = vec3<u32>(wid_1.x * 64u + lid_1.x, wid_1.y * 1u + lid_1.y, 0u);
    let nwg_1: vec3<u32> = vec3<u32>(nx, ny, 1u);
    let offset: u32 = step.offset;
    let rows_1: u32 = step.rows;
    let t: u32 = step.step;
    let id: u32 = (wid_1.y * nwg_1.x + wid_1.x) * 64u + lid_1.x;
    let count: u32 = rows_1 * 32u;
    if (id >= 0u && id < 0u + count) {
      let i: u32 = (id - 0u) / 32u;
      let j: u32 = (id - 0u) % 32u;
      let v0: f32 = 0.0;
      arena[202534u + (i * 32u + j)] = v0;
    }
    let end_1: u32 = 0u + count;
  }
  // lstm.recurrence.carry_init#1
  let nx_1: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny_1: u32 = 1u;
  let end_2: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_2) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 64u + lid_2.x, wid_2.y * 1u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let id_1: u32 = (wid_2.y * nwg_2.x + wid_2.x) * 64u + lid_2.x;
    let count_1: u32 = rows_2 * 32u;
    if (id_1 >= 0u && id_1 < 0u + count_1) {
      let i_1: u32 = (id_1 - 0u) / 32u;
      let j_1: u32 = (id_1 - 0u) % 32u;
      let v0_1: f32 = 0.0;
      arena[203558u + (i_1 * 32u + j_1)] = v0_1;
    }
    let end_3: u32 = 0u + count_1;
  }
}

// ==== train.lstm.recurrence.steps@21.wgsl
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
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let row_base: u32 = (wid.y * nwg.x + wid.x) * 2u;
  let slice_rows: u32 = min(row_base + 2u, rows) - min(row_base, rows);
  for (var step_1: u32 = 0u; step_1 < 30u; step_1++) {
    let time: u32 = step_1;
    // lstm.recurrence.recurrent
    for (var e: u32 = lid.x; e < slice_rows * 128u; e += 256u) {
      let i: u32 = e / 128u;
      let j: u32 = e % 128u;
      let row: u32 = i + row_base;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 32u; k++) {
        acc += arena[202534u + (row * 32u + k)] * arena[133u + (k * 128u + j)];
      }
      let v0: f32 = acc;
      arena[198438u + (row * 128u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.cell
    for (var e_1: u32 = lid.x; e_1 < slice_rows * 32u; e_1 += 256u) {
      let i_1: u32 = e_1 / 32u;
      let j_1: u32 = e_1 % 32u;
      let row_1: u32 = i_1 + row_base;
      let c10: f32 = nn_sigmoid(arena[14118u + (row_1 * 3840u + time * 128u + (j_1 + 32u))] + arena[198438u + (row_1 * 128u + (j_1 + 32u))]) * arena[203558u + (row_1 * 32u + j_1)] + nn_sigmoid(arena[14118u + (row_1 * 3840u + time * 128u + j_1)] + arena[198438u + (row_1 * 128u + j_1)]) * tanh(clamp(arena[14118u + (row_1 * 3840u + time * 128u + (j_1 + 64u))] + arena[198438u + (row_1 * 128u + (j_1 + 64u))], -15.0, 15.0));
      let c12: f32 = nn_sigmoid(arena[14118u + (row_1 * 3840u + time * 128u + (j_1 + 96u))] + arena[198438u + (row_1 * 128u + (j_1 + 96u))]) * tanh(clamp(c10, -15.0, 15.0));
      let v0_1: f32 = c12;
      let v1: f32 = c12;
      let v2: f32 = c10;
      let v3: f32 = c10;
      arena[136998u + (row_1 * 1920u + time * 64u + j_1)] = v0_1;
      arena[202534u + (row_1 * 32u + j_1)] = v1;
      arena[136998u + (row_1 * 1920u + time * 64u + (j_1 + 32u))] = v2;
      arena[203558u + (row_1 * 32u + j_1)] = v3;
    }
    storageBarrier();
    workgroupBarrier();
  }
}

// ==== train.lstm.reshape@21.wgsl
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
  let count: u32 = rows * 32u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 32u;
    let r2: u32 = (id - 0u) / 32u;
    let v0: f32 = arena[136998u + (r2 * 1920u + 29u * 64u + i2)];
    arena[204582u + (r2 * 32u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.dense.matmul@22.wgsl
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
  let k_len: u32 = 32u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 32u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 32u;
    let ak: u32 = e % 32u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[204582u + (ai * 32u + aka)];
    }
    tile_a[ar * 32u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[4357u + bka];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 32u;
    let ak_1: u32 = e_1 % 32u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[204582u + (ai_1 * 32u + aka_1)];
    }
    tile_a[ar_1 * 32u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 1u) {
      bv_1 = arena[4357u + bka_1];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 32u; kk++) {
      let a0: f32 = tile_a[lid.y * 32u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 1u) {
    let t2: f32 = acc + arena[4389u] - labels[permutation[offset + i]];
    let v0: f32 = abs(t2);
    let v1: f32 = 1.0 / f32(rows) * sign(t2);
    arena[205606u + i] = v0;
    arena[205638u + i] = v1;
  }
}

// ==== train.accumulate.sum_all@26+dense.grad.matmul@22.wgsl
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
    for (var e: u32 = lid_1.x; e < rows_1; e += 256u) {
      let x0: f32 = arena[205606u + e];
      acc0 += x0;
      let x1: f32 = arena[205638u + e];
      acc1 += x1;
    }
    k0_partials[0u + lid_1.x] = acc0;
    k0_partials[256u + lid_1.x] = acc1;
    workgroupBarrier();
    if (lid_1.x < 16u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[16u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[272u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 8u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[8u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[264u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 4u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[4u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[260u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 2u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[2u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[258u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 1u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[1u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[257u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x == 0u) {
      let total0: f32 = k0_partials[0u];
      let total1: f32 = k0_partials[256u];
      let t18: f32 = arena[2u] + (total1 - arena[2u]) * 0.1;
      let t19: f32 = arena[3u] + (total1 * total1 - arena[3u]) * 0.001;
      let v0: f32 = arena[0u] + total0;
      let v1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2: f32 = t18;
      let v3: f32 = t19;
      let v4: f32 = arena[4389u] - t18 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t19) + 1e-7);
      arena[0u] = v0;
      arena[1u] = v1;
      arena[2u] = v2;
      arena[3u] = v3;
      arena[4389u] = v4;
    }
  }
  // dense.grad.matmul
  let nx_1: u32 = 1u;
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
    let row0: u32 = tile / 1u * 32u;
    let col0: u32 = tile % 1u * 32u;
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
        a = arena[205638u + ai];
      }
      k1_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e_1 % 16u;
      let bc: u32 = e_1 / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 32u) {
        bv = arena[4357u + bj];
      }
      k1_tile_b[bk * 32u + bc] = bv;
      let e_2: u32 = flat + 256u;
      let ar_1: u32 = e_2 / 16u;
      let ak_1: u32 = e_2 % 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[205638u + ai_1];
      }
      k1_tile_a[ar_1 * 16u + ak_1] = a_1;
      let bk_1: u32 = e_2 % 16u;
      let bc_1: u32 = e_2 / 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 32u) {
        bv_1 = arena[4357u + bj_1];
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
    if (i < m && j < 32u) {
      let v0_1: f32 = acc00;
      arena[205670u + (i * 32u + j)] = v0_1;
    }
    let i_1: u32 = row0 + (lid_2.y * 2u + 0u);
    let j_1: u32 = col0 + (lid_2.x * 2u + 1u);
    if (i_1 < m && j_1 < 32u) {
      let v0_2: f32 = acc01;
      arena[205670u + (i_1 * 32u + j_1)] = v0_2;
    }
    let i_2: u32 = row0 + (lid_2.y * 2u + 1u);
    let j_2: u32 = col0 + (lid_2.x * 2u + 0u);
    if (i_2 < m && j_2 < 32u) {
      let v0_3: f32 = acc10;
      arena[205670u + (i_2 * 32u + j_2)] = v0_3;
    }
    let i_3: u32 = row0 + (lid_2.y * 2u + 1u);
    let j_3: u32 = col0 + (lid_2.x * 2u + 1u);
    if (i_3 < m && j_3 < 32u) {
      let v0_4: f32 = acc11;
      arena[205670u + (i_3 * 32u + j_3)] = v0_4;
    }
  }
}

// ==== train.dense.grad.matmul_1@22.wgsl
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
  let m: u32 = 32u;
  let k_len: u32 = rows;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
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
      a = arena[204582u + (aka * 32u + ai)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[205638u + bka];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 % 16u;
    let ak_1: u32 = e_1 / 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[204582u + (aka_1 * 32u + ai_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 1u) {
      bv_1 = arena[205638u + bka_1];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 % 16u;
    let ak_2: u32 = e_2 / 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[204582u + (aka_2 * 32u + ai_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 1u) {
      bv_2 = arena[205638u + bka_2];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 % 16u;
    let ak_3: u32 = e_3 / 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[204582u + (aka_3 * 32u + ai_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 1u) {
      bv_3 = arena[205638u + bka_3];
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
    let t6: f32 = arena[13094u + i] + (acc - arena[13094u + i]) * 0.1;
    let t7: f32 = arena[13126u + i] + (acc * acc - arena[13126u + i]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[4357u + i] - t6 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[13094u + i] = v0;
    arena[13126u + i] = v1;
    arena[4357u + i] = v2;
  }
}

// ==== train.lstm.grad.pad@21+lstm.grad.recurrence_grad.carry_init@21+lstm.grad.recurrence_grad.carry_init_1@21.wgsl
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
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // lstm.grad.pad
  let nx: u32 = max(1u, (rows * 960u + 63u) / 64u);
  let ny: u32 = 1u;
  let end: u32 = 0u + nx * ny;
  if (w >= 0u && w < end) {
    let part: u32 = w - 0u;
    let lid_1: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_1: vec3<u32> = vec3<u32>(part % nx, part / nx, 0u);
    let gid_1: vec3<u32> = vec3<u32>(wid_1.x * 64u + lid_1.x, wid_1.y * 1u + lid_1.y, 0u);
    let nwg_1: vec3<u32> = vec3<u32>(nx, ny, 1u);
    let offset: u32 = step.offset;
    let rows_1: u32 = step.rows;
    let t: u32 = step.step;
    let id: u32 = (wid_1.y * nwg_1.x + wid_1.x) * 64u + lid_1.x;
    let count: u32 = rows_1 * 960u;
    if (id >= 0u && id < 0u + count) {
      let i2: u32 = (id - 0u) % 32u;
      let r2: u32 = (id - 0u) / 32u;
      let i1: u32 = r2 % 30u;
      let r1: u32 = r2 / 30u;
      let v0: f32 = select(0.0, arena[205670u + (r1 * 32u + (i1 - 29u) * 32u + i2)], (i1 - 29u < 1u));
      arena[206694u + (r1 * 960u + i1 * 32u + i2)] = v0;
    }
    let end_1: u32 = 0u + count;
  }
  // lstm.grad.recurrence_grad.carry_init
  let nx_1: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny_1: u32 = 1u;
  let end_2: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_2) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 64u + lid_2.x, wid_2.y * 1u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let id_1: u32 = (wid_2.y * nwg_2.x + wid_2.x) * 64u + lid_2.x;
    let count_1: u32 = rows_2 * 32u;
    if (id_1 >= 0u && id_1 < 0u + count_1) {
      let i: u32 = (id_1 - 0u) / 32u;
      let j: u32 = (id_1 - 0u) % 32u;
      let v0_1: f32 = 0.0;
      arena[487270u + (i * 32u + j)] = v0_1;
    }
    let end_3: u32 = 0u + count_1;
  }
  // lstm.grad.recurrence_grad.carry_init#1
  let nx_2: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny_2: u32 = 1u;
  let end_4: u32 = end_2 + nx_2 * ny_2;
  if (w >= end_2 && w < end_4) {
    let part_2: u32 = w - end_2;
    let lid_3: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_3: vec3<u32> = vec3<u32>(part_2 % nx_2, part_2 / nx_2, 0u);
    let gid_3: vec3<u32> = vec3<u32>(wid_3.x * 64u + lid_3.x, wid_3.y * 1u + lid_3.y, 0u);
    let nwg_3: vec3<u32> = vec3<u32>(nx_2, ny_2, 1u);
    let offset_2: u32 = step.offset;
    let rows_3: u32 = step.rows;
    let t_2: u32 = step.step;
    let id_2: u32 = (wid_3.y * nwg_3.x + wid_3.x) * 64u + lid_3.x;
    let count_2: u32 = rows_3 * 32u;
    if (id_2 >= 0u && id_2 < 0u + count_2) {
      let i_1: u32 = (id_2 - 0u) / 32u;
      let j_1: u32 = (id_2 - 0u) % 32u;
      let v0_2: f32 = 0.0;
      arena[488294u + (i_1 * 32u + j_1)] = v0_2;
    }
    let end_5: u32 = 0u + count_2;
  }
}

// ==== train.lstm.grad.recurrence_grad.steps@21.wgsl
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
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let row_base: u32 = (wid.y * nwg.x + wid.x) * 2u;
  let slice_rows: u32 = min(row_base + 2u, rows) - min(row_base, rows);
  for (var step_1: u32 = 0u; step_1 < 30u; step_1++) {
    let time: u32 = 29u - step_1;
    // lstm.grad.recurrence_grad.h_prev
    for (var e: u32 = lid.x; e < slice_rows * 32u; e += 256u) {
      let i: u32 = e / 32u;
      let j: u32 = e % 32u;
      let row: u32 = i + row_base;
      let v0: f32 = select(0.0, arena[136998u + (row * 1920u + (time - 1u) * 64u + j)], (time - 1u < 30u));
      arena[489318u + (row * 32u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.recurrence_grad.recurrent
    for (var e_1: u32 = lid.x; e_1 < slice_rows * 128u; e_1 += 256u) {
      let i_1: u32 = e_1 / 128u;
      let j_1: u32 = e_1 % 128u;
      let row_1: u32 = i_1 + row_base;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 32u; k++) {
        acc += arena[489318u + (row_1 * 32u + k)] * arena[133u + (k * 128u + j_1)];
      }
      let v0_1: f32 = acc;
      arena[483174u + (row_1 * 128u + j_1)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.recurrence_grad.cell_grad
    for (var e_2: u32 = lid.x; e_2 < slice_rows * 32u; e_2 += 256u) {
      let i_2: u32 = e_2 / 32u;
      let j_2: u32 = e_2 % 32u;
      let row_2: u32 = i_2 + row_base;
      let c4: f32 = nn_sigmoid(arena[14118u + (row_2 * 3840u + time * 128u + j_2)] + arena[483174u + (row_2 * 128u + j_2)]);
      let c5: f32 = nn_sigmoid(arena[14118u + (row_2 * 3840u + time * 128u + (j_2 + 32u))] + arena[483174u + (row_2 * 128u + (j_2 + 32u))]);
      let c6: f32 = tanh(clamp(arena[14118u + (row_2 * 3840u + time * 128u + (j_2 + 64u))] + arena[483174u + (row_2 * 128u + (j_2 + 64u))], -15.0, 15.0));
      let c7: f32 = nn_sigmoid(arena[14118u + (row_2 * 3840u + time * 128u + (j_2 + 96u))] + arena[483174u + (row_2 * 128u + (j_2 + 96u))]);
      let c9: f32 = tanh(clamp(arena[136998u + (row_2 * 1920u + time * 64u + (j_2 + 32u))], -15.0, 15.0));
      let c13: f32 = select(0.0, arena[206694u + (row_2 * 960u + time * 32u + (j_2 + 32u))], (j_2 + 32u < 32u)) + arena[488294u + (row_2 * 32u + j_2)] + (select(0.0, arena[206694u + (row_2 * 960u + time * 32u + j_2)], (j_2 < 32u)) + arena[487270u + (row_2 * 32u + j_2)]) * c7 * (1.0 - c9 * c9);
      let c17: f32 = c13 * c6 * (c4 * (1.0 - c4));
      let c21: f32 = c13 * select(0.0, arena[136998u + (row_2 * 1920u + (time - 1u) * 64u + (j_2 + 32u))], (time - 1u < 30u)) * (c5 * (1.0 - c5));
      let c25: f32 = c13 * c4 * (1.0 - c6 * c6);
      let c29: f32 = (select(0.0, arena[206694u + (row_2 * 960u + time * 32u + j_2)], (j_2 < 32u)) + arena[487270u + (row_2 * 32u + j_2)]) * c9 * (c7 * (1.0 - c7));
      let v0_2: f32 = c17;
      let v1: f32 = c21;
      let v2: f32 = c25;
      let v3: f32 = c29;
      let v4: f32 = c17;
      let v5: f32 = c21;
      let v6: f32 = c25;
      let v7: f32 = c29;
      let v8: f32 = c13 * c5;
      arena[237414u + (row_2 * 7680u + time * 256u + j_2)] = v0_2;
      arena[237414u + (row_2 * 7680u + time * 256u + (j_2 + 32u))] = v1;
      arena[237414u + (row_2 * 7680u + time * 256u + (j_2 + 64u))] = v2;
      arena[237414u + (row_2 * 7680u + time * 256u + (j_2 + 96u))] = v3;
      arena[237414u + (row_2 * 7680u + time * 256u + (j_2 + 128u))] = v4;
      arena[237414u + (row_2 * 7680u + time * 256u + (j_2 + 160u))] = v5;
      arena[237414u + (row_2 * 7680u + time * 256u + (j_2 + 192u))] = v6;
      arena[237414u + (row_2 * 7680u + time * 256u + (j_2 + 224u))] = v7;
      arena[488294u + (row_2 * 32u + j_2)] = v8;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.grad.recurrence_grad.recurrent_grad
    for (var e_3: u32 = lid.x; e_3 < slice_rows * 32u; e_3 += 256u) {
      let i_3: u32 = e_3 / 32u;
      let j_3: u32 = e_3 % 32u;
      let row_3: u32 = i_3 + row_base;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 128u; k_1++) {
        acc_1 += arena[237414u + (row_3 * 7680u + time * 256u + (k_1 + 128u))] * arena[133u + (j_3 * 128u + k_1)];
      }
      let v0_3: f32 = acc_1;
      arena[487270u + (row_3 * 32u + j_3)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
  }
}

// ==== train.lstm.grad.contract@21+lstm.grad.sum_axes01@21+lstm.grad.contract_1@21.wgsl
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

var<workgroup> k0_tile_a: array<f32, 512>;
var<workgroup> k0_tile_b: array<f32, 512>;
var<workgroup> k1_partials: array<f32, 256>;
var<workgroup> k2_tile_a: array<f32, 1024>;
var<workgroup> k2_tile_b: array<f32, 1024>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // lstm.grad.contract
  let nx: u32 = 4u;
  let ny: u32 = 1u;
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
    let m: u32 = 32u;
    let k_len: u32 = rows_1 * 30u;
    let tile: u32 = wid_1.y * nwg_1.x + wid_1.x;
    let row0: u32 = tile / 4u * 32u;
    let col0: u32 = tile % 4u * 32u;
    let flat: u32 = lid_1.y * 16u + lid_1.x;
    var acc00: f32 = 0.0;
    var acc01: f32 = 0.0;
    var acc10: f32 = 0.0;
    var acc11: f32 = 0.0;
    for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
      let e: u32 = flat + 0u;
      let ar: u32 = e % 32u;
      let ak: u32 = e / 32u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        let k1: u32 = aka % 30u;
        let kr1: u32 = aka / 30u;
        a = select(0.0, arena[136998u + (kr1 * 1920u + (k1 - 1u) * 64u + ai)], (k1 - 1u < 30u));
      }
      k0_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e / 32u;
      let bc: u32 = e % 32u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 128u) {
        let k1_1: u32 = bka % 30u;
        let kr1_1: u32 = bka / 30u;
        bv = arena[237414u + (kr1_1 * 7680u + k1_1 * 256u + (bj + 128u))];
      }
      k0_tile_b[bk * 32u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 32u;
      let ak_1: u32 = e_1 / 32u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        let k1_2: u32 = aka_1 % 30u;
        let kr1_2: u32 = aka_1 / 30u;
        a_1 = select(0.0, arena[136998u + (kr1_2 * 1920u + (k1_2 - 1u) * 64u + ai_1)], (k1_2 - 1u < 30u));
      }
      k0_tile_a[ar_1 * 16u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 32u;
      let bc_1: u32 = e_1 % 32u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 128u) {
        let k1_3: u32 = bka_1 % 30u;
        let kr1_3: u32 = bka_1 / 30u;
        bv_1 = arena[237414u + (kr1_3 * 7680u + k1_3 * 256u + (bj_1 + 128u))];
      }
      k0_tile_b[bk_1 * 32u + bc_1] = bv_1;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 16u; kk++) {
        let a0: f32 = k0_tile_a[(lid_1.y * 2u + 0u) * 16u + kk];
        let a1: f32 = k0_tile_a[(lid_1.y * 2u + 1u) * 16u + kk];
        let b0: f32 = k0_tile_b[kk * 32u + (lid_1.x * 2u + 0u)];
        let b1: f32 = k0_tile_b[kk * 32u + (lid_1.x * 2u + 1u)];
        acc00 += a0 * b0;
        acc01 += a0 * b1;
        acc10 += a1 * b0;
        acc11 += a1 * b1;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + (lid_1.y * 2u + 0u);
    let j: u32 = col0 + (lid_1.x * 2u + 0u);
    if (i < m && j < 128u) {
      let t6: f32 = arena[4646u + (i * 128u + j)] + (acc00 - arena[4646u + (i * 128u + j)]) * 0.1;
      let t7: f32 = arena[8742u + (i * 128u + j)] + (acc00 * acc00 - arena[8742u + (i * 128u + j)]) * 0.001;
      let v0: f32 = t6;
      let v1: f32 = t7;
      let v2: f32 = arena[133u + (i * 128u + j)] - t6 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[4646u + (i * 128u + j)] = v0;
      arena[8742u + (i * 128u + j)] = v1;
      arena[133u + (i * 128u + j)] = v2;
    }
    let i_1: u32 = row0 + (lid_1.y * 2u + 0u);
    let j_1: u32 = col0 + (lid_1.x * 2u + 1u);
    if (i_1 < m && j_1 < 128u) {
      let t6_1: f32 = arena[4646u + (i_1 * 128u + j_1)] + (acc01 - arena[4646u + (i_1 * 128u + j_1)]) * 0.1;
      let t7_1: f32 = arena[8742u + (i_1 * 128u + j_1)] + (acc01 * acc01 - arena[8742u + (i_1 * 128u + j_1)]) * 0.001;
      let v0_1: f32 = t6_1;
      let v1_1: f32 = t7_1;
      let v2_1: f32 = arena[133u + (i_1 * 128u + j_1)] - t6_1 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
      arena[4646u + (i_1 * 128u + j_1)] = v0_1;
      arena[8742u + (i_1 * 128u + j_1)] = v1_1;
      arena[133u + (i_1 * 128u + j_1)] = v2_1;
    }
    let i_2: u32 = row0 + (lid_1.y * 2u + 1u);
    let j_2: u32 = col0 + (lid_1.x * 2u + 0u);
    if (i_2 < m && j_2 < 128u) {
      let t6_2: f32 = arena[4646u + (i_2 * 128u + j_2)] + (acc10 - arena[4646u + (i_2 * 128u + j_2)]) * 0.1;
      let t7_2: f32 = arena[8742u + (i_2 * 128u + j_2)] + (acc10 * acc10 - arena[8742u + (i_2 * 128u + j_2)]) * 0.001;
      let v0_2: f32 = t6_2;
      let v1_2: f32 = t7_2;
      let v2_2: f32 = arena[133u + (i_2 * 128u + j_2)] - t6_2 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
      arena[4646u + (i_2 * 128u + j_2)] = v0_2;
      arena[8742u + (i_2 * 128u + j_2)] = v1_2;
      arena[133u + (i_2 * 128u + j_2)] = v2_2;
    }
    let i_3: u32 = row0 + (lid_1.y * 2u + 1u);
    let j_3: u32 = col0 + (lid_1.x * 2u + 1u);
    if (i_3 < m && j_3 < 128u) {
      let t6_3: f32 = arena[4646u + (i_3 * 128u + j_3)] + (acc11 - arena[4646u + (i_3 * 128u + j_3)]) * 0.1;
      let t7_3: f32 = arena[8742u + (i_3 * 128u + j_3)] + (acc11 * acc11 - arena[8742u + (i_3 * 128u + j_3)]) * 0.001;
      let v0_3: f32 = t6_3;
      let v1_3: f32 = t7_3;
      let v2_3: f32 = arena[133u + (i_3 * 128u + j_3)] - t6_3 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_3) + 1e-7);
      arena[4646u + (i_3 * 128u + j_3)] = v0_3;
      arena[8742u + (i_3 * 128u + j_3)] = v1_3;
      arena[133u + (i_3 * 128u + j_3)] = v2_3;
    }
  }
  // lstm.grad.sum_axes01
  let nx_1: u32 = 32u;
  let ny_1: u32 = 1u;
  let end_1: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_1) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex % 4u, lindex / 4u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 4u + lid_2.x, wid_2.y * 64u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let col: u32 = (wid_2.y * nwg_2.x + wid_2.x) * 4u + lid_2.x;
    var acc0: f32 = 0.0;
    if (col < 128u) {
      for (var r: u32 = lid_2.y; r < rows_2 * 30u; r += 64u) {
        let r1: u32 = r % 30u;
        let rr1: u32 = r / 30u;
        let x0: f32 = arena[237414u + (rr1 * 7680u + r1 * 256u + col)];
        acc0 += x0;
      }
    }
    k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = acc0;
    workgroupBarrier();
    if (lid_2.y < 32u) {
      k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = k1_partials[0u + (lid_2.y * 4u + lid_2.x)] + k1_partials[0u + ((lid_2.y + 32u) * 4u + lid_2.x)];
    }
    workgroupBarrier();
    if (lid_2.y < 16u) {
      k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = k1_partials[0u + (lid_2.y * 4u + lid_2.x)] + k1_partials[0u + ((lid_2.y + 16u) * 4u + lid_2.x)];
    }
    workgroupBarrier();
    if (lid_2.y < 8u) {
      k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = k1_partials[0u + (lid_2.y * 4u + lid_2.x)] + k1_partials[0u + ((lid_2.y + 8u) * 4u + lid_2.x)];
    }
    workgroupBarrier();
    if (lid_2.y < 4u) {
      k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = k1_partials[0u + (lid_2.y * 4u + lid_2.x)] + k1_partials[0u + ((lid_2.y + 4u) * 4u + lid_2.x)];
    }
    workgroupBarrier();
    if (lid_2.y < 2u) {
      k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = k1_partials[0u + (lid_2.y * 4u + lid_2.x)] + k1_partials[0u + ((lid_2.y + 2u) * 4u + lid_2.x)];
    }
    workgroupBarrier();
    if (lid_2.y < 1u) {
      k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = k1_partials[0u + (lid_2.y * 4u + lid_2.x)] + k1_partials[0u + ((lid_2.y + 1u) * 4u + lid_2.x)];
    }
    workgroupBarrier();
    if (lid_2.y == 0u && col < 128u) {
      let total0: f32 = k1_partials[0u + (0u * 4u + lid_2.x)];
      let v0_4: f32 = total0;
      arena[490342u + col] = v0_4;
    }
  }
  // lstm.grad.contract#1
  let nx_2: u32 = 1u;
  let ny_2: u32 = 8u;
  let end_2: u32 = end_1 + nx_2 * ny_2;
  if (w >= end_1 && w < end_2) {
    let part_2: u32 = w - end_1;
    let lid_3: vec3<u32> = vec3<u32>(lindex % 16u, lindex / 16u, 0u);
    let wid_3: vec3<u32> = vec3<u32>(part_2 % nx_2, part_2 / nx_2, 0u);
    let gid_3: vec3<u32> = vec3<u32>(wid_3.x * 16u + lid_3.x, wid_3.y * 16u + lid_3.y, 0u);
    let nwg_3: vec3<u32> = vec3<u32>(nx_2, ny_2, 1u);
    let offset_2: u32 = step.offset;
    let rows_3: u32 = step.rows;
    let t_2: u32 = step.step;
    let m_1: u32 = 128u;
    let k_len_1: u32 = rows_3 * 30u;
    let tile_1: u32 = wid_3.y * nwg_3.x + wid_3.x;
    let row0_1: u32 = tile_1 / 1u * 16u;
    let col0_1: u32 = tile_1 % 1u * 16u;
    let flat_1: u32 = lid_3.y * 16u + lid_3.x;
    var acc: f32 = 0.0;
    for (var t0_1: u32 = 0u; t0_1 < k_len_1; t0_1 += 64u) {
      let e_2: u32 = flat_1 + 0u;
      let ar_2: u32 = e_2 % 16u;
      let ak_2: u32 = e_2 / 16u;
      let ai_2: u32 = row0_1 + ar_2;
      let aka_2: u32 = t0_1 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m_1 && aka_2 < k_len_1) {
        let k1_4: u32 = aka_2 % 30u;
        let kr1_4: u32 = aka_2 / 30u;
        a_2 = arena[237414u + (kr1_4 * 7680u + k1_4 * 256u + ai_2)];
      }
      k2_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0_1 + bc_2;
      let bka_2: u32 = t0_1 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len_1 && bj_2 < 1u) {
        let k1_5: u32 = bka_2 % 30u;
        let kr1_5: u32 = bka_2 / 30u;
        bv_2 = arena[13158u + (kr1_5 * 30u + k1_5)];
      }
      k2_tile_b[bk_2 * 16u + bc_2] = bv_2;
      let e_3: u32 = flat_1 + 256u;
      let ar_3: u32 = e_3 % 16u;
      let ak_3: u32 = e_3 / 16u;
      let ai_3: u32 = row0_1 + ar_3;
      let aka_3: u32 = t0_1 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m_1 && aka_3 < k_len_1) {
        let k1_6: u32 = aka_3 % 30u;
        let kr1_6: u32 = aka_3 / 30u;
        a_3 = arena[237414u + (kr1_6 * 7680u + k1_6 * 256u + ai_3)];
      }
      k2_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0_1 + bc_3;
      let bka_3: u32 = t0_1 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len_1 && bj_3 < 1u) {
        let k1_7: u32 = bka_3 % 30u;
        let kr1_7: u32 = bka_3 / 30u;
        bv_3 = arena[13158u + (kr1_7 * 30u + k1_7)];
      }
      k2_tile_b[bk_3 * 16u + bc_3] = bv_3;
      let e_4: u32 = flat_1 + 512u;
      let ar_4: u32 = e_4 % 16u;
      let ak_4: u32 = e_4 / 16u;
      let ai_4: u32 = row0_1 + ar_4;
      let aka_4: u32 = t0_1 + ak_4;
      var a_4: f32 = 0.0;
      if (ai_4 < m_1 && aka_4 < k_len_1) {
        let k1_8: u32 = aka_4 % 30u;
        let kr1_8: u32 = aka_4 / 30u;
        a_4 = arena[237414u + (kr1_8 * 7680u + k1_8 * 256u + ai_4)];
      }
      k2_tile_a[ar_4 * 64u + ak_4] = a_4;
      let bk_4: u32 = e_4 / 16u;
      let bc_4: u32 = e_4 % 16u;
      let bj_4: u32 = col0_1 + bc_4;
      let bka_4: u32 = t0_1 + bk_4;
      var bv_4: f32 = 0.0;
      if (bka_4 < k_len_1 && bj_4 < 1u) {
        let k1_9: u32 = bka_4 % 30u;
        let kr1_9: u32 = bka_4 / 30u;
        bv_4 = arena[13158u + (kr1_9 * 30u + k1_9)];
      }
      k2_tile_b[bk_4 * 16u + bc_4] = bv_4;
      let e_5: u32 = flat_1 + 768u;
      let ar_5: u32 = e_5 % 16u;
      let ak_5: u32 = e_5 / 16u;
      let ai_5: u32 = row0_1 + ar_5;
      let aka_5: u32 = t0_1 + ak_5;
      var a_5: f32 = 0.0;
      if (ai_5 < m_1 && aka_5 < k_len_1) {
        let k1_10: u32 = aka_5 % 30u;
        let kr1_10: u32 = aka_5 / 30u;
        a_5 = arena[237414u + (kr1_10 * 7680u + k1_10 * 256u + ai_5)];
      }
      k2_tile_a[ar_5 * 64u + ak_5] = a_5;
      let bk_5: u32 = e_5 / 16u;
      let bc_5: u32 = e_5 % 16u;
      let bj_5: u32 = col0_1 + bc_5;
      let bka_5: u32 = t0_1 + bk_5;
      var bv_5: f32 = 0.0;
      if (bka_5 < k_len_1 && bj_5 < 1u) {
        let k1_11: u32 = bka_5 % 30u;
        let kr1_11: u32 = bka_5 / 30u;
        bv_5 = arena[13158u + (kr1_11 * 30u + k1_11)];
      }
      k2_tile_b[bk_5 * 16u + bc_5] = bv_5;
      workgroupBarrier();
      for (var kk_1: u32 = 0u; kk_1 < 64u; kk_1++) {
        let a0_1: f32 = k2_tile_a[lid_3.y * 64u + kk_1];
        let b0_1: f32 = k2_tile_b[kk_1 * 16u + lid_3.x];
        acc += a0_1 * b0_1;
      }
      workgroupBarrier();
    }
    let i_4: u32 = row0_1 + lid_3.y;
    let j_4: u32 = col0_1 + lid_3.x;
    if (i_4 < m_1 && j_4 < 1u) {
      let t6_4: f32 = arena[4390u + i_4] + (acc - arena[4390u + i_4]) * 0.1;
      let t7_4: f32 = arena[4518u + i_4] + (acc * acc - arena[4518u + i_4]) * 0.001;
      let v0_5: f32 = t6_4;
      let v1_4: f32 = t7_4;
      let v2_4: f32 = arena[5u + i_4] - t6_4 * (0.005 * sqrt(1.0 - pow(0.999, f32(t_2))) / (1.0 - pow(0.9, f32(t_2)))) / (sqrt(t7_4) + 1e-7);
      arena[4390u + i_4] = v0_5;
      arena[4518u + i_4] = v1_4;
      arena[5u + i_4] = v2_4;
    }
  }
}

// ==== train.optimizer.sub_8@26.wgsl
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
  let count: u32 = 128u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 128u;
    let j: u32 = (id - 0u) % 128u;
    let t5: f32 = arena[12838u + (i * 128u + j)] + (arena[490342u + (i * 128u + j)] - arena[12838u + (i * 128u + j)]) * 0.1;
    let t6: f32 = arena[12966u + (i * 128u + j)] + (arena[490342u + (i * 128u + j)] * arena[490342u + (i * 128u + j)] - arena[12966u + (i * 128u + j)]) * 0.001;
    let v0: f32 = t5;
    let v1: f32 = t6;
    let v2: f32 = arena[4229u + (i * 128u + j)] - t5 * (0.005 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6) + 1e-7);
    arena[12838u + (i * 128u + j)] = v0;
    arena[12966u + (i * 128u + j)] = v1;
    arena[4229u + (i * 128u + j)] = v2;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.rescaling.mul@20.wgsl
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
  let count: u32 = rows * 30u;
  if (id >= 0u && id < 0u + count) {
    let i1: u32 = (id - 0u) % 30u;
    let r1: u32 = (id - 0u) / 30u;
    let v0: f32 = features[permutation[offset + r1] * 30u + i1] * 0.1;
    arena[490470u + (r1 * 30u + i1)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.lstm.contract@21.wgsl
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
  let m: u32 = rows * 30u;
  let k_len: u32 = 1u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 64u;
  let col0: u32 = tile % 2u * 64u;
  let flat: u32 = lid.y * 16u + lid.x;
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
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x1: u32 = ai % 30u;
      let xr1: u32 = ai / 30u;
      a = arena[490470u + (xr1 * 30u + x1)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 64u;
    let bc: u32 = e % 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 128u) {
      bv = arena[5u + bj];
    }
    tile_b[bk * 64u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x1_1: u32 = ai_1 % 30u;
      let xr1_1: u32 = ai_1 / 30u;
      a_1 = arena[490470u + (xr1_1 * 30u + x1_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 64u;
    let bc_1: u32 = e_1 % 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 128u) {
      bv_1 = arena[5u + bj_1];
    }
    tile_b[bk_1 * 64u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 16u;
    let ak_2: u32 = e_2 % 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x1_2: u32 = ai_2 % 30u;
      let xr1_2: u32 = ai_2 / 30u;
      a_2 = arena[490470u + (xr1_2 * 30u + x1_2)];
    }
    tile_a[ar_2 * 16u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 64u;
    let bc_2: u32 = e_2 % 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 128u) {
      bv_2 = arena[5u + bj_2];
    }
    tile_b[bk_2 * 64u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 16u;
    let ak_3: u32 = e_3 % 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x1_3: u32 = ai_3 % 30u;
      let xr1_3: u32 = ai_3 / 30u;
      a_3 = arena[490470u + (xr1_3 * 30u + x1_3)];
    }
    tile_a[ar_3 * 16u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 64u;
    let bc_3: u32 = e_3 % 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 128u) {
      bv_3 = arena[5u + bj_3];
    }
    tile_b[bk_3 * 64u + bc_3] = bv_3;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 4u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 4u + 1u) * 16u + kk];
      let a2: f32 = tile_a[(lid.y * 4u + 2u) * 16u + kk];
      let a3: f32 = tile_a[(lid.y * 4u + 3u) * 16u + kk];
      let b0: f32 = tile_b[kk * 64u + (lid.x * 4u + 0u)];
      let b1: f32 = tile_b[kk * 64u + (lid.x * 4u + 1u)];
      let b2: f32 = tile_b[kk * 64u + (lid.x * 4u + 2u)];
      let b3: f32 = tile_b[kk * 64u + (lid.x * 4u + 3u)];
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
  let i: u32 = row0 + (lid.y * 4u + 0u);
  let j: u32 = col0 + (lid.x * 4u + 0u);
  if (i < m && j < 128u) {
    let m1: u32 = i % 30u;
    let mr1: u32 = i / 30u;
    let v0: f32 = acc00 + arena[4229u + j];
    arena[491430u + (mr1 * 3840u + m1 * 128u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 4u + 0u);
  let j_1: u32 = col0 + (lid.x * 4u + 1u);
  if (i_1 < m && j_1 < 128u) {
    let m1_1: u32 = i_1 % 30u;
    let mr1_1: u32 = i_1 / 30u;
    let v0_1: f32 = acc01 + arena[4229u + j_1];
    arena[491430u + (mr1_1 * 3840u + m1_1 * 128u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 4u + 0u);
  let j_2: u32 = col0 + (lid.x * 4u + 2u);
  if (i_2 < m && j_2 < 128u) {
    let m1_2: u32 = i_2 % 30u;
    let mr1_2: u32 = i_2 / 30u;
    let v0_2: f32 = acc02 + arena[4229u + j_2];
    arena[491430u + (mr1_2 * 3840u + m1_2 * 128u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 4u + 0u);
  let j_3: u32 = col0 + (lid.x * 4u + 3u);
  if (i_3 < m && j_3 < 128u) {
    let m1_3: u32 = i_3 % 30u;
    let mr1_3: u32 = i_3 / 30u;
    let v0_3: f32 = acc03 + arena[4229u + j_3];
    arena[491430u + (mr1_3 * 3840u + m1_3 * 128u + j_3)] = v0_3;
  }
  let i_4: u32 = row0 + (lid.y * 4u + 1u);
  let j_4: u32 = col0 + (lid.x * 4u + 0u);
  if (i_4 < m && j_4 < 128u) {
    let m1_4: u32 = i_4 % 30u;
    let mr1_4: u32 = i_4 / 30u;
    let v0_4: f32 = acc10 + arena[4229u + j_4];
    arena[491430u + (mr1_4 * 3840u + m1_4 * 128u + j_4)] = v0_4;
  }
  let i_5: u32 = row0 + (lid.y * 4u + 1u);
  let j_5: u32 = col0 + (lid.x * 4u + 1u);
  if (i_5 < m && j_5 < 128u) {
    let m1_5: u32 = i_5 % 30u;
    let mr1_5: u32 = i_5 / 30u;
    let v0_5: f32 = acc11 + arena[4229u + j_5];
    arena[491430u + (mr1_5 * 3840u + m1_5 * 128u + j_5)] = v0_5;
  }
  let i_6: u32 = row0 + (lid.y * 4u + 1u);
  let j_6: u32 = col0 + (lid.x * 4u + 2u);
  if (i_6 < m && j_6 < 128u) {
    let m1_6: u32 = i_6 % 30u;
    let mr1_6: u32 = i_6 / 30u;
    let v0_6: f32 = acc12 + arena[4229u + j_6];
    arena[491430u + (mr1_6 * 3840u + m1_6 * 128u + j_6)] = v0_6;
  }
  let i_7: u32 = row0 + (lid.y * 4u + 1u);
  let j_7: u32 = col0 + (lid.x * 4u + 3u);
  if (i_7 < m && j_7 < 128u) {
    let m1_7: u32 = i_7 % 30u;
    let mr1_7: u32 = i_7 / 30u;
    let v0_7: f32 = acc13 + arena[4229u + j_7];
    arena[491430u + (mr1_7 * 3840u + m1_7 * 128u + j_7)] = v0_7;
  }
  let i_8: u32 = row0 + (lid.y * 4u + 2u);
  let j_8: u32 = col0 + (lid.x * 4u + 0u);
  if (i_8 < m && j_8 < 128u) {
    let m1_8: u32 = i_8 % 30u;
    let mr1_8: u32 = i_8 / 30u;
    let v0_8: f32 = acc20 + arena[4229u + j_8];
    arena[491430u + (mr1_8 * 3840u + m1_8 * 128u + j_8)] = v0_8;
  }
  let i_9: u32 = row0 + (lid.y * 4u + 2u);
  let j_9: u32 = col0 + (lid.x * 4u + 1u);
  if (i_9 < m && j_9 < 128u) {
    let m1_9: u32 = i_9 % 30u;
    let mr1_9: u32 = i_9 / 30u;
    let v0_9: f32 = acc21 + arena[4229u + j_9];
    arena[491430u + (mr1_9 * 3840u + m1_9 * 128u + j_9)] = v0_9;
  }
  let i_10: u32 = row0 + (lid.y * 4u + 2u);
  let j_10: u32 = col0 + (lid.x * 4u + 2u);
  if (i_10 < m && j_10 < 128u) {
    let m1_10: u32 = i_10 % 30u;
    let mr1_10: u32 = i_10 / 30u;
    let v0_10: f32 = acc22 + arena[4229u + j_10];
    arena[491430u + (mr1_10 * 3840u + m1_10 * 128u + j_10)] = v0_10;
  }
  let i_11: u32 = row0 + (lid.y * 4u + 2u);
  let j_11: u32 = col0 + (lid.x * 4u + 3u);
  if (i_11 < m && j_11 < 128u) {
    let m1_11: u32 = i_11 % 30u;
    let mr1_11: u32 = i_11 / 30u;
    let v0_11: f32 = acc23 + arena[4229u + j_11];
    arena[491430u + (mr1_11 * 3840u + m1_11 * 128u + j_11)] = v0_11;
  }
  let i_12: u32 = row0 + (lid.y * 4u + 3u);
  let j_12: u32 = col0 + (lid.x * 4u + 0u);
  if (i_12 < m && j_12 < 128u) {
    let m1_12: u32 = i_12 % 30u;
    let mr1_12: u32 = i_12 / 30u;
    let v0_12: f32 = acc30 + arena[4229u + j_12];
    arena[491430u + (mr1_12 * 3840u + m1_12 * 128u + j_12)] = v0_12;
  }
  let i_13: u32 = row0 + (lid.y * 4u + 3u);
  let j_13: u32 = col0 + (lid.x * 4u + 1u);
  if (i_13 < m && j_13 < 128u) {
    let m1_13: u32 = i_13 % 30u;
    let mr1_13: u32 = i_13 / 30u;
    let v0_13: f32 = acc31 + arena[4229u + j_13];
    arena[491430u + (mr1_13 * 3840u + m1_13 * 128u + j_13)] = v0_13;
  }
  let i_14: u32 = row0 + (lid.y * 4u + 3u);
  let j_14: u32 = col0 + (lid.x * 4u + 2u);
  if (i_14 < m && j_14 < 128u) {
    let m1_14: u32 = i_14 % 30u;
    let mr1_14: u32 = i_14 / 30u;
    let v0_14: f32 = acc32 + arena[4229u + j_14];
    arena[491430u + (mr1_14 * 3840u + m1_14 * 128u + j_14)] = v0_14;
  }
  let i_15: u32 = row0 + (lid.y * 4u + 3u);
  let j_15: u32 = col0 + (lid.x * 4u + 3u);
  if (i_15 < m && j_15 < 128u) {
    let m1_15: u32 = i_15 % 30u;
    let mr1_15: u32 = i_15 / 30u;
    let v0_15: f32 = acc33 + arena[4229u + j_15];
    arena[491430u + (mr1_15 * 3840u + m1_15 * 128u + j_15)] = v0_15;
  }
}

// ==== evaluate.lstm.recurrence.carry_init@21+lstm.recurrence.carry_init_1@21.wgsl
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
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // lstm.recurrence.carry_init
  let nx: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny: u32 = 1u;
  let end: u32 = 0u + nx * ny;
  if (w >= 0u && w < end) {
    let part: u32 = w - 0u;
    let lid_1: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_1: vec3<u32> = vec3<u32>(part % nx, part / nx, 0u);
    let gid_1: vec3<u32> = vec3<u32>(wid_1.x * 64u + lid_1.x, wid_1.y * 1u + lid_1.y, 0u);
    let nwg_1: vec3<u32> = vec3<u32>(nx, ny, 1u);
    let offset: u32 = step.offset;
    let rows_1: u32 = step.rows;
    let t: u32 = step.step;
    let id: u32 = (wid_1.y * nwg_1.x + wid_1.x) * 64u + lid_1.x;
    let count: u32 = rows_1 * 32u;
    if (id >= 0u && id < 0u + count) {
      let i: u32 = (id - 0u) / 32u;
      let j: u32 = (id - 0u) % 32u;
      let v0: f32 = 0.0;
      arena[679846u + (i * 32u + j)] = v0;
    }
    let end_1: u32 = 0u + count;
  }
  // lstm.recurrence.carry_init#1
  let nx_1: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny_1: u32 = 1u;
  let end_2: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_2) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 64u + lid_2.x, wid_2.y * 1u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let id_1: u32 = (wid_2.y * nwg_2.x + wid_2.x) * 64u + lid_2.x;
    let count_1: u32 = rows_2 * 32u;
    if (id_1 >= 0u && id_1 < 0u + count_1) {
      let i_1: u32 = (id_1 - 0u) / 32u;
      let j_1: u32 = (id_1 - 0u) % 32u;
      let v0_1: f32 = 0.0;
      arena[680870u + (i_1 * 32u + j_1)] = v0_1;
    }
    let end_3: u32 = 0u + count_1;
  }
}

// ==== evaluate.lstm.recurrence.steps@21.wgsl
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
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let row_base: u32 = (wid.y * nwg.x + wid.x) * 2u;
  let slice_rows: u32 = min(row_base + 2u, rows) - min(row_base, rows);
  for (var step_1: u32 = 0u; step_1 < 30u; step_1++) {
    let time: u32 = step_1;
    // lstm.recurrence.recurrent
    for (var e: u32 = lid.x; e < slice_rows * 128u; e += 256u) {
      let i: u32 = e / 128u;
      let j: u32 = e % 128u;
      let row: u32 = i + row_base;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 32u; k++) {
        acc += arena[679846u + (row * 32u + k)] * arena[133u + (k * 128u + j)];
      }
      let v0: f32 = acc;
      arena[675750u + (row * 128u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.cell
    for (var e_1: u32 = lid.x; e_1 < slice_rows * 32u; e_1 += 256u) {
      let i_1: u32 = e_1 / 32u;
      let j_1: u32 = e_1 % 32u;
      let row_1: u32 = i_1 + row_base;
      let c10: f32 = nn_sigmoid(arena[491430u + (row_1 * 3840u + time * 128u + (j_1 + 32u))] + arena[675750u + (row_1 * 128u + (j_1 + 32u))]) * arena[680870u + (row_1 * 32u + j_1)] + nn_sigmoid(arena[491430u + (row_1 * 3840u + time * 128u + j_1)] + arena[675750u + (row_1 * 128u + j_1)]) * tanh(clamp(arena[491430u + (row_1 * 3840u + time * 128u + (j_1 + 64u))] + arena[675750u + (row_1 * 128u + (j_1 + 64u))], -15.0, 15.0));
      let c12: f32 = nn_sigmoid(arena[491430u + (row_1 * 3840u + time * 128u + (j_1 + 96u))] + arena[675750u + (row_1 * 128u + (j_1 + 96u))]) * tanh(clamp(c10, -15.0, 15.0));
      let v0_1: f32 = c12;
      let v1: f32 = c12;
      let v2: f32 = c10;
      let v3: f32 = c10;
      arena[614310u + (row_1 * 1920u + time * 64u + j_1)] = v0_1;
      arena[679846u + (row_1 * 32u + j_1)] = v1;
      arena[614310u + (row_1 * 1920u + time * 64u + (j_1 + 32u))] = v2;
      arena[680870u + (row_1 * 32u + j_1)] = v3;
    }
    storageBarrier();
    workgroupBarrier();
  }
}

// ==== evaluate.lstm.reshape@21.wgsl
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
  let count: u32 = rows * 32u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 32u;
    let r2: u32 = (id - 0u) / 32u;
    let v0: f32 = arena[614310u + (r2 * 1920u + 29u * 64u + i2)];
    arena[681894u + (r2 * 32u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.dense.matmul@22.wgsl
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
  let k_len: u32 = 32u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 32u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 32u;
    let ak: u32 = e % 32u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[681894u + (ai * 32u + aka)];
    }
    tile_a[ar * 32u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[4357u + bka];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 32u;
    let ak_1: u32 = e_1 % 32u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[681894u + (ai_1 * 32u + aka_1)];
    }
    tile_a[ar_1 * 32u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 1u) {
      bv_1 = arena[4357u + bka_1];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 32u; kk++) {
      let a0: f32 = tile_a[lid.y * 32u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 1u) {
    let v0: f32 = abs(acc + arena[4389u] - labels[permutation[offset + i]]);
    arena[682918u + i] = v0;
  }
}

// ==== evaluate.accumulate.sum_all@26.wgsl
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

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  var acc0: f32 = 0.0;
  for (var e: u32 = lid.x; e < rows; e += 256u) {
    let x0: f32 = arena[682918u + e];
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
    let v0: f32 = arena[4u] + total0;
    arena[4u] = v0;
  }
}

// ==== predict.rescaling.mul@20.wgsl
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
  let count: u32 = rows * 30u;
  if (id >= 0u && id < 0u + count) {
    let i1: u32 = (id - 0u) % 30u;
    let r1: u32 = (id - 0u) / 30u;
    let v0: f32 = features[permutation[offset + r1] * 30u + i1] * 0.1;
    arena[682950u + (r1 * 30u + i1)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== predict.lstm.contract@21.wgsl
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
  let m: u32 = rows * 30u;
  let k_len: u32 = 1u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 2u * 64u;
  let col0: u32 = tile % 2u * 64u;
  let flat: u32 = lid.y * 16u + lid.x;
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
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x1: u32 = ai % 30u;
      let xr1: u32 = ai / 30u;
      a = arena[682950u + (xr1 * 30u + x1)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 64u;
    let bc: u32 = e % 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 128u) {
      bv = arena[5u + bj];
    }
    tile_b[bk * 64u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x1_1: u32 = ai_1 % 30u;
      let xr1_1: u32 = ai_1 / 30u;
      a_1 = arena[682950u + (xr1_1 * 30u + x1_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 64u;
    let bc_1: u32 = e_1 % 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 128u) {
      bv_1 = arena[5u + bj_1];
    }
    tile_b[bk_1 * 64u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 16u;
    let ak_2: u32 = e_2 % 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x1_2: u32 = ai_2 % 30u;
      let xr1_2: u32 = ai_2 / 30u;
      a_2 = arena[682950u + (xr1_2 * 30u + x1_2)];
    }
    tile_a[ar_2 * 16u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 64u;
    let bc_2: u32 = e_2 % 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 128u) {
      bv_2 = arena[5u + bj_2];
    }
    tile_b[bk_2 * 64u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 16u;
    let ak_3: u32 = e_3 % 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x1_3: u32 = ai_3 % 30u;
      let xr1_3: u32 = ai_3 / 30u;
      a_3 = arena[682950u + (xr1_3 * 30u + x1_3)];
    }
    tile_a[ar_3 * 16u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 64u;
    let bc_3: u32 = e_3 % 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 128u) {
      bv_3 = arena[5u + bj_3];
    }
    tile_b[bk_3 * 64u + bc_3] = bv_3;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[(lid.y * 4u + 0u) * 16u + kk];
      let a1: f32 = tile_a[(lid.y * 4u + 1u) * 16u + kk];
      let a2: f32 = tile_a[(lid.y * 4u + 2u) * 16u + kk];
      let a3: f32 = tile_a[(lid.y * 4u + 3u) * 16u + kk];
      let b0: f32 = tile_b[kk * 64u + (lid.x * 4u + 0u)];
      let b1: f32 = tile_b[kk * 64u + (lid.x * 4u + 1u)];
      let b2: f32 = tile_b[kk * 64u + (lid.x * 4u + 2u)];
      let b3: f32 = tile_b[kk * 64u + (lid.x * 4u + 3u)];
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
  let i: u32 = row0 + (lid.y * 4u + 0u);
  let j: u32 = col0 + (lid.x * 4u + 0u);
  if (i < m && j < 128u) {
    let m1: u32 = i % 30u;
    let mr1: u32 = i / 30u;
    let v0: f32 = acc00 + arena[4229u + j];
    arena[683910u + (mr1 * 3840u + m1 * 128u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 4u + 0u);
  let j_1: u32 = col0 + (lid.x * 4u + 1u);
  if (i_1 < m && j_1 < 128u) {
    let m1_1: u32 = i_1 % 30u;
    let mr1_1: u32 = i_1 / 30u;
    let v0_1: f32 = acc01 + arena[4229u + j_1];
    arena[683910u + (mr1_1 * 3840u + m1_1 * 128u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 4u + 0u);
  let j_2: u32 = col0 + (lid.x * 4u + 2u);
  if (i_2 < m && j_2 < 128u) {
    let m1_2: u32 = i_2 % 30u;
    let mr1_2: u32 = i_2 / 30u;
    let v0_2: f32 = acc02 + arena[4229u + j_2];
    arena[683910u + (mr1_2 * 3840u + m1_2 * 128u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 4u + 0u);
  let j_3: u32 = col0 + (lid.x * 4u + 3u);
  if (i_3 < m && j_3 < 128u) {
    let m1_3: u32 = i_3 % 30u;
    let mr1_3: u32 = i_3 / 30u;
    let v0_3: f32 = acc03 + arena[4229u + j_3];
    arena[683910u + (mr1_3 * 3840u + m1_3 * 128u + j_3)] = v0_3;
  }
  let i_4: u32 = row0 + (lid.y * 4u + 1u);
  let j_4: u32 = col0 + (lid.x * 4u + 0u);
  if (i_4 < m && j_4 < 128u) {
    let m1_4: u32 = i_4 % 30u;
    let mr1_4: u32 = i_4 / 30u;
    let v0_4: f32 = acc10 + arena[4229u + j_4];
    arena[683910u + (mr1_4 * 3840u + m1_4 * 128u + j_4)] = v0_4;
  }
  let i_5: u32 = row0 + (lid.y * 4u + 1u);
  let j_5: u32 = col0 + (lid.x * 4u + 1u);
  if (i_5 < m && j_5 < 128u) {
    let m1_5: u32 = i_5 % 30u;
    let mr1_5: u32 = i_5 / 30u;
    let v0_5: f32 = acc11 + arena[4229u + j_5];
    arena[683910u + (mr1_5 * 3840u + m1_5 * 128u + j_5)] = v0_5;
  }
  let i_6: u32 = row0 + (lid.y * 4u + 1u);
  let j_6: u32 = col0 + (lid.x * 4u + 2u);
  if (i_6 < m && j_6 < 128u) {
    let m1_6: u32 = i_6 % 30u;
    let mr1_6: u32 = i_6 / 30u;
    let v0_6: f32 = acc12 + arena[4229u + j_6];
    arena[683910u + (mr1_6 * 3840u + m1_6 * 128u + j_6)] = v0_6;
  }
  let i_7: u32 = row0 + (lid.y * 4u + 1u);
  let j_7: u32 = col0 + (lid.x * 4u + 3u);
  if (i_7 < m && j_7 < 128u) {
    let m1_7: u32 = i_7 % 30u;
    let mr1_7: u32 = i_7 / 30u;
    let v0_7: f32 = acc13 + arena[4229u + j_7];
    arena[683910u + (mr1_7 * 3840u + m1_7 * 128u + j_7)] = v0_7;
  }
  let i_8: u32 = row0 + (lid.y * 4u + 2u);
  let j_8: u32 = col0 + (lid.x * 4u + 0u);
  if (i_8 < m && j_8 < 128u) {
    let m1_8: u32 = i_8 % 30u;
    let mr1_8: u32 = i_8 / 30u;
    let v0_8: f32 = acc20 + arena[4229u + j_8];
    arena[683910u + (mr1_8 * 3840u + m1_8 * 128u + j_8)] = v0_8;
  }
  let i_9: u32 = row0 + (lid.y * 4u + 2u);
  let j_9: u32 = col0 + (lid.x * 4u + 1u);
  if (i_9 < m && j_9 < 128u) {
    let m1_9: u32 = i_9 % 30u;
    let mr1_9: u32 = i_9 / 30u;
    let v0_9: f32 = acc21 + arena[4229u + j_9];
    arena[683910u + (mr1_9 * 3840u + m1_9 * 128u + j_9)] = v0_9;
  }
  let i_10: u32 = row0 + (lid.y * 4u + 2u);
  let j_10: u32 = col0 + (lid.x * 4u + 2u);
  if (i_10 < m && j_10 < 128u) {
    let m1_10: u32 = i_10 % 30u;
    let mr1_10: u32 = i_10 / 30u;
    let v0_10: f32 = acc22 + arena[4229u + j_10];
    arena[683910u + (mr1_10 * 3840u + m1_10 * 128u + j_10)] = v0_10;
  }
  let i_11: u32 = row0 + (lid.y * 4u + 2u);
  let j_11: u32 = col0 + (lid.x * 4u + 3u);
  if (i_11 < m && j_11 < 128u) {
    let m1_11: u32 = i_11 % 30u;
    let mr1_11: u32 = i_11 / 30u;
    let v0_11: f32 = acc23 + arena[4229u + j_11];
    arena[683910u + (mr1_11 * 3840u + m1_11 * 128u + j_11)] = v0_11;
  }
  let i_12: u32 = row0 + (lid.y * 4u + 3u);
  let j_12: u32 = col0 + (lid.x * 4u + 0u);
  if (i_12 < m && j_12 < 128u) {
    let m1_12: u32 = i_12 % 30u;
    let mr1_12: u32 = i_12 / 30u;
    let v0_12: f32 = acc30 + arena[4229u + j_12];
    arena[683910u + (mr1_12 * 3840u + m1_12 * 128u + j_12)] = v0_12;
  }
  let i_13: u32 = row0 + (lid.y * 4u + 3u);
  let j_13: u32 = col0 + (lid.x * 4u + 1u);
  if (i_13 < m && j_13 < 128u) {
    let m1_13: u32 = i_13 % 30u;
    let mr1_13: u32 = i_13 / 30u;
    let v0_13: f32 = acc31 + arena[4229u + j_13];
    arena[683910u + (mr1_13 * 3840u + m1_13 * 128u + j_13)] = v0_13;
  }
  let i_14: u32 = row0 + (lid.y * 4u + 3u);
  let j_14: u32 = col0 + (lid.x * 4u + 2u);
  if (i_14 < m && j_14 < 128u) {
    let m1_14: u32 = i_14 % 30u;
    let mr1_14: u32 = i_14 / 30u;
    let v0_14: f32 = acc32 + arena[4229u + j_14];
    arena[683910u + (mr1_14 * 3840u + m1_14 * 128u + j_14)] = v0_14;
  }
  let i_15: u32 = row0 + (lid.y * 4u + 3u);
  let j_15: u32 = col0 + (lid.x * 4u + 3u);
  if (i_15 < m && j_15 < 128u) {
    let m1_15: u32 = i_15 % 30u;
    let mr1_15: u32 = i_15 / 30u;
    let v0_15: f32 = acc33 + arena[4229u + j_15];
    arena[683910u + (mr1_15 * 3840u + m1_15 * 128u + j_15)] = v0_15;
  }
}

// ==== predict.lstm.recurrence.carry_init@21+lstm.recurrence.carry_init_1@21.wgsl
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
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // lstm.recurrence.carry_init
  let nx: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny: u32 = 1u;
  let end: u32 = 0u + nx * ny;
  if (w >= 0u && w < end) {
    let part: u32 = w - 0u;
    let lid_1: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_1: vec3<u32> = vec3<u32>(part % nx, part / nx, 0u);
    let gid_1: vec3<u32> = vec3<u32>(wid_1.x * 64u + lid_1.x, wid_1.y * 1u + lid_1.y, 0u);
    let nwg_1: vec3<u32> = vec3<u32>(nx, ny, 1u);
    let offset: u32 = step.offset;
    let rows_1: u32 = step.rows;
    let t: u32 = step.step;
    let id: u32 = (wid_1.y * nwg_1.x + wid_1.x) * 64u + lid_1.x;
    let count: u32 = rows_1 * 32u;
    if (id >= 0u && id < 0u + count) {
      let i: u32 = (id - 0u) / 32u;
      let j: u32 = (id - 0u) % 32u;
      let v0: f32 = 0.0;
      arena[872326u + (i * 32u + j)] = v0;
    }
    let end_1: u32 = 0u + count;
  }
  // lstm.recurrence.carry_init#1
  let nx_1: u32 = max(1u, (rows * 32u + 63u) / 64u);
  let ny_1: u32 = 1u;
  let end_2: u32 = end + nx_1 * ny_1;
  if (w >= end && w < end_2) {
    let part_1: u32 = w - end;
    let lid_2: vec3<u32> = vec3<u32>(lindex, 0u, 0u);
    let wid_2: vec3<u32> = vec3<u32>(part_1 % nx_1, part_1 / nx_1, 0u);
    let gid_2: vec3<u32> = vec3<u32>(wid_2.x * 64u + lid_2.x, wid_2.y * 1u + lid_2.y, 0u);
    let nwg_2: vec3<u32> = vec3<u32>(nx_1, ny_1, 1u);
    let offset_1: u32 = step.offset;
    let rows_2: u32 = step.rows;
    let t_1: u32 = step.step;
    let id_1: u32 = (wid_2.y * nwg_2.x + wid_2.x) * 64u + lid_2.x;
    let count_1: u32 = rows_2 * 32u;
    if (id_1 >= 0u && id_1 < 0u + count_1) {
      let i_1: u32 = (id_1 - 0u) / 32u;
      let j_1: u32 = (id_1 - 0u) % 32u;
      let v0_1: f32 = 0.0;
      arena[873350u + (i_1 * 32u + j_1)] = v0_1;
    }
    let end_3: u32 = 0u + count_1;
  }
}

// ==== predict.lstm.recurrence.steps@21.wgsl
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
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let row_base: u32 = (wid.y * nwg.x + wid.x) * 2u;
  let slice_rows: u32 = min(row_base + 2u, rows) - min(row_base, rows);
  for (var step_1: u32 = 0u; step_1 < 30u; step_1++) {
    let time: u32 = step_1;
    // lstm.recurrence.recurrent
    for (var e: u32 = lid.x; e < slice_rows * 128u; e += 256u) {
      let i: u32 = e / 128u;
      let j: u32 = e % 128u;
      let row: u32 = i + row_base;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 32u; k++) {
        acc += arena[872326u + (row * 32u + k)] * arena[133u + (k * 128u + j)];
      }
      let v0: f32 = acc;
      arena[868230u + (row * 128u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // lstm.recurrence.cell
    for (var e_1: u32 = lid.x; e_1 < slice_rows * 32u; e_1 += 256u) {
      let i_1: u32 = e_1 / 32u;
      let j_1: u32 = e_1 % 32u;
      let row_1: u32 = i_1 + row_base;
      let c10: f32 = nn_sigmoid(arena[683910u + (row_1 * 3840u + time * 128u + (j_1 + 32u))] + arena[868230u + (row_1 * 128u + (j_1 + 32u))]) * arena[873350u + (row_1 * 32u + j_1)] + nn_sigmoid(arena[683910u + (row_1 * 3840u + time * 128u + j_1)] + arena[868230u + (row_1 * 128u + j_1)]) * tanh(clamp(arena[683910u + (row_1 * 3840u + time * 128u + (j_1 + 64u))] + arena[868230u + (row_1 * 128u + (j_1 + 64u))], -15.0, 15.0));
      let c12: f32 = nn_sigmoid(arena[683910u + (row_1 * 3840u + time * 128u + (j_1 + 96u))] + arena[868230u + (row_1 * 128u + (j_1 + 96u))]) * tanh(clamp(c10, -15.0, 15.0));
      let v0_1: f32 = c12;
      let v1: f32 = c12;
      let v2: f32 = c10;
      let v3: f32 = c10;
      arena[806790u + (row_1 * 1920u + time * 64u + j_1)] = v0_1;
      arena[872326u + (row_1 * 32u + j_1)] = v1;
      arena[806790u + (row_1 * 1920u + time * 64u + (j_1 + 32u))] = v2;
      arena[873350u + (row_1 * 32u + j_1)] = v3;
    }
    storageBarrier();
    workgroupBarrier();
  }
}

// ==== predict.lstm.reshape@21.wgsl
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
  let count: u32 = rows * 32u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 32u;
    let r2: u32 = (id - 0u) / 32u;
    let v0: f32 = arena[806790u + (r2 * 1920u + 29u * 64u + i2)];
    arena[874374u + (r2 * 32u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== predict.dense.matmul@22.wgsl
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
  let k_len: u32 = 32u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 32u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 32u;
    let ak: u32 = e % 32u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      a = arena[874374u + (ai * 32u + aka)];
    }
    tile_a[ar * 32u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[4357u + bka];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 32u;
    let ak_1: u32 = e_1 % 32u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[874374u + (ai_1 * 32u + aka_1)];
    }
    tile_a[ar_1 * 32u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 1u) {
      bv_1 = arena[4357u + bka_1];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 32u; kk++) {
      let a0: f32 = tile_a[lid.y * 32u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 1u) {
    let v0: f32 = acc + arena[4389u];
    output[step.base + offset + i] = v0;
  }
}
