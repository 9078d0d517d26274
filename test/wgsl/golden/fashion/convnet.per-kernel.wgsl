// ==== train.rescaling.mul@9.wgsl
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
  let count: u32 = rows * 784u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 28u;
    let r2: u32 = (id - 0u) / 28u;
    let i1: u32 = r2 % 28u;
    let r1: u32 = r2 / 28u;
    let v0: f32 = features[permutation[offset + r1] * 784u + i1 * 28u + i2] * 0.003921569;
    arena[104483u + (r1 * 784u + i1 * 28u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.conv2d.contract@10.wgsl
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
  let m: u32 = rows * 576u;
  let k_len: u32 = 9u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 32u;
  let col0: u32 = tile % 1u * 32u;
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
      let x2: u32 = ai % 24u;
      let xr2: u32 = ai / 24u;
      let x1: u32 = xr2 % 24u;
      let xr1: u32 = xr2 / 24u;
      let k1: u32 = aka % 3u;
      let kr1: u32 = aka / 3u;
      a = arena[104483u + (xr1 * 784u + (x1 + kr1) * 28u + (x2 + k1))];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 32u) {
      let k1_1: u32 = bka % 3u;
      let kr1_1: u32 = bka / 3u;
      bv = arena[5u + (kr1_1 * 96u + k1_1 * 32u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 24u;
      let xr2_1: u32 = ai_1 / 24u;
      let x1_1: u32 = xr2_1 % 24u;
      let xr1_1: u32 = xr2_1 / 24u;
      let k1_2: u32 = aka_1 % 3u;
      let kr1_2: u32 = aka_1 / 3u;
      a_1 = arena[104483u + (xr1_1 * 784u + (x1_1 + kr1_2) * 28u + (x2_1 + k1_2))];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 32u) {
      let k1_3: u32 = bka_1 % 3u;
      let kr1_3: u32 = bka_1 / 3u;
      bv_1 = arena[5u + (kr1_3 * 96u + k1_3 * 32u + bj_1)];
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
  if (i < m && j < 32u) {
    let m2: u32 = i % 24u;
    let mr2: u32 = i / 24u;
    let m1: u32 = mr2 % 24u;
    let mr1: u32 = mr2 / 24u;
    let t1: f32 = acc00 + arena[293u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[204835u + (mr1 * 18432u + m1 * 768u + m2 * 32u + j)] = v0;
    arena[7818343u + (mr1 * 18432u + m1 * 768u + m2 * 32u + j)] = v1;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 32u) {
    let m2_1: u32 = i_1 % 24u;
    let mr2_1: u32 = i_1 / 24u;
    let m1_1: u32 = mr2_1 % 24u;
    let mr1_1: u32 = mr2_1 / 24u;
    let t1_1: f32 = acc01 + arena[293u + j_1];
    let v0_1: f32 = max(t1_1, 0.0);
    let v1_1: f32 = select(0.0, 1.0, t1_1 > 0.0);
    arena[204835u + (mr1_1 * 18432u + m1_1 * 768u + m2_1 * 32u + j_1)] = v0_1;
    arena[7818343u + (mr1_1 * 18432u + m1_1 * 768u + m2_1 * 32u + j_1)] = v1_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 32u) {
    let m2_2: u32 = i_2 % 24u;
    let mr2_2: u32 = i_2 / 24u;
    let m1_2: u32 = mr2_2 % 24u;
    let mr1_2: u32 = mr2_2 / 24u;
    let t1_2: f32 = acc10 + arena[293u + j_2];
    let v0_2: f32 = max(t1_2, 0.0);
    let v1_2: f32 = select(0.0, 1.0, t1_2 > 0.0);
    arena[204835u + (mr1_2 * 18432u + m1_2 * 768u + m2_2 * 32u + j_2)] = v0_2;
    arena[7818343u + (mr1_2 * 18432u + m1_2 * 768u + m2_2 * 32u + j_2)] = v1_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 32u) {
    let m2_3: u32 = i_3 % 24u;
    let mr2_3: u32 = i_3 / 24u;
    let m1_3: u32 = mr2_3 % 24u;
    let mr1_3: u32 = mr2_3 / 24u;
    let t1_3: f32 = acc11 + arena[293u + j_3];
    let v0_3: f32 = max(t1_3, 0.0);
    let v1_3: f32 = select(0.0, 1.0, t1_3 > 0.0);
    arena[204835u + (mr1_3 * 18432u + m1_3 * 768u + m2_3 * 32u + j_3)] = v0_3;
    arena[7818343u + (mr1_3 * 18432u + m1_3 * 768u + m2_3 * 32u + j_3)] = v1_3;
  }
}

// ==== train.max_pooling2d.max_axes24@11.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows * 4608u) {
    var acc0: f32 = -3.40282346e+38;
    var acc1: f32 = 0.0;
    var best1: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 4u; r++) {
      let o3: u32 = gid.x % 32u;
      let or3: u32 = gid.x / 32u;
      let o2: u32 = or3 % 12u;
      let or2: u32 = or3 / 12u;
      let o1: u32 = or2 % 12u;
      let or1: u32 = or2 / 12u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[204835u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1) * 32u + o3)];
      acc0 = max(acc0, x0);
      let x1: f32 = arena[204835u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1) * 32u + o3)];
      if (x1 > best1) {
        best1 = x1;
        acc1 = f32(r);
      }
    }
    let o3_1: u32 = gid.x % 32u;
    let or3_1: u32 = gid.x / 32u;
    let o2_1: u32 = or3_1 % 12u;
    let or2_1: u32 = or3_1 / 12u;
    let o1_1: u32 = or2_1 % 12u;
    let or1_1: u32 = or2_1 / 12u;
    let v0: f32 = acc0;
    let v1: f32 = acc1;
    arena[2564131u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v0;
    arena[7228519u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v1;
  }
}

// ==== train.conv2d_1.contract@12.wgsl
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
  let m: u32 = rows * 100u;
  let k_len: u32 = 288u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 64u;
  let col0: u32 = tile % 1u * 64u;
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
      let x2: u32 = ai % 10u;
      let xr2: u32 = ai / 10u;
      let x1: u32 = xr2 % 10u;
      let xr1: u32 = xr2 / 10u;
      let k2: u32 = aka % 32u;
      let kr2: u32 = aka / 32u;
      let k1: u32 = kr2 % 3u;
      let kr1: u32 = kr2 / 3u;
      a = arena[2564131u + (xr1 * 4608u + (x1 + kr1) * 384u + (x2 + k1) * 32u + k2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 64u;
    let bc: u32 = e % 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      let k2_1: u32 = bka % 32u;
      let kr2_1: u32 = bka / 32u;
      let k1_1: u32 = kr2_1 % 3u;
      let kr1_1: u32 = kr2_1 / 3u;
      bv = arena[325u + (kr1_1 * 6144u + k1_1 * 2048u + k2_1 * 64u + bj)];
    }
    tile_b[bk * 64u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 10u;
      let xr2_1: u32 = ai_1 / 10u;
      let x1_1: u32 = xr2_1 % 10u;
      let xr1_1: u32 = xr2_1 / 10u;
      let k2_2: u32 = aka_1 % 32u;
      let kr2_2: u32 = aka_1 / 32u;
      let k1_2: u32 = kr2_2 % 3u;
      let kr1_2: u32 = kr2_2 / 3u;
      a_1 = arena[2564131u + (xr1_1 * 4608u + (x1_1 + kr1_2) * 384u + (x2_1 + k1_2) * 32u + k2_2)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 64u;
    let bc_1: u32 = e_1 % 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      let k2_3: u32 = bka_1 % 32u;
      let kr2_3: u32 = bka_1 / 32u;
      let k1_3: u32 = kr2_3 % 3u;
      let kr1_3: u32 = kr2_3 / 3u;
      bv_1 = arena[325u + (kr1_3 * 6144u + k1_3 * 2048u + k2_3 * 64u + bj_1)];
    }
    tile_b[bk_1 * 64u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 16u;
    let ak_2: u32 = e_2 % 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x2_2: u32 = ai_2 % 10u;
      let xr2_2: u32 = ai_2 / 10u;
      let x1_2: u32 = xr2_2 % 10u;
      let xr1_2: u32 = xr2_2 / 10u;
      let k2_4: u32 = aka_2 % 32u;
      let kr2_4: u32 = aka_2 / 32u;
      let k1_4: u32 = kr2_4 % 3u;
      let kr1_4: u32 = kr2_4 / 3u;
      a_2 = arena[2564131u + (xr1_2 * 4608u + (x1_2 + kr1_4) * 384u + (x2_2 + k1_4) * 32u + k2_4)];
    }
    tile_a[ar_2 * 16u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 64u;
    let bc_2: u32 = e_2 % 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 64u) {
      let k2_5: u32 = bka_2 % 32u;
      let kr2_5: u32 = bka_2 / 32u;
      let k1_5: u32 = kr2_5 % 3u;
      let kr1_5: u32 = kr2_5 / 3u;
      bv_2 = arena[325u + (kr1_5 * 6144u + k1_5 * 2048u + k2_5 * 64u + bj_2)];
    }
    tile_b[bk_2 * 64u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 16u;
    let ak_3: u32 = e_3 % 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x2_3: u32 = ai_3 % 10u;
      let xr2_3: u32 = ai_3 / 10u;
      let x1_3: u32 = xr2_3 % 10u;
      let xr1_3: u32 = xr2_3 / 10u;
      let k2_6: u32 = aka_3 % 32u;
      let kr2_6: u32 = aka_3 / 32u;
      let k1_6: u32 = kr2_6 % 3u;
      let kr1_6: u32 = kr2_6 / 3u;
      a_3 = arena[2564131u + (xr1_3 * 4608u + (x1_3 + kr1_6) * 384u + (x2_3 + k1_6) * 32u + k2_6)];
    }
    tile_a[ar_3 * 16u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 64u;
    let bc_3: u32 = e_3 % 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 64u) {
      let k2_7: u32 = bka_3 % 32u;
      let kr2_7: u32 = bka_3 / 32u;
      let k1_7: u32 = kr2_7 % 3u;
      let kr1_7: u32 = kr2_7 / 3u;
      bv_3 = arena[325u + (kr1_7 * 6144u + k1_7 * 2048u + k2_7 * 64u + bj_3)];
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
  if (i < m && j < 64u) {
    let m2: u32 = i % 10u;
    let mr2: u32 = i / 10u;
    let m1: u32 = mr2 % 10u;
    let mr1: u32 = mr2 / 10u;
    let t1: f32 = acc00 + arena[18757u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[3153955u + (mr1 * 6400u + m1 * 640u + m2 * 64u + j)] = v0;
    arena[5000231u + (mr1 * 6400u + m1 * 640u + m2 * 64u + j)] = v1;
  }
  let i_1: u32 = row0 + (lid.y * 4u + 0u);
  let j_1: u32 = col0 + (lid.x * 4u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let m2_1: u32 = i_1 % 10u;
    let mr2_1: u32 = i_1 / 10u;
    let m1_1: u32 = mr2_1 % 10u;
    let mr1_1: u32 = mr2_1 / 10u;
    let t1_1: f32 = acc01 + arena[18757u + j_1];
    let v0_1: f32 = max(t1_1, 0.0);
    let v1_1: f32 = select(0.0, 1.0, t1_1 > 0.0);
    arena[3153955u + (mr1_1 * 6400u + m1_1 * 640u + m2_1 * 64u + j_1)] = v0_1;
    arena[5000231u + (mr1_1 * 6400u + m1_1 * 640u + m2_1 * 64u + j_1)] = v1_1;
  }
  let i_2: u32 = row0 + (lid.y * 4u + 0u);
  let j_2: u32 = col0 + (lid.x * 4u + 2u);
  if (i_2 < m && j_2 < 64u) {
    let m2_2: u32 = i_2 % 10u;
    let mr2_2: u32 = i_2 / 10u;
    let m1_2: u32 = mr2_2 % 10u;
    let mr1_2: u32 = mr2_2 / 10u;
    let t1_2: f32 = acc02 + arena[18757u + j_2];
    let v0_2: f32 = max(t1_2, 0.0);
    let v1_2: f32 = select(0.0, 1.0, t1_2 > 0.0);
    arena[3153955u + (mr1_2 * 6400u + m1_2 * 640u + m2_2 * 64u + j_2)] = v0_2;
    arena[5000231u + (mr1_2 * 6400u + m1_2 * 640u + m2_2 * 64u + j_2)] = v1_2;
  }
  let i_3: u32 = row0 + (lid.y * 4u + 0u);
  let j_3: u32 = col0 + (lid.x * 4u + 3u);
  if (i_3 < m && j_3 < 64u) {
    let m2_3: u32 = i_3 % 10u;
    let mr2_3: u32 = i_3 / 10u;
    let m1_3: u32 = mr2_3 % 10u;
    let mr1_3: u32 = mr2_3 / 10u;
    let t1_3: f32 = acc03 + arena[18757u + j_3];
    let v0_3: f32 = max(t1_3, 0.0);
    let v1_3: f32 = select(0.0, 1.0, t1_3 > 0.0);
    arena[3153955u + (mr1_3 * 6400u + m1_3 * 640u + m2_3 * 64u + j_3)] = v0_3;
    arena[5000231u + (mr1_3 * 6400u + m1_3 * 640u + m2_3 * 64u + j_3)] = v1_3;
  }
  let i_4: u32 = row0 + (lid.y * 4u + 1u);
  let j_4: u32 = col0 + (lid.x * 4u + 0u);
  if (i_4 < m && j_4 < 64u) {
    let m2_4: u32 = i_4 % 10u;
    let mr2_4: u32 = i_4 / 10u;
    let m1_4: u32 = mr2_4 % 10u;
    let mr1_4: u32 = mr2_4 / 10u;
    let t1_4: f32 = acc10 + arena[18757u + j_4];
    let v0_4: f32 = max(t1_4, 0.0);
    let v1_4: f32 = select(0.0, 1.0, t1_4 > 0.0);
    arena[3153955u + (mr1_4 * 6400u + m1_4 * 640u + m2_4 * 64u + j_4)] = v0_4;
    arena[5000231u + (mr1_4 * 6400u + m1_4 * 640u + m2_4 * 64u + j_4)] = v1_4;
  }
  let i_5: u32 = row0 + (lid.y * 4u + 1u);
  let j_5: u32 = col0 + (lid.x * 4u + 1u);
  if (i_5 < m && j_5 < 64u) {
    let m2_5: u32 = i_5 % 10u;
    let mr2_5: u32 = i_5 / 10u;
    let m1_5: u32 = mr2_5 % 10u;
    let mr1_5: u32 = mr2_5 / 10u;
    let t1_5: f32 = acc11 + arena[18757u + j_5];
    let v0_5: f32 = max(t1_5, 0.0);
    let v1_5: f32 = select(0.0, 1.0, t1_5 > 0.0);
    arena[3153955u + (mr1_5 * 6400u + m1_5 * 640u + m2_5 * 64u + j_5)] = v0_5;
    arena[5000231u + (mr1_5 * 6400u + m1_5 * 640u + m2_5 * 64u + j_5)] = v1_5;
  }
  let i_6: u32 = row0 + (lid.y * 4u + 1u);
  let j_6: u32 = col0 + (lid.x * 4u + 2u);
  if (i_6 < m && j_6 < 64u) {
    let m2_6: u32 = i_6 % 10u;
    let mr2_6: u32 = i_6 / 10u;
    let m1_6: u32 = mr2_6 % 10u;
    let mr1_6: u32 = mr2_6 / 10u;
    let t1_6: f32 = acc12 + arena[18757u + j_6];
    let v0_6: f32 = max(t1_6, 0.0);
    let v1_6: f32 = select(0.0, 1.0, t1_6 > 0.0);
    arena[3153955u + (mr1_6 * 6400u + m1_6 * 640u + m2_6 * 64u + j_6)] = v0_6;
    arena[5000231u + (mr1_6 * 6400u + m1_6 * 640u + m2_6 * 64u + j_6)] = v1_6;
  }
  let i_7: u32 = row0 + (lid.y * 4u + 1u);
  let j_7: u32 = col0 + (lid.x * 4u + 3u);
  if (i_7 < m && j_7 < 64u) {
    let m2_7: u32 = i_7 % 10u;
    let mr2_7: u32 = i_7 / 10u;
    let m1_7: u32 = mr2_7 % 10u;
    let mr1_7: u32 = mr2_7 / 10u;
    let t1_7: f32 = acc13 + arena[18757u + j_7];
    let v0_7: f32 = max(t1_7, 0.0);
    let v1_7: f32 = select(0.0, 1.0, t1_7 > 0.0);
    arena[3153955u + (mr1_7 * 6400u + m1_7 * 640u + m2_7 * 64u + j_7)] = v0_7;
    arena[5000231u + (mr1_7 * 6400u + m1_7 * 640u + m2_7 * 64u + j_7)] = v1_7;
  }
  let i_8: u32 = row0 + (lid.y * 4u + 2u);
  let j_8: u32 = col0 + (lid.x * 4u + 0u);
  if (i_8 < m && j_8 < 64u) {
    let m2_8: u32 = i_8 % 10u;
    let mr2_8: u32 = i_8 / 10u;
    let m1_8: u32 = mr2_8 % 10u;
    let mr1_8: u32 = mr2_8 / 10u;
    let t1_8: f32 = acc20 + arena[18757u + j_8];
    let v0_8: f32 = max(t1_8, 0.0);
    let v1_8: f32 = select(0.0, 1.0, t1_8 > 0.0);
    arena[3153955u + (mr1_8 * 6400u + m1_8 * 640u + m2_8 * 64u + j_8)] = v0_8;
    arena[5000231u + (mr1_8 * 6400u + m1_8 * 640u + m2_8 * 64u + j_8)] = v1_8;
  }
  let i_9: u32 = row0 + (lid.y * 4u + 2u);
  let j_9: u32 = col0 + (lid.x * 4u + 1u);
  if (i_9 < m && j_9 < 64u) {
    let m2_9: u32 = i_9 % 10u;
    let mr2_9: u32 = i_9 / 10u;
    let m1_9: u32 = mr2_9 % 10u;
    let mr1_9: u32 = mr2_9 / 10u;
    let t1_9: f32 = acc21 + arena[18757u + j_9];
    let v0_9: f32 = max(t1_9, 0.0);
    let v1_9: f32 = select(0.0, 1.0, t1_9 > 0.0);
    arena[3153955u + (mr1_9 * 6400u + m1_9 * 640u + m2_9 * 64u + j_9)] = v0_9;
    arena[5000231u + (mr1_9 * 6400u + m1_9 * 640u + m2_9 * 64u + j_9)] = v1_9;
  }
  let i_10: u32 = row0 + (lid.y * 4u + 2u);
  let j_10: u32 = col0 + (lid.x * 4u + 2u);
  if (i_10 < m && j_10 < 64u) {
    let m2_10: u32 = i_10 % 10u;
    let mr2_10: u32 = i_10 / 10u;
    let m1_10: u32 = mr2_10 % 10u;
    let mr1_10: u32 = mr2_10 / 10u;
    let t1_10: f32 = acc22 + arena[18757u + j_10];
    let v0_10: f32 = max(t1_10, 0.0);
    let v1_10: f32 = select(0.0, 1.0, t1_10 > 0.0);
    arena[3153955u + (mr1_10 * 6400u + m1_10 * 640u + m2_10 * 64u + j_10)] = v0_10;
    arena[5000231u + (mr1_10 * 6400u + m1_10 * 640u + m2_10 * 64u + j_10)] = v1_10;
  }
  let i_11: u32 = row0 + (lid.y * 4u + 2u);
  let j_11: u32 = col0 + (lid.x * 4u + 3u);
  if (i_11 < m && j_11 < 64u) {
    let m2_11: u32 = i_11 % 10u;
    let mr2_11: u32 = i_11 / 10u;
    let m1_11: u32 = mr2_11 % 10u;
    let mr1_11: u32 = mr2_11 / 10u;
    let t1_11: f32 = acc23 + arena[18757u + j_11];
    let v0_11: f32 = max(t1_11, 0.0);
    let v1_11: f32 = select(0.0, 1.0, t1_11 > 0.0);
    arena[3153955u + (mr1_11 * 6400u + m1_11 * 640u + m2_11 * 64u + j_11)] = v0_11;
    arena[5000231u + (mr1_11 * 6400u + m1_11 * 640u + m2_11 * 64u + j_11)] = v1_11;
  }
  let i_12: u32 = row0 + (lid.y * 4u + 3u);
  let j_12: u32 = col0 + (lid.x * 4u + 0u);
  if (i_12 < m && j_12 < 64u) {
    let m2_12: u32 = i_12 % 10u;
    let mr2_12: u32 = i_12 / 10u;
    let m1_12: u32 = mr2_12 % 10u;
    let mr1_12: u32 = mr2_12 / 10u;
    let t1_12: f32 = acc30 + arena[18757u + j_12];
    let v0_12: f32 = max(t1_12, 0.0);
    let v1_12: f32 = select(0.0, 1.0, t1_12 > 0.0);
    arena[3153955u + (mr1_12 * 6400u + m1_12 * 640u + m2_12 * 64u + j_12)] = v0_12;
    arena[5000231u + (mr1_12 * 6400u + m1_12 * 640u + m2_12 * 64u + j_12)] = v1_12;
  }
  let i_13: u32 = row0 + (lid.y * 4u + 3u);
  let j_13: u32 = col0 + (lid.x * 4u + 1u);
  if (i_13 < m && j_13 < 64u) {
    let m2_13: u32 = i_13 % 10u;
    let mr2_13: u32 = i_13 / 10u;
    let m1_13: u32 = mr2_13 % 10u;
    let mr1_13: u32 = mr2_13 / 10u;
    let t1_13: f32 = acc31 + arena[18757u + j_13];
    let v0_13: f32 = max(t1_13, 0.0);
    let v1_13: f32 = select(0.0, 1.0, t1_13 > 0.0);
    arena[3153955u + (mr1_13 * 6400u + m1_13 * 640u + m2_13 * 64u + j_13)] = v0_13;
    arena[5000231u + (mr1_13 * 6400u + m1_13 * 640u + m2_13 * 64u + j_13)] = v1_13;
  }
  let i_14: u32 = row0 + (lid.y * 4u + 3u);
  let j_14: u32 = col0 + (lid.x * 4u + 2u);
  if (i_14 < m && j_14 < 64u) {
    let m2_14: u32 = i_14 % 10u;
    let mr2_14: u32 = i_14 / 10u;
    let m1_14: u32 = mr2_14 % 10u;
    let mr1_14: u32 = mr2_14 / 10u;
    let t1_14: f32 = acc32 + arena[18757u + j_14];
    let v0_14: f32 = max(t1_14, 0.0);
    let v1_14: f32 = select(0.0, 1.0, t1_14 > 0.0);
    arena[3153955u + (mr1_14 * 6400u + m1_14 * 640u + m2_14 * 64u + j_14)] = v0_14;
    arena[5000231u + (mr1_14 * 6400u + m1_14 * 640u + m2_14 * 64u + j_14)] = v1_14;
  }
  let i_15: u32 = row0 + (lid.y * 4u + 3u);
  let j_15: u32 = col0 + (lid.x * 4u + 3u);
  if (i_15 < m && j_15 < 64u) {
    let m2_15: u32 = i_15 % 10u;
    let mr2_15: u32 = i_15 / 10u;
    let m1_15: u32 = mr2_15 % 10u;
    let mr1_15: u32 = mr2_15 / 10u;
    let t1_15: f32 = acc33 + arena[18757u + j_15];
    let v0_15: f32 = max(t1_15, 0.0);
    let v1_15: f32 = select(0.0, 1.0, t1_15 > 0.0);
    arena[3153955u + (mr1_15 * 6400u + m1_15 * 640u + m2_15 * 64u + j_15)] = v0_15;
    arena[5000231u + (mr1_15 * 6400u + m1_15 * 640u + m2_15 * 64u + j_15)] = v1_15;
  }
}

// ==== train.max_pooling2d_1.max_axes24@13.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows * 1600u) {
    var acc0: f32 = -3.40282346e+38;
    var acc1: f32 = 0.0;
    var best1: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 4u; r++) {
      let o3: u32 = gid.x % 64u;
      let or3: u32 = gid.x / 64u;
      let o2: u32 = or3 % 5u;
      let or2: u32 = or3 / 5u;
      let o1: u32 = or2 % 5u;
      let or1: u32 = or2 / 5u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[3153955u + (or1 * 6400u + (o1 * 2u + rr1) * 640u + (o2 * 2u + r1) * 64u + o3)];
      acc0 = max(acc0, x0);
      let x1: f32 = arena[3153955u + (or1 * 6400u + (o1 * 2u + rr1) * 640u + (o2 * 2u + r1) * 64u + o3)];
      if (x1 > best1) {
        best1 = x1;
        acc1 = f32(r);
      }
    }
    let o3_1: u32 = gid.x % 64u;
    let or3_1: u32 = gid.x / 64u;
    let o2_1: u32 = or3_1 % 5u;
    let or2_1: u32 = or3_1 / 5u;
    let o1_1: u32 = or2_1 % 5u;
    let or1_1: u32 = or2_1 / 5u;
    let v0: f32 = acc0;
    let v1: f32 = acc1;
    arena[3973155u + (or1_1 * 1600u + o1_1 * 320u + o2_1 * 64u + o3_1)] = v0;
    arena[4795431u + (or1_1 * 1600u + o1_1 * 320u + o2_1 * 64u + o3_1)] = v1;
  }
}

