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
      a = arena[37321u + (ai * 64u + aka)];
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
      a_1 = arena[37321u + (ai_1 * 64u + aka_1)];
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
      a_2 = arena[37321u + (ai_2 * 64u + aka_2)];
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
      a_3 = arena[37321u + (ai_3 * 64u + aka_3)];
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
