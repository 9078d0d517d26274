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
      a = arena[30268u + (ai * 13u + aka)];
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
      a_1 = arena[30268u + (ai_1 * 13u + aka_1)];
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
    arena[30684u + (i * 64u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let v0_1: f32 = max(acc01 + arena[865u + j_1], 0.0);
    arena[30684u + (i_1 * 64u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 64u) {
    let v0_2: f32 = max(acc10 + arena[865u + j_2], 0.0);
    arena[30684u + (i_2 * 64u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 64u) {
    let v0_3: f32 = max(acc11 + arena[865u + j_3], 0.0);
    arena[30684u + (i_3 * 64u + j_3)] = v0_3;
  }
}