// ==== train.dropout.random@15.wgsl
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

fn rng_mix32(x_in: u32) -> u32 {
  var x: u32 = x_in;
  x ^= x >> 16u;
  x *= 0x21f0aaadu;
  x ^= x >> 15u;
  x *= 0x735a2d97u;
  x ^= x >> 15u;
  return x;
}

fn rng_u32(seed: u32, stream: u32, counter: u32) -> u32 {
  let key: u32 = rng_mix32(seed ^ 0x9e3779b9u);
  let s: u32 = rng_mix32(key ^ stream);
  return rng_mix32(rng_mix32(s ^ counter) + 0x6a09e667u);
}

fn rng_uniform(seed: u32, stream: u32, counter: u32) -> f32 {
  return f32(rng_u32(seed, stream, counter) >> 8u) * 5.9604645e-8;
}

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let id: u32 = (wid.y * nwg.x + wid.x) * 64u + lid.x;
  let count: u32 = rows * 1600u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 1600u;
    let j: u32 = (id - 0u) % 1600u;
    let t1: f32 = select(0.0, 1.0, rng_uniform(rng_mix32(step.seed ^ t), 3145734u, i * 1600u + j) >= 0.5);
    let v0: f32 = t1;
    let v1: f32 = arena[3973155u + (i * 1600u + j)] * t1 * 2.0;
    arena[4177955u + (i * 1600u + j)] = v0;
    arena[4382755u + (i * 1600u + j)] = v1;
  }
  let end: u32 = 0u + count;
}

// ==== train.dense.matmul@16.wgsl
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
  let k_len: u32 = 1600u;
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
      a = arena[4382755u + (ai * 1600u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 10u) {
      bv = arena[18821u + (bka * 10u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[4382755u + (ai_1 * 1600u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 10u) {
      bv_1 = arena[18821u + (bka_1 * 10u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[4382755u + (ai_2 * 1600u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 10u) {
      bv_2 = arena[18821u + (bka_2 * 10u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[4382755u + (ai_3 * 1600u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 10u) {
      bv_3 = arena[18821u + (bka_3 * 10u + bj_3)];
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
  if (i < m && j < 10u) {
    let v0: f32 = acc + arena[34821u + j];
    arena[4587555u + (i * 10u + j)] = v0;
  }
}

// ==== train.dense.softmax.max@16.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows) {
    var acc0: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = arena[4587555u + (gid.x * 10u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[4588835u + gid.x] = v0;
  }
}

// ==== train.dense.softmax.sumexp@16.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows) {
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    var acc2: f32 = 0.0;
    var acc3: f32 = 0.0;
    var acc4: f32 = 0.0;
    var best3: f32 = -3.40282346e+38;
    var best4: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = exp(arena[4587555u + (gid.x * 10u + r)] - arena[4588835u + gid.x]);
      acc0 += x0;
      let x1: f32 = labels[permutation[offset + gid.x] * 10u + r] * arena[4587555u + (gid.x * 10u + r)];
      acc1 += x1;
      let x2: f32 = labels[permutation[offset + gid.x] * 10u + r];
      acc2 += x2;
      let x3: f32 = labels[permutation[offset + gid.x] * 10u + r];
      if (x3 > best3) {
        best3 = x3;
        acc3 = f32(r);
      }
      let x4: f32 = arena[4587555u + (gid.x * 10u + r)];
      if (x4 > best4) {
        best4 = x4;
        acc4 = f32(r);
      }
    }
    let v0: f32 = acc0;
    let v1: f32 = (arena[4588835u + gid.x] + log(acc0)) * acc2 - acc1;
    let v2: f32 = select(0.0, 1.0, acc3 == acc4);
    arena[4588963u + gid.x] = v0;
    arena[4589091u + gid.x] = v1;
    arena[4589219u + gid.x] = v2;
  }
}

// ==== train.dense.softmax@16.wgsl
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
  let count: u32 = rows * 10u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 10u;
    let j: u32 = (id - 0u) % 10u;
    let v0: f32 = 1.0 / f32(rows) * (exp(arena[4587555u + (i * 10u + j)] - arena[4588835u + i]) / arena[4588963u + i] - labels[permutation[offset + i] * 10u + j]);
    arena[4589347u + (i * 10u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.accumulate.sum_all@20+dense.grad.sum_rows@16+dense.grad.matmul@16.wgsl
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
var<workgroup> k1_partials: array<f32, 256>;
var<workgroup> k2_tile_a: array<f32, 1024>;
var<workgroup> k2_tile_b: array<f32, 1024>;

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
      let x0: f32 = arena[4589091u + e];
      acc0 += x0;
      let x1: f32 = arena[4589219u + e];
      acc1 += x1;
    }
    k0_partials[0u + lid_1.x] = acc0;
    k0_partials[256u + lid_1.x] = acc1;
    workgroupBarrier();
    if (lid_1.x < 64u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[64u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[320u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 32u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[32u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[288u + lid_1.x];
    }
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
      let v0: f32 = arena[0u] + total0;
      let v1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2: f32 = arena[2u] + total1;
      arena[0u] = v0;
      arena[1u] = v1;
      arena[2u] = v2;
    }
  }
  // dense.grad.sum_rows
  let nx_1: u32 = 3u;
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
    var acc0_1: f32 = 0.0;
    if (col < 10u) {
      for (var r: u32 = lid_2.y; r < rows_2; r += 64u) {
        let x0_1: f32 = arena[4589347u + (r * 10u + col)];
        acc0_1 += x0_1;
      }
    }
    k1_partials[0u + (lid_2.y * 4u + lid_2.x)] = acc0_1;
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
    if (lid_2.y == 0u && col < 10u) {
      let total0_1: f32 = k1_partials[0u + (0u * 4u + lid_2.x)];
      let t6: f32 = arena[104463u + col] + (total0_1 - arena[104463u + col]) * 0.1;
      let t7: f32 = arena[104473u + col] + (total0_1 * total0_1 - arena[104473u + col]) * 0.001;
      let v0_1: f32 = t6;
      let v1_1: f32 = t7;
      let v2_1: f32 = arena[34821u + col] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7) + 1e-7);
      arena[104463u + col] = v0_1;
      arena[104473u + col] = v1_1;
      arena[34821u + col] = v2_1;
    }
  }
  // dense.grad.matmul
  let nx_2: u32 = 25u;
  let ny_2: u32 = max(1u, (rows * 1u + 63u) / 64u);
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
    let m: u32 = rows_3;
    let k_len: u32 = 10u;
    let tile: u32 = wid_3.y * nwg_3.x + wid_3.x;
    let row0: u32 = tile / 25u * 64u;
    let col0: u32 = tile % 25u * 64u;
    let flat: u32 = lid_3.y * 16u + lid_3.x;
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
      let e_1: u32 = flat + 0u;
      let ar: u32 = e_1 / 16u;
      let ak: u32 = e_1 % 16u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        a = arena[4589347u + (ai * 10u + aka)];
      }
      k2_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e_1 % 16u;
      let bc: u32 = e_1 / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 1600u) {
        bv = arena[18821u + (bj * 10u + bka)];
      }
      k2_tile_b[bk * 64u + bc] = bv;
      let e_2: u32 = flat + 256u;
      let ar_1: u32 = e_2 / 16u;
      let ak_1: u32 = e_2 % 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[4589347u + (ai_1 * 10u + aka_1)];
      }
      k2_tile_a[ar_1 * 16u + ak_1] = a_1;
      let bk_1: u32 = e_2 % 16u;
      let bc_1: u32 = e_2 / 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 1600u) {
        bv_1 = arena[18821u + (bj_1 * 10u + bka_1)];
      }
      k2_tile_b[bk_1 * 64u + bc_1] = bv_1;
      let e_3: u32 = flat + 512u;
      let ar_2: u32 = e_3 / 16u;
      let ak_2: u32 = e_3 % 16u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        a_2 = arena[4589347u + (ai_2 * 10u + aka_2)];
      }
      k2_tile_a[ar_2 * 16u + ak_2] = a_2;
      let bk_2: u32 = e_3 % 16u;
      let bc_2: u32 = e_3 / 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 1600u) {
        bv_2 = arena[18821u + (bj_2 * 10u + bka_2)];
      }
      k2_tile_b[bk_2 * 64u + bc_2] = bv_2;
      let e_4: u32 = flat + 768u;
      let ar_3: u32 = e_4 / 16u;
      let ak_3: u32 = e_4 % 16u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        a_3 = arena[4589347u + (ai_3 * 10u + aka_3)];
      }
      k2_tile_a[ar_3 * 16u + ak_3] = a_3;
      let bk_3: u32 = e_4 % 16u;
      let bc_3: u32 = e_4 / 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 1600u) {
        bv_3 = arena[18821u + (bj_3 * 10u + bka_3)];
      }
      k2_tile_b[bk_3 * 64u + bc_3] = bv_3;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 16u; kk++) {
        let a0: f32 = k2_tile_a[(lid_3.y * 4u + 0u) * 16u + kk];
        let a1: f32 = k2_tile_a[(lid_3.y * 4u + 1u) * 16u + kk];
        let a2: f32 = k2_tile_a[(lid_3.y * 4u + 2u) * 16u + kk];
        let a3: f32 = k2_tile_a[(lid_3.y * 4u + 3u) * 16u + kk];
        let b0: f32 = k2_tile_b[kk * 64u + (lid_3.x * 4u + 0u)];
        let b1: f32 = k2_tile_b[kk * 64u + (lid_3.x * 4u + 1u)];
        let b2: f32 = k2_tile_b[kk * 64u + (lid_3.x * 4u + 2u)];
        let b3: f32 = k2_tile_b[kk * 64u + (lid_3.x * 4u + 3u)];
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
    let i: u32 = row0 + (lid_3.y * 4u + 0u);
    let j: u32 = col0 + (lid_3.x * 4u + 0u);
    if (i < m && j < 1600u) {
      let v0_2: f32 = acc00 * 2.0 * arena[4177955u + (i * 1600u + j)];
      arena[4590627u + (i * 1600u + j)] = v0_2;
    }
    let i_1: u32 = row0 + (lid_3.y * 4u + 0u);
    let j_1: u32 = col0 + (lid_3.x * 4u + 1u);
    if (i_1 < m && j_1 < 1600u) {
      let v0_3: f32 = acc01 * 2.0 * arena[4177955u + (i_1 * 1600u + j_1)];
      arena[4590627u + (i_1 * 1600u + j_1)] = v0_3;
    }
    let i_2: u32 = row0 + (lid_3.y * 4u + 0u);
    let j_2: u32 = col0 + (lid_3.x * 4u + 2u);
    if (i_2 < m && j_2 < 1600u) {
      let v0_4: f32 = acc02 * 2.0 * arena[4177955u + (i_2 * 1600u + j_2)];
      arena[4590627u + (i_2 * 1600u + j_2)] = v0_4;
    }
    let i_3: u32 = row0 + (lid_3.y * 4u + 0u);
    let j_3: u32 = col0 + (lid_3.x * 4u + 3u);
    if (i_3 < m && j_3 < 1600u) {
      let v0_5: f32 = acc03 * 2.0 * arena[4177955u + (i_3 * 1600u + j_3)];
      arena[4590627u + (i_3 * 1600u + j_3)] = v0_5;
    }
    let i_4: u32 = row0 + (lid_3.y * 4u + 1u);
    let j_4: u32 = col0 + (lid_3.x * 4u + 0u);
    if (i_4 < m && j_4 < 1600u) {
      let v0_6: f32 = acc10 * 2.0 * arena[4177955u + (i_4 * 1600u + j_4)];
      arena[4590627u + (i_4 * 1600u + j_4)] = v0_6;
    }
    let i_5: u32 = row0 + (lid_3.y * 4u + 1u);
    let j_5: u32 = col0 + (lid_3.x * 4u + 1u);
    if (i_5 < m && j_5 < 1600u) {
      let v0_7: f32 = acc11 * 2.0 * arena[4177955u + (i_5 * 1600u + j_5)];
      arena[4590627u + (i_5 * 1600u + j_5)] = v0_7;
    }
    let i_6: u32 = row0 + (lid_3.y * 4u + 1u);
    let j_6: u32 = col0 + (lid_3.x * 4u + 2u);
    if (i_6 < m && j_6 < 1600u) {
      let v0_8: f32 = acc12 * 2.0 * arena[4177955u + (i_6 * 1600u + j_6)];
      arena[4590627u + (i_6 * 1600u + j_6)] = v0_8;
    }
    let i_7: u32 = row0 + (lid_3.y * 4u + 1u);
    let j_7: u32 = col0 + (lid_3.x * 4u + 3u);
    if (i_7 < m && j_7 < 1600u) {
      let v0_9: f32 = acc13 * 2.0 * arena[4177955u + (i_7 * 1600u + j_7)];
      arena[4590627u + (i_7 * 1600u + j_7)] = v0_9;
    }
    let i_8: u32 = row0 + (lid_3.y * 4u + 2u);
    let j_8: u32 = col0 + (lid_3.x * 4u + 0u);
    if (i_8 < m && j_8 < 1600u) {
      let v0_10: f32 = acc20 * 2.0 * arena[4177955u + (i_8 * 1600u + j_8)];
      arena[4590627u + (i_8 * 1600u + j_8)] = v0_10;
    }
    let i_9: u32 = row0 + (lid_3.y * 4u + 2u);
    let j_9: u32 = col0 + (lid_3.x * 4u + 1u);
    if (i_9 < m && j_9 < 1600u) {
      let v0_11: f32 = acc21 * 2.0 * arena[4177955u + (i_9 * 1600u + j_9)];
      arena[4590627u + (i_9 * 1600u + j_9)] = v0_11;
    }
    let i_10: u32 = row0 + (lid_3.y * 4u + 2u);
    let j_10: u32 = col0 + (lid_3.x * 4u + 2u);
    if (i_10 < m && j_10 < 1600u) {
      let v0_12: f32 = acc22 * 2.0 * arena[4177955u + (i_10 * 1600u + j_10)];
      arena[4590627u + (i_10 * 1600u + j_10)] = v0_12;
    }
    let i_11: u32 = row0 + (lid_3.y * 4u + 2u);
    let j_11: u32 = col0 + (lid_3.x * 4u + 3u);
    if (i_11 < m && j_11 < 1600u) {
      let v0_13: f32 = acc23 * 2.0 * arena[4177955u + (i_11 * 1600u + j_11)];
      arena[4590627u + (i_11 * 1600u + j_11)] = v0_13;
    }
    let i_12: u32 = row0 + (lid_3.y * 4u + 3u);
    let j_12: u32 = col0 + (lid_3.x * 4u + 0u);
    if (i_12 < m && j_12 < 1600u) {
      let v0_14: f32 = acc30 * 2.0 * arena[4177955u + (i_12 * 1600u + j_12)];
      arena[4590627u + (i_12 * 1600u + j_12)] = v0_14;
    }
    let i_13: u32 = row0 + (lid_3.y * 4u + 3u);
    let j_13: u32 = col0 + (lid_3.x * 4u + 1u);
    if (i_13 < m && j_13 < 1600u) {
      let v0_15: f32 = acc31 * 2.0 * arena[4177955u + (i_13 * 1600u + j_13)];
      arena[4590627u + (i_13 * 1600u + j_13)] = v0_15;
    }
    let i_14: u32 = row0 + (lid_3.y * 4u + 3u);
    let j_14: u32 = col0 + (lid_3.x * 4u + 2u);
    if (i_14 < m && j_14 < 1600u) {
      let v0_16: f32 = acc32 * 2.0 * arena[4177955u + (i_14 * 1600u + j_14)];
      arena[4590627u + (i_14 * 1600u + j_14)] = v0_16;
    }
    let i_15: u32 = row0 + (lid_3.y * 4u + 3u);
    let j_15: u32 = col0 + (lid_3.x * 4u + 3u);
    if (i_15 < m && j_15 < 1600u) {
      let v0_17: f32 = acc33 * 2.0 * arena[4177955u + (i_15 * 1600u + j_15)];
      arena[4590627u + (i_15 * 1600u + j_15)] = v0_17;
    }
  }
}

// ==== train.dense.grad.matmul_1@16.wgsl
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
  let m: u32 = 1600u;
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
      a = arena[4382755u + (aka * 1600u + ai)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 10u) {
      bv = arena[4589347u + (bka * 10u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 % 16u;
    let ak_1: u32 = e_1 / 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[4382755u + (aka_1 * 1600u + ai_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 10u) {
      bv_1 = arena[4589347u + (bka_1 * 10u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 % 16u;
    let ak_2: u32 = e_2 / 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[4382755u + (aka_2 * 1600u + ai_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 10u) {
      bv_2 = arena[4589347u + (bka_2 * 10u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 % 16u;
    let ak_3: u32 = e_3 / 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[4382755u + (aka_3 * 1600u + ai_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 10u) {
      bv_3 = arena[4589347u + (bka_3 * 10u + bj_3)];
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
  if (i < m && j < 10u) {
    let t6: f32 = arena[72463u + (i * 10u + j)] + (acc - arena[72463u + (i * 10u + j)]) * 0.1;
    let t7: f32 = arena[88463u + (i * 10u + j)] + (acc * acc - arena[88463u + (i * 10u + j)]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[18821u + (i * 10u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[72463u + (i * 10u + j)] = v0;
    arena[88463u + (i * 10u + j)] = v1;
    arena[18821u + (i * 10u + j)] = v2;
  }
}

// ==== train.max_pooling2d_1.grad.position@13.wgsl
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
  let count: u32 = 4u;
  if (id >= 0u && id < 0u + count) {
    let i4: u32 = (id - 0u) % 2u;
    let r4: u32 = (id - 0u) / 2u;
    let v0: f32 = f32(r4) * 2.0 + f32(i4);
    arena[4795427u + (r4 * 2u + i4)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.max_pooling2d_1.grad.eq@13.wgsl
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
  let count: u32 = rows * 6400u;
  if (id >= 0u && id < 0u + count) {
    let i5: u32 = (id - 0u) % 64u;
    let r5: u32 = (id - 0u) / 64u;
    let i4: u32 = r5 % 2u;
    let r4: u32 = r5 / 2u;
    let i3: u32 = r4 % 5u;
    let r3: u32 = r4 / 5u;
    let i2: u32 = r3 % 2u;
    let r2: u32 = r3 / 2u;
    let i1: u32 = r2 % 5u;
    let r1: u32 = r2 / 5u;
    let v0: f32 = arena[4590627u + (r1 * 1600u + i1 * 320u + i3 * 64u + i5)] * select(0.0, 1.0, arena[4795427u + (i2 * 2u + i4)] == arena[4795431u + (r1 * 1600u + i1 * 320u + i3 * 64u + i5)]) * arena[5000231u + (r1 * 6400u + i1 * 1280u + i2 * 640u + i3 * 128u + i4 * 64u + i5)];
    arena[5819431u + (r1 * 6400u + i1 * 1280u + i2 * 640u + i3 * 128u + i4 * 64u + i5)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.conv2d_1.grad.sum_axes012@12+conv2d_1.grad.contract@12.wgsl
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

var<workgroup> k0_partials: array<f32, 256>;
var<workgroup> k1_tile_a: array<f32, 512>;
var<workgroup> k1_tile_b: array<f32, 512>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // conv2d_1.grad.sum_axes012
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
    if (col < 64u) {
      for (var r: u32 = lid_1.y; r < rows_1 * 100u; r += 64u) {
        let r2: u32 = r % 10u;
        let rr2: u32 = r / 10u;
        let r1: u32 = rr2 % 10u;
        let rr1: u32 = rr2 / 10u;
        let x0: f32 = arena[5819431u + (rr1 * 6400u + r1 * 640u + r2 * 64u + col)];
        acc0 += x0;
      }
    }
    k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = acc0;
    workgroupBarrier();
    if (lid_1.y < 32u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 32u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 16u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 16u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 8u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 8u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 4u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 4u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 2u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 2u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 1u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 1u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y == 0u && col < 64u) {
      let total0: f32 = k0_partials[0u + (0u * 4u + lid_1.x)];
      let v0: f32 = total0;
      arena[6638631u + col] = v0;
    }
  }
  // conv2d_1.grad.contract
  let nx_1: u32 = 1u;
  let ny_1: u32 = max(1u, (rows * 144u + 31u) / 32u);
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
    let m: u32 = rows_2 * 144u;
    let k_len: u32 = 576u;
    let tile: u32 = wid_2.y * nwg_2.x + wid_2.x;
    let row0: u32 = tile / 1u * 32u;
    let col0: u32 = tile % 1u * 32u;
    let flat: u32 = lid_2.y * 16u + lid_2.x;
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
        let x2: u32 = ai % 12u;
        let xr2: u32 = ai / 12u;
        let x1: u32 = xr2 % 12u;
        let xr1: u32 = xr2 / 12u;
        let k2: u32 = aka % 64u;
        let kr2: u32 = aka / 64u;
        let k1: u32 = kr2 % 3u;
        let kr1: u32 = kr2 / 3u;
        a = select(0.0, arena[5819431u + (xr1 * 6400u + (x1 - kr1) * 640u + (x2 - k1) * 64u + k2)], x1 - kr1 < 10u && x2 - k1 < 10u);
      }
      k1_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e % 16u;
      let bc: u32 = e / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 32u) {
        let k2_1: u32 = bka % 64u;
        let kr2_1: u32 = bka / 64u;
        let k1_1: u32 = kr2_1 % 3u;
        let kr1_1: u32 = kr2_1 / 3u;
        bv = arena[325u + (kr1_1 * 6144u + k1_1 * 2048u + bj * 64u + k2_1)];
      }
      k1_tile_b[bk * 32u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 / 16u;
      let ak_1: u32 = e_1 % 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        let x2_1: u32 = ai_1 % 12u;
        let xr2_1: u32 = ai_1 / 12u;
        let x1_1: u32 = xr2_1 % 12u;
        let xr1_1: u32 = xr2_1 / 12u;
        let k2_2: u32 = aka_1 % 64u;
        let kr2_2: u32 = aka_1 / 64u;
        let k1_2: u32 = kr2_2 % 3u;
        let kr1_2: u32 = kr2_2 / 3u;
        a_1 = select(0.0, arena[5819431u + (xr1_1 * 6400u + (x1_1 - kr1_2) * 640u + (x2_1 - k1_2) * 64u + k2_2)], x1_1 - kr1_2 < 10u && x2_1 - k1_2 < 10u);
      }
      k1_tile_a[ar_1 * 16u + ak_1] = a_1;
      let bk_1: u32 = e_1 % 16u;
      let bc_1: u32 = e_1 / 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 32u) {
        let k2_3: u32 = bka_1 % 64u;
        let kr2_3: u32 = bka_1 / 64u;
        let k1_3: u32 = kr2_3 % 3u;
        let kr1_3: u32 = kr2_3 / 3u;
        bv_1 = arena[325u + (kr1_3 * 6144u + k1_3 * 2048u + bj_1 * 64u + k2_3)];
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
      let m2: u32 = i % 12u;
      let mr2: u32 = i / 12u;
      let m1: u32 = mr2 % 12u;
      let mr1: u32 = mr2 / 12u;
      let v0_1: f32 = acc00;
      arena[6638695u + (mr1 * 4608u + m1 * 384u + m2 * 32u + j)] = v0_1;
    }
    let i_1: u32 = row0 + (lid_2.y * 2u + 0u);
    let j_1: u32 = col0 + (lid_2.x * 2u + 1u);
    if (i_1 < m && j_1 < 32u) {
      let m2_1: u32 = i_1 % 12u;
      let mr2_1: u32 = i_1 / 12u;
      let m1_1: u32 = mr2_1 % 12u;
      let mr1_1: u32 = mr2_1 / 12u;
      let v0_2: f32 = acc01;
      arena[6638695u + (mr1_1 * 4608u + m1_1 * 384u + m2_1 * 32u + j_1)] = v0_2;
    }
    let i_2: u32 = row0 + (lid_2.y * 2u + 1u);
    let j_2: u32 = col0 + (lid_2.x * 2u + 0u);
    if (i_2 < m && j_2 < 32u) {
      let m2_2: u32 = i_2 % 12u;
      let mr2_2: u32 = i_2 / 12u;
      let m1_2: u32 = mr2_2 % 12u;
      let mr1_2: u32 = mr2_2 / 12u;
      let v0_3: f32 = acc10;
      arena[6638695u + (mr1_2 * 4608u + m1_2 * 384u + m2_2 * 32u + j_2)] = v0_3;
    }
    let i_3: u32 = row0 + (lid_2.y * 2u + 1u);
    let j_3: u32 = col0 + (lid_2.x * 2u + 1u);
    if (i_3 < m && j_3 < 32u) {
      let m2_3: u32 = i_3 % 12u;
      let mr2_3: u32 = i_3 / 12u;
      let m1_3: u32 = mr2_3 % 12u;
      let mr1_3: u32 = mr2_3 / 12u;
      let v0_4: f32 = acc11;
      arena[6638695u + (mr1_3 * 4608u + m1_3 * 384u + m2_3 * 32u + j_3)] = v0_4;
    }
  }
}

// ==== train.conv2d_1.grad.contract_1@12.wgsl
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
  let m: u32 = 288u;
  let k_len: u32 = rows * 100u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 64u;
  let col0: u32 = tile % 1u * 64u;
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
    let ar: u32 = e % 64u;
    let ak: u32 = e / 64u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x2: u32 = ai % 32u;
      let xr2: u32 = ai / 32u;
      let x1: u32 = xr2 % 3u;
      let xr1: u32 = xr2 / 3u;
      let k2: u32 = aka % 10u;
      let kr2: u32 = aka / 10u;
      let k1: u32 = kr2 % 10u;
      let kr1: u32 = kr2 / 10u;
      a = arena[2564131u + (kr1 * 4608u + (k1 + xr1) * 384u + (k2 + x1) * 32u + x2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 64u;
    let bc: u32 = e % 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      let k2_1: u32 = bka % 10u;
      let kr2_1: u32 = bka / 10u;
      let k1_1: u32 = kr2_1 % 10u;
      let kr1_1: u32 = kr2_1 / 10u;
      bv = arena[5819431u + (kr1_1 * 6400u + k1_1 * 640u + k2_1 * 64u + bj)];
    }
    tile_b[bk * 64u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 % 64u;
    let ak_1: u32 = e_1 / 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 32u;
      let xr2_1: u32 = ai_1 / 32u;
      let x1_1: u32 = xr2_1 % 3u;
      let xr1_1: u32 = xr2_1 / 3u;
      let k2_2: u32 = aka_1 % 10u;
      let kr2_2: u32 = aka_1 / 10u;
      let k1_2: u32 = kr2_2 % 10u;
      let kr1_2: u32 = kr2_2 / 10u;
      a_1 = arena[2564131u + (kr1_2 * 4608u + (k1_2 + xr1_1) * 384u + (k2_2 + x1_1) * 32u + x2_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 64u;
    let bc_1: u32 = e_1 % 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      let k2_3: u32 = bka_1 % 10u;
      let kr2_3: u32 = bka_1 / 10u;
      let k1_3: u32 = kr2_3 % 10u;
      let kr1_3: u32 = kr2_3 / 10u;
      bv_1 = arena[5819431u + (kr1_3 * 6400u + k1_3 * 640u + k2_3 * 64u + bj_1)];
    }
    tile_b[bk_1 * 64u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 % 64u;
    let ak_2: u32 = e_2 / 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x2_2: u32 = ai_2 % 32u;
      let xr2_2: u32 = ai_2 / 32u;
      let x1_2: u32 = xr2_2 % 3u;
      let xr1_2: u32 = xr2_2 / 3u;
      let k2_4: u32 = aka_2 % 10u;
      let kr2_4: u32 = aka_2 / 10u;
      let k1_4: u32 = kr2_4 % 10u;
      let kr1_4: u32 = kr2_4 / 10u;
      a_2 = arena[2564131u + (kr1_4 * 4608u + (k1_4 + xr1_2) * 384u + (k2_4 + x1_2) * 32u + x2_2)];
    }
    tile_a[ar_2 * 16u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 64u;
    let bc_2: u32 = e_2 % 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 64u) {
      let k2_5: u32 = bka_2 % 10u;
      let kr2_5: u32 = bka_2 / 10u;
      let k1_5: u32 = kr2_5 % 10u;
      let kr1_5: u32 = kr2_5 / 10u;
      bv_2 = arena[5819431u + (kr1_5 * 6400u + k1_5 * 640u + k2_5 * 64u + bj_2)];
    }
    tile_b[bk_2 * 64u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 % 64u;
    let ak_3: u32 = e_3 / 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x2_3: u32 = ai_3 % 32u;
      let xr2_3: u32 = ai_3 / 32u;
      let x1_3: u32 = xr2_3 % 3u;
      let xr1_3: u32 = xr2_3 / 3u;
      let k2_6: u32 = aka_3 % 10u;
      let kr2_6: u32 = aka_3 / 10u;
      let k1_6: u32 = kr2_6 % 10u;
      let kr1_6: u32 = kr2_6 / 10u;
      a_3 = arena[2564131u + (kr1_6 * 4608u + (k1_6 + xr1_3) * 384u + (k2_6 + x1_3) * 32u + x2_3)];
    }
    tile_a[ar_3 * 16u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 64u;
    let bc_3: u32 = e_3 % 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 64u) {
      let k2_7: u32 = bka_3 % 10u;
      let kr2_7: u32 = bka_3 / 10u;
      let k1_7: u32 = kr2_7 % 10u;
      let kr1_7: u32 = kr2_7 / 10u;
      bv_3 = arena[5819431u + (kr1_7 * 6400u + k1_7 * 640u + k2_7 * 64u + bj_3)];
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
  if (i < m && j < 64u) {
    let m2: u32 = i % 32u;
    let mr2: u32 = i / 32u;
    let m1: u32 = mr2 % 3u;
    let mr1: u32 = mr2 / 3u;
    let t6: f32 = arena[35471u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)] + (acc00 - arena[35471u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)]) * 0.1;
    let t7: f32 = arena[53903u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)] + (acc00 * acc00 - arena[53903u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[325u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[35471u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)] = v0;
    arena[53903u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)] = v1;
    arena[325u + (mr1 * 6144u + m1 * 2048u + m2 * 64u + j)] = v2;
  }
  let i_1: u32 = row0 + (lid.y * 4u + 0u);
  let j_1: u32 = col0 + (lid.x * 4u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let m2_1: u32 = i_1 % 32u;
    let mr2_1: u32 = i_1 / 32u;
    let m1_1: u32 = mr2_1 % 3u;
    let mr1_1: u32 = mr2_1 / 3u;
    let t6_1: f32 = arena[35471u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)] + (acc01 - arena[35471u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)]) * 0.1;
    let t7_1: f32 = arena[53903u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)] + (acc01 * acc01 - arena[53903u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)]) * 0.001;
    let v0_1: f32 = t6_1;
    let v1_1: f32 = t7_1;
    let v2_1: f32 = arena[325u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
    arena[35471u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)] = v0_1;
    arena[53903u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)] = v1_1;
    arena[325u + (mr1_1 * 6144u + m1_1 * 2048u + m2_1 * 64u + j_1)] = v2_1;
  }
  let i_2: u32 = row0 + (lid.y * 4u + 0u);
  let j_2: u32 = col0 + (lid.x * 4u + 2u);
  if (i_2 < m && j_2 < 64u) {
    let m2_2: u32 = i_2 % 32u;
    let mr2_2: u32 = i_2 / 32u;
    let m1_2: u32 = mr2_2 % 3u;
    let mr1_2: u32 = mr2_2 / 3u;
    let t6_2: f32 = arena[35471u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)] + (acc02 - arena[35471u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)]) * 0.1;
    let t7_2: f32 = arena[53903u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)] + (acc02 * acc02 - arena[53903u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)]) * 0.001;
    let v0_2: f32 = t6_2;
    let v1_2: f32 = t7_2;
    let v2_2: f32 = arena[325u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)] - t6_2 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
    arena[35471u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)] = v0_2;
    arena[53903u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)] = v1_2;
    arena[325u + (mr1_2 * 6144u + m1_2 * 2048u + m2_2 * 64u + j_2)] = v2_2;
  }
  let i_3: u32 = row0 + (lid.y * 4u + 0u);
  let j_3: u32 = col0 + (lid.x * 4u + 3u);
  if (i_3 < m && j_3 < 64u) {
    let m2_3: u32 = i_3 % 32u;
    let mr2_3: u32 = i_3 / 32u;
    let m1_3: u32 = mr2_3 % 3u;
    let mr1_3: u32 = mr2_3 / 3u;
    let t6_3: f32 = arena[35471u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)] + (acc03 - arena[35471u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)]) * 0.1;
    let t7_3: f32 = arena[53903u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)] + (acc03 * acc03 - arena[53903u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)]) * 0.001;
    let v0_3: f32 = t6_3;
    let v1_3: f32 = t7_3;
    let v2_3: f32 = arena[325u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)] - t6_3 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_3) + 1e-7);
    arena[35471u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)] = v0_3;
    arena[53903u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)] = v1_3;
    arena[325u + (mr1_3 * 6144u + m1_3 * 2048u + m2_3 * 64u + j_3)] = v2_3;
  }
  let i_4: u32 = row0 + (lid.y * 4u + 1u);
  let j_4: u32 = col0 + (lid.x * 4u + 0u);
  if (i_4 < m && j_4 < 64u) {
    let m2_4: u32 = i_4 % 32u;
    let mr2_4: u32 = i_4 / 32u;
    let m1_4: u32 = mr2_4 % 3u;
    let mr1_4: u32 = mr2_4 / 3u;
    let t6_4: f32 = arena[35471u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)] + (acc10 - arena[35471u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)]) * 0.1;
    let t7_4: f32 = arena[53903u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)] + (acc10 * acc10 - arena[53903u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)]) * 0.001;
    let v0_4: f32 = t6_4;
    let v1_4: f32 = t7_4;
    let v2_4: f32 = arena[325u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)] - t6_4 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_4) + 1e-7);
    arena[35471u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)] = v0_4;
    arena[53903u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)] = v1_4;
    arena[325u + (mr1_4 * 6144u + m1_4 * 2048u + m2_4 * 64u + j_4)] = v2_4;
  }
  let i_5: u32 = row0 + (lid.y * 4u + 1u);
  let j_5: u32 = col0 + (lid.x * 4u + 1u);
  if (i_5 < m && j_5 < 64u) {
    let m2_5: u32 = i_5 % 32u;
    let mr2_5: u32 = i_5 / 32u;
    let m1_5: u32 = mr2_5 % 3u;
    let mr1_5: u32 = mr2_5 / 3u;
    let t6_5: f32 = arena[35471u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)] + (acc11 - arena[35471u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)]) * 0.1;
    let t7_5: f32 = arena[53903u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)] + (acc11 * acc11 - arena[53903u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)]) * 0.001;
    let v0_5: f32 = t6_5;
    let v1_5: f32 = t7_5;
    let v2_5: f32 = arena[325u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)] - t6_5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_5) + 1e-7);
    arena[35471u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)] = v0_5;
    arena[53903u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)] = v1_5;
    arena[325u + (mr1_5 * 6144u + m1_5 * 2048u + m2_5 * 64u + j_5)] = v2_5;
  }
  let i_6: u32 = row0 + (lid.y * 4u + 1u);
  let j_6: u32 = col0 + (lid.x * 4u + 2u);
  if (i_6 < m && j_6 < 64u) {
    let m2_6: u32 = i_6 % 32u;
    let mr2_6: u32 = i_6 / 32u;
    let m1_6: u32 = mr2_6 % 3u;
    let mr1_6: u32 = mr2_6 / 3u;
    let t6_6: f32 = arena[35471u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)] + (acc12 - arena[35471u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)]) * 0.1;
    let t7_6: f32 = arena[53903u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)] + (acc12 * acc12 - arena[53903u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)]) * 0.001;
    let v0_6: f32 = t6_6;
    let v1_6: f32 = t7_6;
    let v2_6: f32 = arena[325u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)] - t6_6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_6) + 1e-7);
    arena[35471u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)] = v0_6;
    arena[53903u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)] = v1_6;
    arena[325u + (mr1_6 * 6144u + m1_6 * 2048u + m2_6 * 64u + j_6)] = v2_6;
  }
  let i_7: u32 = row0 + (lid.y * 4u + 1u);
  let j_7: u32 = col0 + (lid.x * 4u + 3u);
  if (i_7 < m && j_7 < 64u) {
    let m2_7: u32 = i_7 % 32u;
    let mr2_7: u32 = i_7 / 32u;
    let m1_7: u32 = mr2_7 % 3u;
    let mr1_7: u32 = mr2_7 / 3u;
    let t6_7: f32 = arena[35471u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)] + (acc13 - arena[35471u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)]) * 0.1;
    let t7_7: f32 = arena[53903u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)] + (acc13 * acc13 - arena[53903u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)]) * 0.001;
    let v0_7: f32 = t6_7;
    let v1_7: f32 = t7_7;
    let v2_7: f32 = arena[325u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)] - t6_7 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_7) + 1e-7);
    arena[35471u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)] = v0_7;
    arena[53903u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)] = v1_7;
    arena[325u + (mr1_7 * 6144u + m1_7 * 2048u + m2_7 * 64u + j_7)] = v2_7;
  }
  let i_8: u32 = row0 + (lid.y * 4u + 2u);
  let j_8: u32 = col0 + (lid.x * 4u + 0u);
  if (i_8 < m && j_8 < 64u) {
    let m2_8: u32 = i_8 % 32u;
    let mr2_8: u32 = i_8 / 32u;
    let m1_8: u32 = mr2_8 % 3u;
    let mr1_8: u32 = mr2_8 / 3u;
    let t6_8: f32 = arena[35471u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)] + (acc20 - arena[35471u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)]) * 0.1;
    let t7_8: f32 = arena[53903u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)] + (acc20 * acc20 - arena[53903u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)]) * 0.001;
    let v0_8: f32 = t6_8;
    let v1_8: f32 = t7_8;
    let v2_8: f32 = arena[325u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)] - t6_8 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_8) + 1e-7);
    arena[35471u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)] = v0_8;
    arena[53903u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)] = v1_8;
    arena[325u + (mr1_8 * 6144u + m1_8 * 2048u + m2_8 * 64u + j_8)] = v2_8;
  }
  let i_9: u32 = row0 + (lid.y * 4u + 2u);
  let j_9: u32 = col0 + (lid.x * 4u + 1u);
  if (i_9 < m && j_9 < 64u) {
    let m2_9: u32 = i_9 % 32u;
    let mr2_9: u32 = i_9 / 32u;
    let m1_9: u32 = mr2_9 % 3u;
    let mr1_9: u32 = mr2_9 / 3u;
    let t6_9: f32 = arena[35471u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)] + (acc21 - arena[35471u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)]) * 0.1;
    let t7_9: f32 = arena[53903u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)] + (acc21 * acc21 - arena[53903u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)]) * 0.001;
    let v0_9: f32 = t6_9;
    let v1_9: f32 = t7_9;
    let v2_9: f32 = arena[325u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)] - t6_9 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_9) + 1e-7);
    arena[35471u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)] = v0_9;
    arena[53903u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)] = v1_9;
    arena[325u + (mr1_9 * 6144u + m1_9 * 2048u + m2_9 * 64u + j_9)] = v2_9;
  }
  let i_10: u32 = row0 + (lid.y * 4u + 2u);
  let j_10: u32 = col0 + (lid.x * 4u + 2u);
  if (i_10 < m && j_10 < 64u) {
    let m2_10: u32 = i_10 % 32u;
    let mr2_10: u32 = i_10 / 32u;
    let m1_10: u32 = mr2_10 % 3u;
    let mr1_10: u32 = mr2_10 / 3u;
    let t6_10: f32 = arena[35471u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)] + (acc22 - arena[35471u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)]) * 0.1;
    let t7_10: f32 = arena[53903u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)] + (acc22 * acc22 - arena[53903u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)]) * 0.001;
    let v0_10: f32 = t6_10;
    let v1_10: f32 = t7_10;
    let v2_10: f32 = arena[325u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)] - t6_10 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_10) + 1e-7);
    arena[35471u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)] = v0_10;
    arena[53903u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)] = v1_10;
    arena[325u + (mr1_10 * 6144u + m1_10 * 2048u + m2_10 * 64u + j_10)] = v2_10;
  }
  let i_11: u32 = row0 + (lid.y * 4u + 2u);
  let j_11: u32 = col0 + (lid.x * 4u + 3u);
  if (i_11 < m && j_11 < 64u) {
    let m2_11: u32 = i_11 % 32u;
    let mr2_11: u32 = i_11 / 32u;
    let m1_11: u32 = mr2_11 % 3u;
    let mr1_11: u32 = mr2_11 / 3u;
    let t6_11: f32 = arena[35471u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)] + (acc23 - arena[35471u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)]) * 0.1;
    let t7_11: f32 = arena[53903u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)] + (acc23 * acc23 - arena[53903u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)]) * 0.001;
    let v0_11: f32 = t6_11;
    let v1_11: f32 = t7_11;
    let v2_11: f32 = arena[325u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)] - t6_11 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_11) + 1e-7);
    arena[35471u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)] = v0_11;
    arena[53903u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)] = v1_11;
    arena[325u + (mr1_11 * 6144u + m1_11 * 2048u + m2_11 * 64u + j_11)] = v2_11;
  }
  let i_12: u32 = row0 + (lid.y * 4u + 3u);
  let j_12: u32 = col0 + (lid.x * 4u + 0u);
  if (i_12 < m && j_12 < 64u) {
    let m2_12: u32 = i_12 % 32u;
    let mr2_12: u32 = i_12 / 32u;
    let m1_12: u32 = mr2_12 % 3u;
    let mr1_12: u32 = mr2_12 / 3u;
    let t6_12: f32 = arena[35471u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)] + (acc30 - arena[35471u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)]) * 0.1;
    let t7_12: f32 = arena[53903u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)] + (acc30 * acc30 - arena[53903u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)]) * 0.001;
    let v0_12: f32 = t6_12;
    let v1_12: f32 = t7_12;
    let v2_12: f32 = arena[325u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)] - t6_12 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_12) + 1e-7);
    arena[35471u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)] = v0_12;
    arena[53903u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)] = v1_12;
    arena[325u + (mr1_12 * 6144u + m1_12 * 2048u + m2_12 * 64u + j_12)] = v2_12;
  }
  let i_13: u32 = row0 + (lid.y * 4u + 3u);
  let j_13: u32 = col0 + (lid.x * 4u + 1u);
  if (i_13 < m && j_13 < 64u) {
    let m2_13: u32 = i_13 % 32u;
    let mr2_13: u32 = i_13 / 32u;
    let m1_13: u32 = mr2_13 % 3u;
    let mr1_13: u32 = mr2_13 / 3u;
    let t6_13: f32 = arena[35471u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)] + (acc31 - arena[35471u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)]) * 0.1;
    let t7_13: f32 = arena[53903u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)] + (acc31 * acc31 - arena[53903u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)]) * 0.001;
    let v0_13: f32 = t6_13;
    let v1_13: f32 = t7_13;
    let v2_13: f32 = arena[325u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)] - t6_13 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_13) + 1e-7);
    arena[35471u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)] = v0_13;
    arena[53903u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)] = v1_13;
    arena[325u + (mr1_13 * 6144u + m1_13 * 2048u + m2_13 * 64u + j_13)] = v2_13;
  }
  let i_14: u32 = row0 + (lid.y * 4u + 3u);
  let j_14: u32 = col0 + (lid.x * 4u + 2u);
  if (i_14 < m && j_14 < 64u) {
    let m2_14: u32 = i_14 % 32u;
    let mr2_14: u32 = i_14 / 32u;
    let m1_14: u32 = mr2_14 % 3u;
    let mr1_14: u32 = mr2_14 / 3u;
    let t6_14: f32 = arena[35471u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)] + (acc32 - arena[35471u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)]) * 0.1;
    let t7_14: f32 = arena[53903u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)] + (acc32 * acc32 - arena[53903u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)]) * 0.001;
    let v0_14: f32 = t6_14;
    let v1_14: f32 = t7_14;
    let v2_14: f32 = arena[325u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)] - t6_14 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_14) + 1e-7);
    arena[35471u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)] = v0_14;
    arena[53903u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)] = v1_14;
    arena[325u + (mr1_14 * 6144u + m1_14 * 2048u + m2_14 * 64u + j_14)] = v2_14;
  }
  let i_15: u32 = row0 + (lid.y * 4u + 3u);
  let j_15: u32 = col0 + (lid.x * 4u + 3u);
  if (i_15 < m && j_15 < 64u) {
    let m2_15: u32 = i_15 % 32u;
    let mr2_15: u32 = i_15 / 32u;
    let m1_15: u32 = mr2_15 % 3u;
    let mr1_15: u32 = mr2_15 / 3u;
    let t6_15: f32 = arena[35471u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)] + (acc33 - arena[35471u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)]) * 0.1;
    let t7_15: f32 = arena[53903u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)] + (acc33 * acc33 - arena[53903u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)]) * 0.001;
    let v0_15: f32 = t6_15;
    let v1_15: f32 = t7_15;
    let v2_15: f32 = arena[325u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)] - t6_15 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_15) + 1e-7);
    arena[35471u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)] = v0_15;
    arena[53903u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)] = v1_15;
    arena[325u + (mr1_15 * 6144u + m1_15 * 2048u + m2_15 * 64u + j_15)] = v2_15;
  }
}

// ==== train.max_pooling2d.grad.eq@11.wgsl
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
  let count: u32 = rows * 18432u;
  if (id >= 0u && id < 0u + count) {
    let i5: u32 = (id - 0u) % 32u;
    let r5: u32 = (id - 0u) / 32u;
    let i4: u32 = r5 % 2u;
    let r4: u32 = r5 / 2u;
    let i3: u32 = r4 % 12u;
    let r3: u32 = r4 / 12u;
    let i2: u32 = r3 % 2u;
    let r2: u32 = r3 / 2u;
    let i1: u32 = r2 % 12u;
    let r1: u32 = r2 / 12u;
    let v0: f32 = arena[6638695u + (r1 * 4608u + i1 * 384u + i3 * 32u + i5)] * select(0.0, 1.0, arena[4795427u + (i2 * 2u + i4)] == arena[7228519u + (r1 * 4608u + i1 * 384u + i3 * 32u + i5)]) * arena[7818343u + (r1 * 18432u + i1 * 1536u + i2 * 768u + i3 * 64u + i4 * 32u + i5)];
    arena[10177639u + (r1 * 18432u + i1 * 1536u + i2 * 768u + i3 * 64u + i4 * 32u + i5)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.conv2d.grad.sum_axes012@10+conv2d.grad.contract@10.wgsl
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

var<workgroup> k0_partials: array<f32, 256>;
var<workgroup> k1_tile_a: array<f32, 1024>;
var<workgroup> k1_tile_b: array<f32, 1024>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // conv2d.grad.sum_axes012
  let nx: u32 = 8u;
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
    if (col < 32u) {
      for (var r: u32 = lid_1.y; r < rows_1 * 576u; r += 64u) {
        let r2: u32 = r % 24u;
        let rr2: u32 = r / 24u;
        let r1: u32 = rr2 % 24u;
        let rr1: u32 = rr2 / 24u;
        let x0: f32 = arena[10177639u + (rr1 * 18432u + r1 * 768u + r2 * 32u + col)];
        acc0 += x0;
      }
    }
    k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = acc0;
    workgroupBarrier();
    if (lid_1.y < 32u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 32u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 16u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 16u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 8u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 8u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 4u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 4u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 2u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 2u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y < 1u) {
      k0_partials[0u + (lid_1.y * 4u + lid_1.x)] = k0_partials[0u + (lid_1.y * 4u + lid_1.x)] + k0_partials[0u + ((lid_1.y + 1u) * 4u + lid_1.x)];
    }
    workgroupBarrier();
    if (lid_1.y == 0u && col < 32u) {
      let total0: f32 = k0_partials[0u + (0u * 4u + lid_1.x)];
      let v0: f32 = total0;
      arena[12536935u + col] = v0;
    }
  }
  // conv2d.grad.contract
  let nx_1: u32 = 2u;
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
    let m: u32 = 9u;
    let k_len: u32 = rows_2 * 576u;
    let tile: u32 = wid_2.y * nwg_2.x + wid_2.x;
    let row0: u32 = tile / 2u * 16u;
    let col0: u32 = tile % 2u * 16u;
    let flat: u32 = lid_2.y * 16u + lid_2.x;
    var acc: f32 = 0.0;
    for (var t0: u32 = 0u; t0 < k_len; t0 += 64u) {
      let e: u32 = flat + 0u;
      let ar: u32 = e % 16u;
      let ak: u32 = e / 16u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        let x1: u32 = ai % 3u;
        let xr1: u32 = ai / 3u;
        let k2: u32 = aka % 24u;
        let kr2: u32 = aka / 24u;
        let k1: u32 = kr2 % 24u;
        let kr1: u32 = kr2 / 24u;
        a = arena[104483u + (kr1 * 784u + (k1 + xr1) * 28u + (k2 + x1))];
      }
      k1_tile_a[ar * 64u + ak] = a;
      let bk: u32 = e / 16u;
      let bc: u32 = e % 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 32u) {
        let k2_1: u32 = bka % 24u;
        let kr2_1: u32 = bka / 24u;
        let k1_1: u32 = kr2_1 % 24u;
        let kr1_1: u32 = kr2_1 / 24u;
        bv = arena[10177639u + (kr1_1 * 18432u + k1_1 * 768u + k2_1 * 32u + bj)];
      }
      k1_tile_b[bk * 16u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 16u;
      let ak_1: u32 = e_1 / 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        let x1_1: u32 = ai_1 % 3u;
        let xr1_1: u32 = ai_1 / 3u;
        let k2_2: u32 = aka_1 % 24u;
        let kr2_2: u32 = aka_1 / 24u;
        let k1_2: u32 = kr2_2 % 24u;
        let kr1_2: u32 = kr2_2 / 24u;
        a_1 = arena[104483u + (kr1_2 * 784u + (k1_2 + xr1_1) * 28u + (k2_2 + x1_1))];
      }
      k1_tile_a[ar_1 * 64u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 16u;
      let bc_1: u32 = e_1 % 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 32u) {
        let k2_3: u32 = bka_1 % 24u;
        let kr2_3: u32 = bka_1 / 24u;
        let k1_3: u32 = kr2_3 % 24u;
        let kr1_3: u32 = kr2_3 / 24u;
        bv_1 = arena[10177639u + (kr1_3 * 18432u + k1_3 * 768u + k2_3 * 32u + bj_1)];
      }
      k1_tile_b[bk_1 * 16u + bc_1] = bv_1;
      let e_2: u32 = flat + 512u;
      let ar_2: u32 = e_2 % 16u;
      let ak_2: u32 = e_2 / 16u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        let x1_2: u32 = ai_2 % 3u;
        let xr1_2: u32 = ai_2 / 3u;
        let k2_4: u32 = aka_2 % 24u;
        let kr2_4: u32 = aka_2 / 24u;
        let k1_4: u32 = kr2_4 % 24u;
        let kr1_4: u32 = kr2_4 / 24u;
        a_2 = arena[104483u + (kr1_4 * 784u + (k1_4 + xr1_2) * 28u + (k2_4 + x1_2))];
      }
      k1_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 32u) {
        let k2_5: u32 = bka_2 % 24u;
        let kr2_5: u32 = bka_2 / 24u;
        let k1_5: u32 = kr2_5 % 24u;
        let kr1_5: u32 = kr2_5 / 24u;
        bv_2 = arena[10177639u + (kr1_5 * 18432u + k1_5 * 768u + k2_5 * 32u + bj_2)];
      }
      k1_tile_b[bk_2 * 16u + bc_2] = bv_2;
      let e_3: u32 = flat + 768u;
      let ar_3: u32 = e_3 % 16u;
      let ak_3: u32 = e_3 / 16u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        let x1_3: u32 = ai_3 % 3u;
        let xr1_3: u32 = ai_3 / 3u;
        let k2_6: u32 = aka_3 % 24u;
        let kr2_6: u32 = aka_3 / 24u;
        let k1_6: u32 = kr2_6 % 24u;
        let kr1_6: u32 = kr2_6 / 24u;
        a_3 = arena[104483u + (kr1_6 * 784u + (k1_6 + xr1_3) * 28u + (k2_6 + x1_3))];
      }
      k1_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 32u) {
        let k2_7: u32 = bka_3 % 24u;
        let kr2_7: u32 = bka_3 / 24u;
        let k1_7: u32 = kr2_7 % 24u;
        let kr1_7: u32 = kr2_7 / 24u;
        bv_3 = arena[10177639u + (kr1_7 * 18432u + k1_7 * 768u + k2_7 * 32u + bj_3)];
      }
      k1_tile_b[bk_3 * 16u + bc_3] = bv_3;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 64u; kk++) {
        let a0: f32 = k1_tile_a[lid_2.y * 64u + kk];
        let b0: f32 = k1_tile_b[kk * 16u + lid_2.x];
        acc += a0 * b0;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + lid_2.y;
    let j: u32 = col0 + lid_2.x;
    if (i < m && j < 32u) {
      let m1: u32 = i % 3u;
      let mr1: u32 = i / 3u;
      let t6: f32 = arena[34831u + (mr1 * 96u + m1 * 32u + j)] + (acc - arena[34831u + (mr1 * 96u + m1 * 32u + j)]) * 0.1;
      let t7: f32 = arena[35119u + (mr1 * 96u + m1 * 32u + j)] + (acc * acc - arena[35119u + (mr1 * 96u + m1 * 32u + j)]) * 0.001;
      let v0_1: f32 = t6;
      let v1: f32 = t7;
      let v2: f32 = arena[5u + (mr1 * 96u + m1 * 32u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7) + 1e-7);
      arena[34831u + (mr1 * 96u + m1 * 32u + j)] = v0_1;
      arena[35119u + (mr1 * 96u + m1 * 32u + j)] = v1;
      arena[5u + (mr1 * 96u + m1 * 32u + j)] = v2;
    }
  }
}

// ==== train.optimizer.update@20.wgsl
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
  let count: u32 = 32u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 32u;
    let j: u32 = (id - 0u) % 32u;
    let t5: f32 = arena[35407u + (i * 32u + j)] + (arena[12536935u + (i * 32u + j)] - arena[35407u + (i * 32u + j)]) * 0.1;
    let t6: f32 = arena[35439u + (i * 32u + j)] + (arena[12536935u + (i * 32u + j)] * arena[12536935u + (i * 32u + j)] - arena[35439u + (i * 32u + j)]) * 0.001;
    let v0: f32 = t5;
    let v1: f32 = t6;
    let v2: f32 = arena[293u + (i * 32u + j)] - t5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6) + 1e-7);
    arena[35407u + (i * 32u + j)] = v0;
    arena[35439u + (i * 32u + j)] = v1;
    arena[293u + (i * 32u + j)] = v2;
  }
  let end: u32 = 0u + count;
  let count_1: u32 = 64u;
  if (id >= end && id < end + count_1) {
    let i_1: u32 = (id - end) / 64u;
    let j_1: u32 = (id - end) % 64u;
    let t5_1: f32 = arena[72335u + (i_1 * 64u + j_1)] + (arena[6638631u + (i_1 * 64u + j_1)] - arena[72335u + (i_1 * 64u + j_1)]) * 0.1;
    let t6_1: f32 = arena[72399u + (i_1 * 64u + j_1)] + (arena[6638631u + (i_1 * 64u + j_1)] * arena[6638631u + (i_1 * 64u + j_1)] - arena[72399u + (i_1 * 64u + j_1)]) * 0.001;
    let v0_1: f32 = t5_1;
    let v1_1: f32 = t6_1;
    let v2_1: f32 = arena[18757u + (i_1 * 64u + j_1)] - t5_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_1) + 1e-7);
    arena[72335u + (i_1 * 64u + j_1)] = v0_1;
    arena[72399u + (i_1 * 64u + j_1)] = v1_1;
    arena[18757u + (i_1 * 64u + j_1)] = v2_1;
  }
  let end_1: u32 = end + count_1;
}

// ==== evaluate.rescaling.mul@9.wgsl
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
  let count: u32 = rows * 784u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 28u;
    let r2: u32 = (id - 0u) / 28u;
    let i1: u32 = r2 % 28u;
    let r1: u32 = r2 / 28u;
    let v0: f32 = features[permutation[offset + r1] * 784u + i1 * 28u + i2] * 0.003921569;
    arena[12536967u + (r1 * 784u + i1 * 28u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.conv2d.contract@10.wgsl
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
  let m: u32 = rows * 576u;
  let k_len: u32 = 9u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 32u;
  let col0: u32 = tile % 1u * 32u;
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
      let x2: u32 = ai % 24u;
      let xr2: u32 = ai / 24u;
      let x1: u32 = xr2 % 24u;
      let xr1: u32 = xr2 / 24u;
      let k1: u32 = aka % 3u;
      let kr1: u32 = aka / 3u;
      a = arena[12536967u + (xr1 * 784u + (x1 + kr1) * 28u + (x2 + k1))];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 32u) {
      let k1_1: u32 = bka % 3u;
      let kr1_1: u32 = bka / 3u;
      bv = arena[5u + (kr1_1 * 96u + k1_1 * 32u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 24u;
      let xr2_1: u32 = ai_1 / 24u;
      let x1_1: u32 = xr2_1 % 24u;
      let xr1_1: u32 = xr2_1 / 24u;
      let k1_2: u32 = aka_1 % 3u;
      let kr1_2: u32 = aka_1 / 3u;
      a_1 = arena[12536967u + (xr1_1 * 784u + (x1_1 + kr1_2) * 28u + (x2_1 + k1_2))];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 32u) {
      let k1_3: u32 = bka_1 % 3u;
      let kr1_3: u32 = bka_1 / 3u;
      bv_1 = arena[5u + (kr1_3 * 96u + k1_3 * 32u + bj_1)];
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
  if (i < m && j < 32u) {
    let m2: u32 = i % 24u;
    let mr2: u32 = i / 24u;
    let m1: u32 = mr2 % 24u;
    let mr1: u32 = mr2 / 24u;
    let v0: f32 = max(acc00 + arena[293u + j], 0.0);
    arena[12637319u + (mr1 * 18432u + m1 * 768u + m2 * 32u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 32u) {
    let m2_1: u32 = i_1 % 24u;
    let mr2_1: u32 = i_1 / 24u;
    let m1_1: u32 = mr2_1 % 24u;
    let mr1_1: u32 = mr2_1 / 24u;
    let v0_1: f32 = max(acc01 + arena[293u + j_1], 0.0);
    arena[12637319u + (mr1_1 * 18432u + m1_1 * 768u + m2_1 * 32u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 32u) {
    let m2_2: u32 = i_2 % 24u;
    let mr2_2: u32 = i_2 / 24u;
    let m1_2: u32 = mr2_2 % 24u;
    let mr1_2: u32 = mr2_2 / 24u;
    let v0_2: f32 = max(acc10 + arena[293u + j_2], 0.0);
    arena[12637319u + (mr1_2 * 18432u + m1_2 * 768u + m2_2 * 32u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 32u) {
    let m2_3: u32 = i_3 % 24u;
    let mr2_3: u32 = i_3 / 24u;
    let m1_3: u32 = mr2_3 % 24u;
    let mr1_3: u32 = mr2_3 / 24u;
    let v0_3: f32 = max(acc11 + arena[293u + j_3], 0.0);
    arena[12637319u + (mr1_3 * 18432u + m1_3 * 768u + m2_3 * 32u + j_3)] = v0_3;
  }
}

// ==== evaluate.max_pooling2d.max_axes24@11.wgsl
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

@compute @workgroup_size(4, 64, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let col: u32 = (wid.y * nwg.x + wid.x) * 4u + lid.x;
  var acc0: f32 = -3.40282346e+38;
  if (col < rows * 4608u) {
    for (var r: u32 = lid.y; r < 4u; r += 64u) {
      let o3: u32 = col % 32u;
      let or3: u32 = col / 32u;
      let o2: u32 = or3 % 12u;
      let or2: u32 = or3 / 12u;
      let o1: u32 = or2 % 12u;
      let or1: u32 = or2 / 12u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[12637319u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1) * 32u + o3)];
      acc0 = max(acc0, x0);
    }
  }
  partials[0u + (lid.y * 4u + lid.x)] = acc0;
  workgroupBarrier();
  if (lid.y < 32u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 32u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 16u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 16u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 8u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 8u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 4u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 4u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 2u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 2u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 1u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 1u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y == 0u && col < rows * 4608u) {
    let total0: f32 = partials[0u + (0u * 4u + lid.x)];
    let o3_1: u32 = col % 32u;
    let or3_1: u32 = col / 32u;
    let o2_1: u32 = or3_1 % 12u;
    let or2_1: u32 = or3_1 / 12u;
    let o1_1: u32 = or2_1 % 12u;
    let or1_1: u32 = or2_1 / 12u;
    let v0: f32 = total0;
    arena[14996615u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v0;
  }
}

// ==== evaluate.conv2d_1.contract@12.wgsl
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
  let m: u32 = rows * 100u;
  let k_len: u32 = 288u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 64u;
  let col0: u32 = tile % 1u * 64u;
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
      let x2: u32 = ai % 10u;
      let xr2: u32 = ai / 10u;
      let x1: u32 = xr2 % 10u;
      let xr1: u32 = xr2 / 10u;
      let k2: u32 = aka % 32u;
      let kr2: u32 = aka / 32u;
      let k1: u32 = kr2 % 3u;
      let kr1: u32 = kr2 / 3u;
      a = arena[14996615u + (xr1 * 4608u + (x1 + kr1) * 384u + (x2 + k1) * 32u + k2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 64u;
    let bc: u32 = e % 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      let k2_1: u32 = bka % 32u;
      let kr2_1: u32 = bka / 32u;
      let k1_1: u32 = kr2_1 % 3u;
      let kr1_1: u32 = kr2_1 / 3u;
      bv = arena[325u + (kr1_1 * 6144u + k1_1 * 2048u + k2_1 * 64u + bj)];
    }
    tile_b[bk * 64u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 10u;
      let xr2_1: u32 = ai_1 / 10u;
      let x1_1: u32 = xr2_1 % 10u;
      let xr1_1: u32 = xr2_1 / 10u;
      let k2_2: u32 = aka_1 % 32u;
      let kr2_2: u32 = aka_1 / 32u;
      let k1_2: u32 = kr2_2 % 3u;
      let kr1_2: u32 = kr2_2 / 3u;
      a_1 = arena[14996615u + (xr1_1 * 4608u + (x1_1 + kr1_2) * 384u + (x2_1 + k1_2) * 32u + k2_2)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 64u;
    let bc_1: u32 = e_1 % 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      let k2_3: u32 = bka_1 % 32u;
      let kr2_3: u32 = bka_1 / 32u;
      let k1_3: u32 = kr2_3 % 3u;
      let kr1_3: u32 = kr2_3 / 3u;
      bv_1 = arena[325u + (kr1_3 * 6144u + k1_3 * 2048u + k2_3 * 64u + bj_1)];
    }
    tile_b[bk_1 * 64u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 16u;
    let ak_2: u32 = e_2 % 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x2_2: u32 = ai_2 % 10u;
      let xr2_2: u32 = ai_2 / 10u;
      let x1_2: u32 = xr2_2 % 10u;
      let xr1_2: u32 = xr2_2 / 10u;
      let k2_4: u32 = aka_2 % 32u;
      let kr2_4: u32 = aka_2 / 32u;
      let k1_4: u32 = kr2_4 % 3u;
      let kr1_4: u32 = kr2_4 / 3u;
      a_2 = arena[14996615u + (xr1_2 * 4608u + (x1_2 + kr1_4) * 384u + (x2_2 + k1_4) * 32u + k2_4)];
    }
    tile_a[ar_2 * 16u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 64u;
    let bc_2: u32 = e_2 % 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 64u) {
      let k2_5: u32 = bka_2 % 32u;
      let kr2_5: u32 = bka_2 / 32u;
      let k1_5: u32 = kr2_5 % 3u;
      let kr1_5: u32 = kr2_5 / 3u;
      bv_2 = arena[325u + (kr1_5 * 6144u + k1_5 * 2048u + k2_5 * 64u + bj_2)];
    }
    tile_b[bk_2 * 64u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 16u;
    let ak_3: u32 = e_3 % 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x2_3: u32 = ai_3 % 10u;
      let xr2_3: u32 = ai_3 / 10u;
      let x1_3: u32 = xr2_3 % 10u;
      let xr1_3: u32 = xr2_3 / 10u;
      let k2_6: u32 = aka_3 % 32u;
      let kr2_6: u32 = aka_3 / 32u;
      let k1_6: u32 = kr2_6 % 3u;
      let kr1_6: u32 = kr2_6 / 3u;
      a_3 = arena[14996615u + (xr1_3 * 4608u + (x1_3 + kr1_6) * 384u + (x2_3 + k1_6) * 32u + k2_6)];
    }
    tile_a[ar_3 * 16u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 64u;
    let bc_3: u32 = e_3 % 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 64u) {
      let k2_7: u32 = bka_3 % 32u;
      let kr2_7: u32 = bka_3 / 32u;
      let k1_7: u32 = kr2_7 % 3u;
      let kr1_7: u32 = kr2_7 / 3u;
      bv_3 = arena[325u + (kr1_7 * 6144u + k1_7 * 2048u + k2_7 * 64u + bj_3)];
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
  if (i < m && j < 64u) {
    let m2: u32 = i % 10u;
    let mr2: u32 = i / 10u;
    let m1: u32 = mr2 % 10u;
    let mr1: u32 = mr2 / 10u;
    let v0: f32 = max(acc00 + arena[18757u + j], 0.0);
    arena[15586439u + (mr1 * 6400u + m1 * 640u + m2 * 64u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 4u + 0u);
  let j_1: u32 = col0 + (lid.x * 4u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let m2_1: u32 = i_1 % 10u;
    let mr2_1: u32 = i_1 / 10u;
    let m1_1: u32 = mr2_1 % 10u;
    let mr1_1: u32 = mr2_1 / 10u;
    let v0_1: f32 = max(acc01 + arena[18757u + j_1], 0.0);
    arena[15586439u + (mr1_1 * 6400u + m1_1 * 640u + m2_1 * 64u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 4u + 0u);
  let j_2: u32 = col0 + (lid.x * 4u + 2u);
  if (i_2 < m && j_2 < 64u) {
    let m2_2: u32 = i_2 % 10u;
    let mr2_2: u32 = i_2 / 10u;
    let m1_2: u32 = mr2_2 % 10u;
    let mr1_2: u32 = mr2_2 / 10u;
    let v0_2: f32 = max(acc02 + arena[18757u + j_2], 0.0);
    arena[15586439u + (mr1_2 * 6400u + m1_2 * 640u + m2_2 * 64u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 4u + 0u);
  let j_3: u32 = col0 + (lid.x * 4u + 3u);
  if (i_3 < m && j_3 < 64u) {
    let m2_3: u32 = i_3 % 10u;
    let mr2_3: u32 = i_3 / 10u;
    let m1_3: u32 = mr2_3 % 10u;
    let mr1_3: u32 = mr2_3 / 10u;
    let v0_3: f32 = max(acc03 + arena[18757u + j_3], 0.0);
    arena[15586439u + (mr1_3 * 6400u + m1_3 * 640u + m2_3 * 64u + j_3)] = v0_3;
  }
  let i_4: u32 = row0 + (lid.y * 4u + 1u);
  let j_4: u32 = col0 + (lid.x * 4u + 0u);
  if (i_4 < m && j_4 < 64u) {
    let m2_4: u32 = i_4 % 10u;
    let mr2_4: u32 = i_4 / 10u;
    let m1_4: u32 = mr2_4 % 10u;
    let mr1_4: u32 = mr2_4 / 10u;
    let v0_4: f32 = max(acc10 + arena[18757u + j_4], 0.0);
    arena[15586439u + (mr1_4 * 6400u + m1_4 * 640u + m2_4 * 64u + j_4)] = v0_4;
  }
  let i_5: u32 = row0 + (lid.y * 4u + 1u);
  let j_5: u32 = col0 + (lid.x * 4u + 1u);
  if (i_5 < m && j_5 < 64u) {
    let m2_5: u32 = i_5 % 10u;
    let mr2_5: u32 = i_5 / 10u;
    let m1_5: u32 = mr2_5 % 10u;
    let mr1_5: u32 = mr2_5 / 10u;
    let v0_5: f32 = max(acc11 + arena[18757u + j_5], 0.0);
    arena[15586439u + (mr1_5 * 6400u + m1_5 * 640u + m2_5 * 64u + j_5)] = v0_5;
  }
  let i_6: u32 = row0 + (lid.y * 4u + 1u);
  let j_6: u32 = col0 + (lid.x * 4u + 2u);
  if (i_6 < m && j_6 < 64u) {
    let m2_6: u32 = i_6 % 10u;
    let mr2_6: u32 = i_6 / 10u;
    let m1_6: u32 = mr2_6 % 10u;
    let mr1_6: u32 = mr2_6 / 10u;
    let v0_6: f32 = max(acc12 + arena[18757u + j_6], 0.0);
    arena[15586439u + (mr1_6 * 6400u + m1_6 * 640u + m2_6 * 64u + j_6)] = v0_6;
  }
  let i_7: u32 = row0 + (lid.y * 4u + 1u);
  let j_7: u32 = col0 + (lid.x * 4u + 3u);
  if (i_7 < m && j_7 < 64u) {
    let m2_7: u32 = i_7 % 10u;
    let mr2_7: u32 = i_7 / 10u;
    let m1_7: u32 = mr2_7 % 10u;
    let mr1_7: u32 = mr2_7 / 10u;
    let v0_7: f32 = max(acc13 + arena[18757u + j_7], 0.0);
    arena[15586439u + (mr1_7 * 6400u + m1_7 * 640u + m2_7 * 64u + j_7)] = v0_7;
  }
  let i_8: u32 = row0 + (lid.y * 4u + 2u);
  let j_8: u32 = col0 + (lid.x * 4u + 0u);
  if (i_8 < m && j_8 < 64u) {
    let m2_8: u32 = i_8 % 10u;
    let mr2_8: u32 = i_8 / 10u;
    let m1_8: u32 = mr2_8 % 10u;
    let mr1_8: u32 = mr2_8 / 10u;
    let v0_8: f32 = max(acc20 + arena[18757u + j_8], 0.0);
    arena[15586439u + (mr1_8 * 6400u + m1_8 * 640u + m2_8 * 64u + j_8)] = v0_8;
  }
  let i_9: u32 = row0 + (lid.y * 4u + 2u);
  let j_9: u32 = col0 + (lid.x * 4u + 1u);
  if (i_9 < m && j_9 < 64u) {
    let m2_9: u32 = i_9 % 10u;
    let mr2_9: u32 = i_9 / 10u;
    let m1_9: u32 = mr2_9 % 10u;
    let mr1_9: u32 = mr2_9 / 10u;
    let v0_9: f32 = max(acc21 + arena[18757u + j_9], 0.0);
    arena[15586439u + (mr1_9 * 6400u + m1_9 * 640u + m2_9 * 64u + j_9)] = v0_9;
  }
  let i_10: u32 = row0 + (lid.y * 4u + 2u);
  let j_10: u32 = col0 + (lid.x * 4u + 2u);
  if (i_10 < m && j_10 < 64u) {
    let m2_10: u32 = i_10 % 10u;
    let mr2_10: u32 = i_10 / 10u;
    let m1_10: u32 = mr2_10 % 10u;
    let mr1_10: u32 = mr2_10 / 10u;
    let v0_10: f32 = max(acc22 + arena[18757u + j_10], 0.0);
    arena[15586439u + (mr1_10 * 6400u + m1_10 * 640u + m2_10 * 64u + j_10)] = v0_10;
  }
  let i_11: u32 = row0 + (lid.y * 4u + 2u);
  let j_11: u32 = col0 + (lid.x * 4u + 3u);
  if (i_11 < m && j_11 < 64u) {
    let m2_11: u32 = i_11 % 10u;
    let mr2_11: u32 = i_11 / 10u;
    let m1_11: u32 = mr2_11 % 10u;
    let mr1_11: u32 = mr2_11 / 10u;
    let v0_11: f32 = max(acc23 + arena[18757u + j_11], 0.0);
    arena[15586439u + (mr1_11 * 6400u + m1_11 * 640u + m2_11 * 64u + j_11)] = v0_11;
  }
  let i_12: u32 = row0 + (lid.y * 4u + 3u);
  let j_12: u32 = col0 + (lid.x * 4u + 0u);
  if (i_12 < m && j_12 < 64u) {
    let m2_12: u32 = i_12 % 10u;
    let mr2_12: u32 = i_12 / 10u;
    let m1_12: u32 = mr2_12 % 10u;
    let mr1_12: u32 = mr2_12 / 10u;
    let v0_12: f32 = max(acc30 + arena[18757u + j_12], 0.0);
    arena[15586439u + (mr1_12 * 6400u + m1_12 * 640u + m2_12 * 64u + j_12)] = v0_12;
  }
  let i_13: u32 = row0 + (lid.y * 4u + 3u);
  let j_13: u32 = col0 + (lid.x * 4u + 1u);
  if (i_13 < m && j_13 < 64u) {
    let m2_13: u32 = i_13 % 10u;
    let mr2_13: u32 = i_13 / 10u;
    let m1_13: u32 = mr2_13 % 10u;
    let mr1_13: u32 = mr2_13 / 10u;
    let v0_13: f32 = max(acc31 + arena[18757u + j_13], 0.0);
    arena[15586439u + (mr1_13 * 6400u + m1_13 * 640u + m2_13 * 64u + j_13)] = v0_13;
  }
  let i_14: u32 = row0 + (lid.y * 4u + 3u);
  let j_14: u32 = col0 + (lid.x * 4u + 2u);
  if (i_14 < m && j_14 < 64u) {
    let m2_14: u32 = i_14 % 10u;
    let mr2_14: u32 = i_14 / 10u;
    let m1_14: u32 = mr2_14 % 10u;
    let mr1_14: u32 = mr2_14 / 10u;
    let v0_14: f32 = max(acc32 + arena[18757u + j_14], 0.0);
    arena[15586439u + (mr1_14 * 6400u + m1_14 * 640u + m2_14 * 64u + j_14)] = v0_14;
  }
  let i_15: u32 = row0 + (lid.y * 4u + 3u);
  let j_15: u32 = col0 + (lid.x * 4u + 3u);
  if (i_15 < m && j_15 < 64u) {
    let m2_15: u32 = i_15 % 10u;
    let mr2_15: u32 = i_15 / 10u;
    let m1_15: u32 = mr2_15 % 10u;
    let mr1_15: u32 = mr2_15 / 10u;
    let v0_15: f32 = max(acc33 + arena[18757u + j_15], 0.0);
    arena[15586439u + (mr1_15 * 6400u + m1_15 * 640u + m2_15 * 64u + j_15)] = v0_15;
  }
}

// ==== evaluate.max_pooling2d_1.max_axes24@13.wgsl
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

@compute @workgroup_size(4, 64, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let col: u32 = (wid.y * nwg.x + wid.x) * 4u + lid.x;
  var acc0: f32 = -3.40282346e+38;
  if (col < rows * 1600u) {
    for (var r: u32 = lid.y; r < 4u; r += 64u) {
      let o3: u32 = col % 64u;
      let or3: u32 = col / 64u;
      let o2: u32 = or3 % 5u;
      let or2: u32 = or3 / 5u;
      let o1: u32 = or2 % 5u;
      let or1: u32 = or2 / 5u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[15586439u + (or1 * 6400u + (o1 * 2u + rr1) * 640u + (o2 * 2u + r1) * 64u + o3)];
      acc0 = max(acc0, x0);
    }
  }
  partials[0u + (lid.y * 4u + lid.x)] = acc0;
  workgroupBarrier();
  if (lid.y < 32u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 32u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 16u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 16u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 8u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 8u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 4u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 4u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 2u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 2u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 1u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 1u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y == 0u && col < rows * 1600u) {
    let total0: f32 = partials[0u + (0u * 4u + lid.x)];
    let o3_1: u32 = col % 64u;
    let or3_1: u32 = col / 64u;
    let o2_1: u32 = or3_1 % 5u;
    let or2_1: u32 = or3_1 / 5u;
    let o1_1: u32 = or2_1 % 5u;
    let or1_1: u32 = or2_1 / 5u;
    let v0: f32 = total0;
    arena[16405639u + (or1_1 * 1600u + o1_1 * 320u + o2_1 * 64u + o3_1)] = v0;
  }
}

// ==== evaluate.dense.matmul@16.wgsl
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
  let k_len: u32 = 1600u;
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
      a = arena[16405639u + (ai * 1600u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 10u) {
      bv = arena[18821u + (bka * 10u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[16405639u + (ai_1 * 1600u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 10u) {
      bv_1 = arena[18821u + (bka_1 * 10u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[16405639u + (ai_2 * 1600u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 10u) {
      bv_2 = arena[18821u + (bka_2 * 10u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[16405639u + (ai_3 * 1600u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 10u) {
      bv_3 = arena[18821u + (bka_3 * 10u + bj_3)];
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
  if (i < m && j < 10u) {
    let v0: f32 = acc + arena[34821u + j];
    arena[16610439u + (i * 10u + j)] = v0;
  }
}

// ==== evaluate.loss.cce_logits.max@20.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows) {
    var acc0: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = arena[16610439u + (gid.x * 10u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[16611847u + gid.x] = v0;
  }
}

// ==== evaluate.loss.cce_logits.sumexp@20.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows) {
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    var acc2: f32 = 0.0;
    var acc3: f32 = 0.0;
    var acc4: f32 = 0.0;
    var best3: f32 = -3.40282346e+38;
    var best4: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = exp(arena[16610439u + (gid.x * 10u + r)] - arena[16611847u + gid.x]);
      acc0 += x0;
      let x1: f32 = labels[permutation[offset + gid.x] * 10u + r] * arena[16610439u + (gid.x * 10u + r)];
      acc1 += x1;
      let x2: f32 = labels[permutation[offset + gid.x] * 10u + r];
      acc2 += x2;
      let x3: f32 = labels[permutation[offset + gid.x] * 10u + r];
      if (x3 > best3) {
        best3 = x3;
        acc3 = f32(r);
      }
      let x4: f32 = arena[16610439u + (gid.x * 10u + r)];
      if (x4 > best4) {
        best4 = x4;
        acc4 = f32(r);
      }
    }
    let v0: f32 = (arena[16611847u + gid.x] + log(acc0)) * acc2 - acc1;
    let v1: f32 = select(0.0, 1.0, acc3 == acc4);
    arena[16611719u + gid.x] = v0;
    arena[16611975u + gid.x] = v1;
  }
}

// ==== evaluate.accumulate.sum_all@20.wgsl
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
    let x0: f32 = arena[16611719u + e];
    acc0 += x0;
    let x1: f32 = arena[16611975u + e];
    acc1 += x1;
  }
  partials[0u + lid.x] = acc0;
  partials[256u + lid.x] = acc1;
  workgroupBarrier();
  if (lid.x < 64u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[64u + lid.x];
    partials[256u + lid.x] = partials[256u + lid.x] + partials[320u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 32u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[32u + lid.x];
    partials[256u + lid.x] = partials[256u + lid.x] + partials[288u + lid.x];
  }
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
    let v0: f32 = arena[3u] + total0;
    let v1: f32 = arena[4u] + total1;
    arena[3u] = v0;
    arena[4u] = v1;
  }
}

// ==== predict.rescaling.mul@9.wgsl
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
  let count: u32 = rows * 784u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 28u;
    let r2: u32 = (id - 0u) / 28u;
    let i1: u32 = r2 % 28u;
    let r1: u32 = r2 / 28u;
    let v0: f32 = features[permutation[offset + r1] * 784u + i1 * 28u + i2] * 0.003921569;
    arena[16612103u + (r1 * 784u + i1 * 28u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== predict.conv2d.contract@10.wgsl
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
  let m: u32 = rows * 576u;
  let k_len: u32 = 9u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 32u;
  let col0: u32 = tile % 1u * 32u;
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
      let x2: u32 = ai % 24u;
      let xr2: u32 = ai / 24u;
      let x1: u32 = xr2 % 24u;
      let xr1: u32 = xr2 / 24u;
      let k1: u32 = aka % 3u;
      let kr1: u32 = aka / 3u;
      a = arena[16612103u + (xr1 * 784u + (x1 + kr1) * 28u + (x2 + k1))];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 32u) {
      let k1_1: u32 = bka % 3u;
      let kr1_1: u32 = bka / 3u;
      bv = arena[5u + (kr1_1 * 96u + k1_1 * 32u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 24u;
      let xr2_1: u32 = ai_1 / 24u;
      let x1_1: u32 = xr2_1 % 24u;
      let xr1_1: u32 = xr2_1 / 24u;
      let k1_2: u32 = aka_1 % 3u;
      let kr1_2: u32 = aka_1 / 3u;
      a_1 = arena[16612103u + (xr1_1 * 784u + (x1_1 + kr1_2) * 28u + (x2_1 + k1_2))];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 32u) {
      let k1_3: u32 = bka_1 % 3u;
      let kr1_3: u32 = bka_1 / 3u;
      bv_1 = arena[5u + (kr1_3 * 96u + k1_3 * 32u + bj_1)];
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
  if (i < m && j < 32u) {
    let m2: u32 = i % 24u;
    let mr2: u32 = i / 24u;
    let m1: u32 = mr2 % 24u;
    let mr1: u32 = mr2 / 24u;
    let v0: f32 = max(acc00 + arena[293u + j], 0.0);
    arena[16712455u + (mr1 * 18432u + m1 * 768u + m2 * 32u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 32u) {
    let m2_1: u32 = i_1 % 24u;
    let mr2_1: u32 = i_1 / 24u;
    let m1_1: u32 = mr2_1 % 24u;
    let mr1_1: u32 = mr2_1 / 24u;
    let v0_1: f32 = max(acc01 + arena[293u + j_1], 0.0);
    arena[16712455u + (mr1_1 * 18432u + m1_1 * 768u + m2_1 * 32u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 32u) {
    let m2_2: u32 = i_2 % 24u;
    let mr2_2: u32 = i_2 / 24u;
    let m1_2: u32 = mr2_2 % 24u;
    let mr1_2: u32 = mr2_2 / 24u;
    let v0_2: f32 = max(acc10 + arena[293u + j_2], 0.0);
    arena[16712455u + (mr1_2 * 18432u + m1_2 * 768u + m2_2 * 32u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 32u) {
    let m2_3: u32 = i_3 % 24u;
    let mr2_3: u32 = i_3 / 24u;
    let m1_3: u32 = mr2_3 % 24u;
    let mr1_3: u32 = mr2_3 / 24u;
    let v0_3: f32 = max(acc11 + arena[293u + j_3], 0.0);
    arena[16712455u + (mr1_3 * 18432u + m1_3 * 768u + m2_3 * 32u + j_3)] = v0_3;
  }
}

// ==== predict.max_pooling2d.max_axes24@11.wgsl
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

@compute @workgroup_size(4, 64, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let col: u32 = (wid.y * nwg.x + wid.x) * 4u + lid.x;
  var acc0: f32 = -3.40282346e+38;
  if (col < rows * 4608u) {
    for (var r: u32 = lid.y; r < 4u; r += 64u) {
      let o3: u32 = col % 32u;
      let or3: u32 = col / 32u;
      let o2: u32 = or3 % 12u;
      let or2: u32 = or3 / 12u;
      let o1: u32 = or2 % 12u;
      let or1: u32 = or2 / 12u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[16712455u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1) * 32u + o3)];
      acc0 = max(acc0, x0);
    }
  }
  partials[0u + (lid.y * 4u + lid.x)] = acc0;
  workgroupBarrier();
  if (lid.y < 32u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 32u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 16u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 16u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 8u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 8u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 4u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 4u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 2u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 2u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 1u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 1u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y == 0u && col < rows * 4608u) {
    let total0: f32 = partials[0u + (0u * 4u + lid.x)];
    let o3_1: u32 = col % 32u;
    let or3_1: u32 = col / 32u;
    let o2_1: u32 = or3_1 % 12u;
    let or2_1: u32 = or3_1 / 12u;
    let o1_1: u32 = or2_1 % 12u;
    let or1_1: u32 = or2_1 / 12u;
    let v0: f32 = total0;
    arena[19071751u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v0;
  }
}

// ==== predict.conv2d_1.contract@12.wgsl
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
  let m: u32 = rows * 100u;
  let k_len: u32 = 288u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 64u;
  let col0: u32 = tile % 1u * 64u;
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
      let x2: u32 = ai % 10u;
      let xr2: u32 = ai / 10u;
      let x1: u32 = xr2 % 10u;
      let xr1: u32 = xr2 / 10u;
      let k2: u32 = aka % 32u;
      let kr2: u32 = aka / 32u;
      let k1: u32 = kr2 % 3u;
      let kr1: u32 = kr2 / 3u;
      a = arena[19071751u + (xr1 * 4608u + (x1 + kr1) * 384u + (x2 + k1) * 32u + k2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 64u;
    let bc: u32 = e % 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 64u) {
      let k2_1: u32 = bka % 32u;
      let kr2_1: u32 = bka / 32u;
      let k1_1: u32 = kr2_1 % 3u;
      let kr1_1: u32 = kr2_1 / 3u;
      bv = arena[325u + (kr1_1 * 6144u + k1_1 * 2048u + k2_1 * 64u + bj)];
    }
    tile_b[bk * 64u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 10u;
      let xr2_1: u32 = ai_1 / 10u;
      let x1_1: u32 = xr2_1 % 10u;
      let xr1_1: u32 = xr2_1 / 10u;
      let k2_2: u32 = aka_1 % 32u;
      let kr2_2: u32 = aka_1 / 32u;
      let k1_2: u32 = kr2_2 % 3u;
      let kr1_2: u32 = kr2_2 / 3u;
      a_1 = arena[19071751u + (xr1_1 * 4608u + (x1_1 + kr1_2) * 384u + (x2_1 + k1_2) * 32u + k2_2)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 64u;
    let bc_1: u32 = e_1 % 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 64u) {
      let k2_3: u32 = bka_1 % 32u;
      let kr2_3: u32 = bka_1 / 32u;
      let k1_3: u32 = kr2_3 % 3u;
      let kr1_3: u32 = kr2_3 / 3u;
      bv_1 = arena[325u + (kr1_3 * 6144u + k1_3 * 2048u + k2_3 * 64u + bj_1)];
    }
    tile_b[bk_1 * 64u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 16u;
    let ak_2: u32 = e_2 % 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x2_2: u32 = ai_2 % 10u;
      let xr2_2: u32 = ai_2 / 10u;
      let x1_2: u32 = xr2_2 % 10u;
      let xr1_2: u32 = xr2_2 / 10u;
      let k2_4: u32 = aka_2 % 32u;
      let kr2_4: u32 = aka_2 / 32u;
      let k1_4: u32 = kr2_4 % 3u;
      let kr1_4: u32 = kr2_4 / 3u;
      a_2 = arena[19071751u + (xr1_2 * 4608u + (x1_2 + kr1_4) * 384u + (x2_2 + k1_4) * 32u + k2_4)];
    }
    tile_a[ar_2 * 16u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 64u;
    let bc_2: u32 = e_2 % 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 64u) {
      let k2_5: u32 = bka_2 % 32u;
      let kr2_5: u32 = bka_2 / 32u;
      let k1_5: u32 = kr2_5 % 3u;
      let kr1_5: u32 = kr2_5 / 3u;
      bv_2 = arena[325u + (kr1_5 * 6144u + k1_5 * 2048u + k2_5 * 64u + bj_2)];
    }
    tile_b[bk_2 * 64u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 16u;
    let ak_3: u32 = e_3 % 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x2_3: u32 = ai_3 % 10u;
      let xr2_3: u32 = ai_3 / 10u;
      let x1_3: u32 = xr2_3 % 10u;
      let xr1_3: u32 = xr2_3 / 10u;
      let k2_6: u32 = aka_3 % 32u;
      let kr2_6: u32 = aka_3 / 32u;
      let k1_6: u32 = kr2_6 % 3u;
      let kr1_6: u32 = kr2_6 / 3u;
      a_3 = arena[19071751u + (xr1_3 * 4608u + (x1_3 + kr1_6) * 384u + (x2_3 + k1_6) * 32u + k2_6)];
    }
    tile_a[ar_3 * 16u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 64u;
    let bc_3: u32 = e_3 % 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 64u) {
      let k2_7: u32 = bka_3 % 32u;
      let kr2_7: u32 = bka_3 / 32u;
      let k1_7: u32 = kr2_7 % 3u;
      let kr1_7: u32 = kr2_7 / 3u;
      bv_3 = arena[325u + (kr1_7 * 6144u + k1_7 * 2048u + k2_7 * 64u + bj_3)];
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
  if (i < m && j < 64u) {
    let m2: u32 = i % 10u;
    let mr2: u32 = i / 10u;
    let m1: u32 = mr2 % 10u;
    let mr1: u32 = mr2 / 10u;
    let v0: f32 = max(acc00 + arena[18757u + j], 0.0);
    arena[19661575u + (mr1 * 6400u + m1 * 640u + m2 * 64u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 4u + 0u);
  let j_1: u32 = col0 + (lid.x * 4u + 1u);
  if (i_1 < m && j_1 < 64u) {
    let m2_1: u32 = i_1 % 10u;
    let mr2_1: u32 = i_1 / 10u;
    let m1_1: u32 = mr2_1 % 10u;
    let mr1_1: u32 = mr2_1 / 10u;
    let v0_1: f32 = max(acc01 + arena[18757u + j_1], 0.0);
    arena[19661575u + (mr1_1 * 6400u + m1_1 * 640u + m2_1 * 64u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 4u + 0u);
  let j_2: u32 = col0 + (lid.x * 4u + 2u);
  if (i_2 < m && j_2 < 64u) {
    let m2_2: u32 = i_2 % 10u;
    let mr2_2: u32 = i_2 / 10u;
    let m1_2: u32 = mr2_2 % 10u;
    let mr1_2: u32 = mr2_2 / 10u;
    let v0_2: f32 = max(acc02 + arena[18757u + j_2], 0.0);
    arena[19661575u + (mr1_2 * 6400u + m1_2 * 640u + m2_2 * 64u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 4u + 0u);
  let j_3: u32 = col0 + (lid.x * 4u + 3u);
  if (i_3 < m && j_3 < 64u) {
    let m2_3: u32 = i_3 % 10u;
    let mr2_3: u32 = i_3 / 10u;
    let m1_3: u32 = mr2_3 % 10u;
    let mr1_3: u32 = mr2_3 / 10u;
    let v0_3: f32 = max(acc03 + arena[18757u + j_3], 0.0);
    arena[19661575u + (mr1_3 * 6400u + m1_3 * 640u + m2_3 * 64u + j_3)] = v0_3;
  }
  let i_4: u32 = row0 + (lid.y * 4u + 1u);
  let j_4: u32 = col0 + (lid.x * 4u + 0u);
  if (i_4 < m && j_4 < 64u) {
    let m2_4: u32 = i_4 % 10u;
    let mr2_4: u32 = i_4 / 10u;
    let m1_4: u32 = mr2_4 % 10u;
    let mr1_4: u32 = mr2_4 / 10u;
    let v0_4: f32 = max(acc10 + arena[18757u + j_4], 0.0);
    arena[19661575u + (mr1_4 * 6400u + m1_4 * 640u + m2_4 * 64u + j_4)] = v0_4;
  }
  let i_5: u32 = row0 + (lid.y * 4u + 1u);
  let j_5: u32 = col0 + (lid.x * 4u + 1u);
  if (i_5 < m && j_5 < 64u) {
    let m2_5: u32 = i_5 % 10u;
    let mr2_5: u32 = i_5 / 10u;
    let m1_5: u32 = mr2_5 % 10u;
    let mr1_5: u32 = mr2_5 / 10u;
    let v0_5: f32 = max(acc11 + arena[18757u + j_5], 0.0);
    arena[19661575u + (mr1_5 * 6400u + m1_5 * 640u + m2_5 * 64u + j_5)] = v0_5;
  }
  let i_6: u32 = row0 + (lid.y * 4u + 1u);
  let j_6: u32 = col0 + (lid.x * 4u + 2u);
  if (i_6 < m && j_6 < 64u) {
    let m2_6: u32 = i_6 % 10u;
    let mr2_6: u32 = i_6 / 10u;
    let m1_6: u32 = mr2_6 % 10u;
    let mr1_6: u32 = mr2_6 / 10u;
    let v0_6: f32 = max(acc12 + arena[18757u + j_6], 0.0);
    arena[19661575u + (mr1_6 * 6400u + m1_6 * 640u + m2_6 * 64u + j_6)] = v0_6;
  }
  let i_7: u32 = row0 + (lid.y * 4u + 1u);
  let j_7: u32 = col0 + (lid.x * 4u + 3u);
  if (i_7 < m && j_7 < 64u) {
    let m2_7: u32 = i_7 % 10u;
    let mr2_7: u32 = i_7 / 10u;
    let m1_7: u32 = mr2_7 % 10u;
    let mr1_7: u32 = mr2_7 / 10u;
    let v0_7: f32 = max(acc13 + arena[18757u + j_7], 0.0);
    arena[19661575u + (mr1_7 * 6400u + m1_7 * 640u + m2_7 * 64u + j_7)] = v0_7;
  }
  let i_8: u32 = row0 + (lid.y * 4u + 2u);
  let j_8: u32 = col0 + (lid.x * 4u + 0u);
  if (i_8 < m && j_8 < 64u) {
    let m2_8: u32 = i_8 % 10u;
    let mr2_8: u32 = i_8 / 10u;
    let m1_8: u32 = mr2_8 % 10u;
    let mr1_8: u32 = mr2_8 / 10u;
    let v0_8: f32 = max(acc20 + arena[18757u + j_8], 0.0);
    arena[19661575u + (mr1_8 * 6400u + m1_8 * 640u + m2_8 * 64u + j_8)] = v0_8;
  }
  let i_9: u32 = row0 + (lid.y * 4u + 2u);
  let j_9: u32 = col0 + (lid.x * 4u + 1u);
  if (i_9 < m && j_9 < 64u) {
    let m2_9: u32 = i_9 % 10u;
    let mr2_9: u32 = i_9 / 10u;
    let m1_9: u32 = mr2_9 % 10u;
    let mr1_9: u32 = mr2_9 / 10u;
    let v0_9: f32 = max(acc21 + arena[18757u + j_9], 0.0);
    arena[19661575u + (mr1_9 * 6400u + m1_9 * 640u + m2_9 * 64u + j_9)] = v0_9;
  }
  let i_10: u32 = row0 + (lid.y * 4u + 2u);
  let j_10: u32 = col0 + (lid.x * 4u + 2u);
  if (i_10 < m && j_10 < 64u) {
    let m2_10: u32 = i_10 % 10u;
    let mr2_10: u32 = i_10 / 10u;
    let m1_10: u32 = mr2_10 % 10u;
    let mr1_10: u32 = mr2_10 / 10u;
    let v0_10: f32 = max(acc22 + arena[18757u + j_10], 0.0);
    arena[19661575u + (mr1_10 * 6400u + m1_10 * 640u + m2_10 * 64u + j_10)] = v0_10;
  }
  let i_11: u32 = row0 + (lid.y * 4u + 2u);
  let j_11: u32 = col0 + (lid.x * 4u + 3u);
  if (i_11 < m && j_11 < 64u) {
    let m2_11: u32 = i_11 % 10u;
    let mr2_11: u32 = i_11 / 10u;
    let m1_11: u32 = mr2_11 % 10u;
    let mr1_11: u32 = mr2_11 / 10u;
    let v0_11: f32 = max(acc23 + arena[18757u + j_11], 0.0);
    arena[19661575u + (mr1_11 * 6400u + m1_11 * 640u + m2_11 * 64u + j_11)] = v0_11;
  }
  let i_12: u32 = row0 + (lid.y * 4u + 3u);
  let j_12: u32 = col0 + (lid.x * 4u + 0u);
  if (i_12 < m && j_12 < 64u) {
    let m2_12: u32 = i_12 % 10u;
    let mr2_12: u32 = i_12 / 10u;
    let m1_12: u32 = mr2_12 % 10u;
    let mr1_12: u32 = mr2_12 / 10u;
    let v0_12: f32 = max(acc30 + arena[18757u + j_12], 0.0);
    arena[19661575u + (mr1_12 * 6400u + m1_12 * 640u + m2_12 * 64u + j_12)] = v0_12;
  }
  let i_13: u32 = row0 + (lid.y * 4u + 3u);
  let j_13: u32 = col0 + (lid.x * 4u + 1u);
  if (i_13 < m && j_13 < 64u) {
    let m2_13: u32 = i_13 % 10u;
    let mr2_13: u32 = i_13 / 10u;
    let m1_13: u32 = mr2_13 % 10u;
    let mr1_13: u32 = mr2_13 / 10u;
    let v0_13: f32 = max(acc31 + arena[18757u + j_13], 0.0);
    arena[19661575u + (mr1_13 * 6400u + m1_13 * 640u + m2_13 * 64u + j_13)] = v0_13;
  }
  let i_14: u32 = row0 + (lid.y * 4u + 3u);
  let j_14: u32 = col0 + (lid.x * 4u + 2u);
  if (i_14 < m && j_14 < 64u) {
    let m2_14: u32 = i_14 % 10u;
    let mr2_14: u32 = i_14 / 10u;
    let m1_14: u32 = mr2_14 % 10u;
    let mr1_14: u32 = mr2_14 / 10u;
    let v0_14: f32 = max(acc32 + arena[18757u + j_14], 0.0);
    arena[19661575u + (mr1_14 * 6400u + m1_14 * 640u + m2_14 * 64u + j_14)] = v0_14;
  }
  let i_15: u32 = row0 + (lid.y * 4u + 3u);
  let j_15: u32 = col0 + (lid.x * 4u + 3u);
  if (i_15 < m && j_15 < 64u) {
    let m2_15: u32 = i_15 % 10u;
    let mr2_15: u32 = i_15 / 10u;
    let m1_15: u32 = mr2_15 % 10u;
    let mr1_15: u32 = mr2_15 / 10u;
    let v0_15: f32 = max(acc33 + arena[18757u + j_15], 0.0);
    arena[19661575u + (mr1_15 * 6400u + m1_15 * 640u + m2_15 * 64u + j_15)] = v0_15;
  }
}

// ==== predict.max_pooling2d_1.max_axes24@13.wgsl
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

@compute @workgroup_size(4, 64, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let col: u32 = (wid.y * nwg.x + wid.x) * 4u + lid.x;
  var acc0: f32 = -3.40282346e+38;
  if (col < rows * 1600u) {
    for (var r: u32 = lid.y; r < 4u; r += 64u) {
      let o3: u32 = col % 64u;
      let or3: u32 = col / 64u;
      let o2: u32 = or3 % 5u;
      let or2: u32 = or3 / 5u;
      let o1: u32 = or2 % 5u;
      let or1: u32 = or2 / 5u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[19661575u + (or1 * 6400u + (o1 * 2u + rr1) * 640u + (o2 * 2u + r1) * 64u + o3)];
      acc0 = max(acc0, x0);
    }
  }
  partials[0u + (lid.y * 4u + lid.x)] = acc0;
  workgroupBarrier();
  if (lid.y < 32u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 32u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 16u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 16u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 8u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 8u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 4u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 4u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 2u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 2u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y < 1u) {
    partials[0u + (lid.y * 4u + lid.x)] = max(partials[0u + (lid.y * 4u + lid.x)], partials[0u + ((lid.y + 1u) * 4u + lid.x)]);
  }
  workgroupBarrier();
  if (lid.y == 0u && col < rows * 1600u) {
    let total0: f32 = partials[0u + (0u * 4u + lid.x)];
    let o3_1: u32 = col % 64u;
    let or3_1: u32 = col / 64u;
    let o2_1: u32 = or3_1 % 5u;
    let or2_1: u32 = or3_1 / 5u;
    let o1_1: u32 = or2_1 % 5u;
    let or1_1: u32 = or2_1 / 5u;
    let v0: f32 = total0;
    arena[20480775u + (or1_1 * 1600u + o1_1 * 320u + o2_1 * 64u + o3_1)] = v0;
  }
}

// ==== predict.dense.matmul@16.wgsl
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
  let k_len: u32 = 1600u;
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
      a = arena[20480775u + (ai * 1600u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 10u) {
      bv = arena[18821u + (bka * 10u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[20480775u + (ai_1 * 1600u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 10u) {
      bv_1 = arena[18821u + (bka_1 * 10u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[20480775u + (ai_2 * 1600u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 10u) {
      bv_2 = arena[18821u + (bka_2 * 10u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[20480775u + (ai_3 * 1600u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 10u) {
      bv_3 = arena[18821u + (bka_3 * 10u + bj_3)];
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
  if (i < m && j < 10u) {
    let v0: f32 = acc + arena[34821u + j];
    arena[20685575u + (i * 10u + j)] = v0;
  }
}

// ==== predict.dense.softmax.max@16.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows) {
    var acc0: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = arena[20685575u + (gid.x * 10u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[20686855u + gid.x] = v0;
  }
}

// ==== predict.dense.softmax.sumexp@16.wgsl
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
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  if (gid.x < rows) {
    var acc0: f32 = 0.0;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = exp(arena[20685575u + (gid.x * 10u + r)] - arena[20686855u + gid.x]);
      acc0 += x0;
    }
    let v0: f32 = acc0;
    arena[20686983u + gid.x] = v0;
  }
}

// ==== predict.dense.softmax@16.wgsl
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
  let count: u32 = rows * 10u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 10u;
    let j: u32 = (id - 0u) % 10u;
    let v0: f32 = exp(arena[20685575u + (i * 10u + j)] - arena[20686855u + i]) / arena[20686983u + i];
    output[(step.base + offset + i) * 10u + j] = v0;
  }
  let end: u32 = 0u + count;
}
