// ==== train.rescaling.mul@8.wgsl
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
  let count: u32 = rows * 64u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 8u;
    let r2: u32 = (id - 0u) / 8u;
    let i1: u32 = r2 % 8u;
    let r1: u32 = r2 / 8u;
    let v0: f32 = features[permutation[offset + r1] * 64u + i1 * 8u + i2] * 0.0625;
    arena[18275u + (r1 * 64u + i1 * 8u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.conv2d.contract@9.wgsl
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows * 64u;
  let k_len: u32 = 9u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x2: u32 = ai % 8u;
      let xr2: u32 = ai / 8u;
      let x1: u32 = xr2 % 8u;
      let xr1: u32 = xr2 / 8u;
      let k1: u32 = aka % 3u;
      let kr1: u32 = aka / 3u;
      a = select(0.0, arena[18275u + (xr1 * 64u + (x1 + kr1 - 1u) * 8u + (x2 + k1 - 1u))], x1 + kr1 - 1u < 8u && x2 + k1 - 1u < 8u);
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      let k1_1: u32 = bka % 3u;
      let kr1_1: u32 = bka / 3u;
      bv = arena[5u + (kr1_1 * 48u + k1_1 * 16u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[lid.y * 16u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 16u) {
    let m2: u32 = i % 8u;
    let mr2: u32 = i / 8u;
    let m1: u32 = mr2 % 8u;
    let mr1: u32 = mr2 / 8u;
    let t1: f32 = acc + arena[149u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[20323u + (mr1 * 1024u + m1 * 128u + m2 * 16u + j)] = v0;
    arena[98951u + (mr1 * 1024u + m1 * 128u + m2 * 16u + j)] = v1;
  }
}

// ==== train.max_pooling2d.max_axes24@10.wgsl
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
  if (gid.x < rows * 256u) {
    var acc0: f32 = -3.40282346e+38;
    var acc1: f32 = 0.0;
    var best1: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 4u; r++) {
      let o3: u32 = gid.x % 16u;
      let or3: u32 = gid.x / 16u;
      let o2: u32 = or3 % 4u;
      let or2: u32 = or3 / 4u;
      let o1: u32 = or2 % 4u;
      let or1: u32 = or2 / 4u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[20323u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1) * 16u + o3)];
      acc0 = max(acc0, x0);
      let x1: f32 = arena[20323u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1) * 16u + o3)];
      if (x1 > best1) {
        best1 = x1;
        acc1 = f32(r);
      }
    }
    let o3_1: u32 = gid.x % 16u;
    let or3_1: u32 = gid.x / 16u;
    let o2_1: u32 = or3_1 % 4u;
    let or2_1: u32 = or3_1 / 4u;
    let o1_1: u32 = or2_1 % 4u;
    let or1_1: u32 = or2_1 / 4u;
    let v0: f32 = acc0;
    let v1: f32 = acc1;
    arena[53091u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v0;
    arena[90759u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v1;
  }
}

// ==== train.conv2d_1.contract@11.wgsl
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
  let m: u32 = rows * 4u;
  let k_len: u32 = 144u;
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
      let x2: u32 = ai % 2u;
      let xr2: u32 = ai / 2u;
      let x1: u32 = xr2 % 2u;
      let xr1: u32 = xr2 / 2u;
      let k2: u32 = aka % 16u;
      let kr2: u32 = aka / 16u;
      let k1: u32 = kr2 % 3u;
      let kr1: u32 = kr2 / 3u;
      a = arena[53091u + (xr1 * 256u + (x1 + kr1) * 64u + (x2 + k1) * 16u + k2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 32u) {
      let k2_1: u32 = bka % 16u;
      let kr2_1: u32 = bka / 16u;
      let k1_1: u32 = kr2_1 % 3u;
      let kr1_1: u32 = kr2_1 / 3u;
      bv = arena[165u + (kr1_1 * 1536u + k1_1 * 512u + k2_1 * 32u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 2u;
      let xr2_1: u32 = ai_1 / 2u;
      let x1_1: u32 = xr2_1 % 2u;
      let xr1_1: u32 = xr2_1 / 2u;
      let k2_2: u32 = aka_1 % 16u;
      let kr2_2: u32 = aka_1 / 16u;
      let k1_2: u32 = kr2_2 % 3u;
      let kr1_2: u32 = kr2_2 / 3u;
      a_1 = arena[53091u + (xr1_1 * 256u + (x1_1 + kr1_2) * 64u + (x2_1 + k1_2) * 16u + k2_2)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 32u) {
      let k2_3: u32 = bka_1 % 16u;
      let kr2_3: u32 = bka_1 / 16u;
      let k1_3: u32 = kr2_3 % 3u;
      let kr1_3: u32 = kr2_3 / 3u;
      bv_1 = arena[165u + (kr1_3 * 1536u + k1_3 * 512u + k2_3 * 32u + bj_1)];
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
    let m2: u32 = i % 2u;
    let mr2: u32 = i / 2u;
    let m1: u32 = mr2 % 2u;
    let mr1: u32 = mr2 / 2u;
    let t1: f32 = acc00 + arena[4773u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[61283u + (mr1 * 128u + m1 * 64u + m2 * 32u + j)] = v0;
    arena[74339u + (mr1 * 128u + m1 * 64u + m2 * 32u + j)] = v1;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 32u) {
    let m2_1: u32 = i_1 % 2u;
    let mr2_1: u32 = i_1 / 2u;
    let m1_1: u32 = mr2_1 % 2u;
    let mr1_1: u32 = mr2_1 / 2u;
    let t1_1: f32 = acc01 + arena[4773u + j_1];
    let v0_1: f32 = max(t1_1, 0.0);
    let v1_1: f32 = select(0.0, 1.0, t1_1 > 0.0);
    arena[61283u + (mr1_1 * 128u + m1_1 * 64u + m2_1 * 32u + j_1)] = v0_1;
    arena[74339u + (mr1_1 * 128u + m1_1 * 64u + m2_1 * 32u + j_1)] = v1_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 32u) {
    let m2_2: u32 = i_2 % 2u;
    let mr2_2: u32 = i_2 / 2u;
    let m1_2: u32 = mr2_2 % 2u;
    let mr1_2: u32 = mr2_2 / 2u;
    let t1_2: f32 = acc10 + arena[4773u + j_2];
    let v0_2: f32 = max(t1_2, 0.0);
    let v1_2: f32 = select(0.0, 1.0, t1_2 > 0.0);
    arena[61283u + (mr1_2 * 128u + m1_2 * 64u + m2_2 * 32u + j_2)] = v0_2;
    arena[74339u + (mr1_2 * 128u + m1_2 * 64u + m2_2 * 32u + j_2)] = v1_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 32u) {
    let m2_3: u32 = i_3 % 2u;
    let mr2_3: u32 = i_3 / 2u;
    let m1_3: u32 = mr2_3 % 2u;
    let mr1_3: u32 = mr2_3 / 2u;
    let t1_3: f32 = acc11 + arena[4773u + j_3];
    let v0_3: f32 = max(t1_3, 0.0);
    let v1_3: f32 = select(0.0, 1.0, t1_3 > 0.0);
    arena[61283u + (mr1_3 * 128u + m1_3 * 64u + m2_3 * 32u + j_3)] = v0_3;
    arena[74339u + (mr1_3 * 128u + m1_3 * 64u + m2_3 * 32u + j_3)] = v1_3;
  }
}

// ==== train.dropout.random@13.wgsl
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
  let count: u32 = rows * 128u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 128u;
    let j: u32 = (id - 0u) % 128u;
    let t1: f32 = select(0.0, 1.0, rng_uniform(rng_mix32(step.seed ^ t), 3145733u, i * 128u + j) >= 0.25);
    let v0: f32 = t1;
    let v1: f32 = arena[61283u + (i * 128u + j)] * t1 * 1.3333334;
    arena[65379u + (i * 128u + j)] = v0;
    arena[69475u + (i * 128u + j)] = v1;
  }
  let end: u32 = 0u + count;
}

// ==== train.dense.matmul@14.wgsl
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
  let k_len: u32 = 128u;
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
      a = arena[69475u + (ai * 128u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 10u) {
      bv = arena[4805u + (bka * 10u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[69475u + (ai_1 * 128u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 10u) {
      bv_1 = arena[4805u + (bka_1 * 10u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[69475u + (ai_2 * 128u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 10u) {
      bv_2 = arena[4805u + (bka_2 * 10u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[69475u + (ai_3 * 128u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 10u) {
      bv_3 = arena[4805u + (bka_3 * 10u + bj_3)];
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
    let v0: f32 = acc + arena[6085u + j];
    arena[73571u + (i * 10u + j)] = v0;
  }
}

// ==== train.dense.softmax.max@14.wgsl
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
      let x0: f32 = arena[73571u + (gid.x * 10u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[73891u + gid.x] = v0;
  }
}

// ==== train.dense.softmax.sumexp@14.wgsl
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
    var best3: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = exp(arena[73571u + (gid.x * 10u + r)] - arena[73891u + gid.x]);
      acc0 += x0;
      let x1: f32 = select(0.0, 1.0, f32(r) == labels[permutation[offset + gid.x]]) * arena[73571u + (gid.x * 10u + r)];
      acc1 += x1;
      let x2: f32 = select(0.0, 1.0, f32(r) == labels[permutation[offset + gid.x]]);
      acc2 += x2;
      let x3: f32 = arena[73571u + (gid.x * 10u + r)];
      if (x3 > best3) {
        best3 = x3;
        acc3 = f32(r);
      }
    }
    let v0: f32 = acc0;
    let v1: f32 = (arena[73891u + gid.x] + log(acc0)) * acc2 - acc1;
    let v2: f32 = select(0.0, 1.0, labels[permutation[offset + gid.x]] == acc3);
    arena[73923u + gid.x] = v0;
    arena[73955u + gid.x] = v1;
    arena[73987u + gid.x] = v2;
  }
}

// ==== train.dense.softmax@14.wgsl
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
    let v0: f32 = 1.0 / f32(rows) * (exp(arena[73571u + (i * 10u + j)] - arena[73891u + i]) / arena[73923u + i] - select(0.0, 1.0, f32(j) == labels[permutation[offset + i]]));
    arena[74019u + (i * 10u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.accumulate.sum_all@18+dense.grad.sum_rows@14+dense.grad.matmul@14.wgsl
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
var<workgroup> k2_tile_a: array<f32, 512>;
var<workgroup> k2_tile_b: array<f32, 512>;

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
      let x0: f32 = arena[73955u + e];
      acc0 += x0;
      let x1: f32 = arena[73987u + e];
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
        let x0_1: f32 = arena[74019u + (r * 10u + col)];
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
      let t6: f32 = arena[18255u + col] + (total0_1 - arena[18255u + col]) * 0.1;
      let t7: f32 = arena[18265u + col] + (total0_1 * total0_1 - arena[18265u + col]) * 0.001;
      let v0_1: f32 = t6;
      let v1_1: f32 = t7;
      let v2_1: f32 = arena[6085u + col] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7) + 1e-7);
      arena[18255u + col] = v0_1;
      arena[18265u + col] = v1_1;
      arena[6085u + col] = v2_1;
    }
  }
  // dense.grad.matmul
  let nx_2: u32 = 4u;
  let ny_2: u32 = max(1u, (rows * 1u + 31u) / 32u);
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
    let row0: u32 = tile / 4u * 32u;
    let col0: u32 = tile % 4u * 32u;
    let flat: u32 = lid_3.y * 16u + lid_3.x;
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
        a = arena[74019u + (ai * 10u + aka)];
      }
      k2_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e_1 % 16u;
      let bc: u32 = e_1 / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 128u) {
        bv = arena[4805u + (bj * 10u + bka)];
      }
      k2_tile_b[bk * 32u + bc] = bv;
      let e_2: u32 = flat + 256u;
      let ar_1: u32 = e_2 / 16u;
      let ak_1: u32 = e_2 % 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[74019u + (ai_1 * 10u + aka_1)];
      }
      k2_tile_a[ar_1 * 16u + ak_1] = a_1;
      let bk_1: u32 = e_2 % 16u;
      let bc_1: u32 = e_2 / 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 128u) {
        bv_1 = arena[4805u + (bj_1 * 10u + bka_1)];
      }
      k2_tile_b[bk_1 * 32u + bc_1] = bv_1;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 16u; kk++) {
        let a0: f32 = k2_tile_a[(lid_3.y * 2u + 0u) * 16u + kk];
        let a1: f32 = k2_tile_a[(lid_3.y * 2u + 1u) * 16u + kk];
        let b0: f32 = k2_tile_b[kk * 32u + (lid_3.x * 2u + 0u)];
        let b1: f32 = k2_tile_b[kk * 32u + (lid_3.x * 2u + 1u)];
        acc00 += a0 * b0;
        acc01 += a0 * b1;
        acc10 += a1 * b0;
        acc11 += a1 * b1;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + (lid_3.y * 2u + 0u);
    let j: u32 = col0 + (lid_3.x * 2u + 0u);
    if (i < m && j < 128u) {
      let v0_2: f32 = acc00 * 1.3333334 * arena[65379u + (i * 128u + j)] * arena[74339u + (i * 128u + j)];
      arena[78435u + (i * 128u + j)] = v0_2;
    }
    let i_1: u32 = row0 + (lid_3.y * 2u + 0u);
    let j_1: u32 = col0 + (lid_3.x * 2u + 1u);
    if (i_1 < m && j_1 < 128u) {
      let v0_3: f32 = acc01 * 1.3333334 * arena[65379u + (i_1 * 128u + j_1)] * arena[74339u + (i_1 * 128u + j_1)];
      arena[78435u + (i_1 * 128u + j_1)] = v0_3;
    }
    let i_2: u32 = row0 + (lid_3.y * 2u + 1u);
    let j_2: u32 = col0 + (lid_3.x * 2u + 0u);
    if (i_2 < m && j_2 < 128u) {
      let v0_4: f32 = acc10 * 1.3333334 * arena[65379u + (i_2 * 128u + j_2)] * arena[74339u + (i_2 * 128u + j_2)];
      arena[78435u + (i_2 * 128u + j_2)] = v0_4;
    }
    let i_3: u32 = row0 + (lid_3.y * 2u + 1u);
    let j_3: u32 = col0 + (lid_3.x * 2u + 1u);
    if (i_3 < m && j_3 < 128u) {
      let v0_5: f32 = acc11 * 1.3333334 * arena[65379u + (i_3 * 128u + j_3)] * arena[74339u + (i_3 * 128u + j_3)];
      arena[78435u + (i_3 * 128u + j_3)] = v0_5;
    }
  }
}

// ==== train.dense.grad.matmul_1@14+conv2d_1.grad.sum_axes012@11.wgsl
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
var<workgroup> k1_partials: array<f32, 256>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // dense.grad.matmul#1
  let nx: u32 = 1u;
  let ny: u32 = 8u;
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
    let m: u32 = 128u;
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
        a = arena[69475u + (aka * 128u + ai)];
      }
      k0_tile_a[ar * 64u + ak] = a;
      let bk: u32 = e / 16u;
      let bc: u32 = e % 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 10u) {
        bv = arena[74019u + (bka * 10u + bj)];
      }
      k0_tile_b[bk * 16u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 16u;
      let ak_1: u32 = e_1 / 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[69475u + (aka_1 * 128u + ai_1)];
      }
      k0_tile_a[ar_1 * 64u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 16u;
      let bc_1: u32 = e_1 % 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 10u) {
        bv_1 = arena[74019u + (bka_1 * 10u + bj_1)];
      }
      k0_tile_b[bk_1 * 16u + bc_1] = bv_1;
      let e_2: u32 = flat + 512u;
      let ar_2: u32 = e_2 % 16u;
      let ak_2: u32 = e_2 / 16u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        a_2 = arena[69475u + (aka_2 * 128u + ai_2)];
      }
      k0_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 10u) {
        bv_2 = arena[74019u + (bka_2 * 10u + bj_2)];
      }
      k0_tile_b[bk_2 * 16u + bc_2] = bv_2;
      let e_3: u32 = flat + 768u;
      let ar_3: u32 = e_3 % 16u;
      let ak_3: u32 = e_3 / 16u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        a_3 = arena[69475u + (aka_3 * 128u + ai_3)];
      }
      k0_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 10u) {
        bv_3 = arena[74019u + (bka_3 * 10u + bj_3)];
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
    if (i < m && j < 10u) {
      let t6: f32 = arena[15695u + (i * 10u + j)] + (acc - arena[15695u + (i * 10u + j)]) * 0.1;
      let t7: f32 = arena[16975u + (i * 10u + j)] + (acc * acc - arena[16975u + (i * 10u + j)]) * 0.001;
      let v0: f32 = t6;
      let v1: f32 = t7;
      let v2: f32 = arena[4805u + (i * 10u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[15695u + (i * 10u + j)] = v0;
      arena[16975u + (i * 10u + j)] = v1;
      arena[4805u + (i * 10u + j)] = v2;
    }
  }
  // conv2d_1.grad.sum_axes012
  let nx_1: u32 = 8u;
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
    if (col < 32u) {
      for (var r: u32 = lid_2.y; r < rows_2 * 4u; r += 64u) {
        let r2: u32 = r % 2u;
        let rr2: u32 = r / 2u;
        let r1: u32 = rr2 % 2u;
        let rr1: u32 = rr2 / 2u;
        let x0: f32 = arena[78435u + (rr1 * 128u + r1 * 64u + r2 * 32u + col)];
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
    if (lid_2.y == 0u && col < 32u) {
      let total0: f32 = k1_partials[0u + (0u * 4u + lid_2.x)];
      let v0_1: f32 = total0;
      arena[82531u + col] = v0_1;
    }
  }
}

// ==== train.conv2d_1.grad.contract@11.wgsl
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
  let m: u32 = rows * 16u;
  let k_len: u32 = 288u;
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
      let x2: u32 = ai % 4u;
      let xr2: u32 = ai / 4u;
      let x1: u32 = xr2 % 4u;
      let xr1: u32 = xr2 / 4u;
      let k2: u32 = aka % 32u;
      let kr2: u32 = aka / 32u;
      let k1: u32 = kr2 % 3u;
      let kr1: u32 = kr2 / 3u;
      a = select(0.0, arena[78435u + (xr1 * 128u + (x1 - kr1) * 64u + (x2 - k1) * 32u + k2)], x1 - kr1 < 2u && x2 - k1 < 2u);
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e % 64u;
    let bc: u32 = e / 64u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      let k2_1: u32 = bka % 32u;
      let kr2_1: u32 = bka / 32u;
      let k1_1: u32 = kr2_1 % 3u;
      let kr1_1: u32 = kr2_1 / 3u;
      bv = arena[165u + (kr1_1 * 1536u + k1_1 * 512u + bj * 32u + k2_1)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 4u;
      let xr2_1: u32 = ai_1 / 4u;
      let x1_1: u32 = xr2_1 % 4u;
      let xr1_1: u32 = xr2_1 / 4u;
      let k2_2: u32 = aka_1 % 32u;
      let kr2_2: u32 = aka_1 / 32u;
      let k1_2: u32 = kr2_2 % 3u;
      let kr1_2: u32 = kr2_2 / 3u;
      a_1 = select(0.0, arena[78435u + (xr1_1 * 128u + (x1_1 - kr1_2) * 64u + (x2_1 - k1_2) * 32u + k2_2)], x1_1 - kr1_2 < 2u && x2_1 - k1_2 < 2u);
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 % 64u;
    let bc_1: u32 = e_1 / 64u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 16u) {
      let k2_3: u32 = bka_1 % 32u;
      let kr2_3: u32 = bka_1 / 32u;
      let k1_3: u32 = kr2_3 % 3u;
      let kr1_3: u32 = kr2_3 / 3u;
      bv_1 = arena[165u + (kr1_3 * 1536u + k1_3 * 512u + bj_1 * 32u + k2_3)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      let x2_2: u32 = ai_2 % 4u;
      let xr2_2: u32 = ai_2 / 4u;
      let x1_2: u32 = xr2_2 % 4u;
      let xr1_2: u32 = xr2_2 / 4u;
      let k2_4: u32 = aka_2 % 32u;
      let kr2_4: u32 = aka_2 / 32u;
      let k1_4: u32 = kr2_4 % 3u;
      let kr1_4: u32 = kr2_4 / 3u;
      a_2 = select(0.0, arena[78435u + (xr1_2 * 128u + (x1_2 - kr1_4) * 64u + (x2_2 - k1_4) * 32u + k2_4)], x1_2 - kr1_4 < 2u && x2_2 - k1_4 < 2u);
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 % 64u;
    let bc_2: u32 = e_2 / 64u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 16u) {
      let k2_5: u32 = bka_2 % 32u;
      let kr2_5: u32 = bka_2 / 32u;
      let k1_5: u32 = kr2_5 % 3u;
      let kr1_5: u32 = kr2_5 / 3u;
      bv_2 = arena[165u + (kr1_5 * 1536u + k1_5 * 512u + bj_2 * 32u + k2_5)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      let x2_3: u32 = ai_3 % 4u;
      let xr2_3: u32 = ai_3 / 4u;
      let x1_3: u32 = xr2_3 % 4u;
      let xr1_3: u32 = xr2_3 / 4u;
      let k2_6: u32 = aka_3 % 32u;
      let kr2_6: u32 = aka_3 / 32u;
      let k1_6: u32 = kr2_6 % 3u;
      let kr1_6: u32 = kr2_6 / 3u;
      a_3 = select(0.0, arena[78435u + (xr1_3 * 128u + (x1_3 - kr1_6) * 64u + (x2_3 - k1_6) * 32u + k2_6)], x1_3 - kr1_6 < 2u && x2_3 - k1_6 < 2u);
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 % 64u;
    let bc_3: u32 = e_3 / 64u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 16u) {
      let k2_7: u32 = bka_3 % 32u;
      let kr2_7: u32 = bka_3 / 32u;
      let k1_7: u32 = kr2_7 % 3u;
      let kr1_7: u32 = kr2_7 / 3u;
      bv_3 = arena[165u + (kr1_7 * 1536u + k1_7 * 512u + bj_3 * 32u + k2_7)];
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
  if (i < m && j < 16u) {
    let m2: u32 = i % 4u;
    let mr2: u32 = i / 4u;
    let m1: u32 = mr2 % 4u;
    let mr1: u32 = mr2 / 4u;
    let v0: f32 = acc;
    arena[82563u + (mr1 * 256u + m1 * 64u + m2 * 16u + j)] = v0;
  }
}

// ==== train.conv2d_1.grad.contract_1@11.wgsl
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
  let m: u32 = 144u;
  let k_len: u32 = rows * 4u;
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
    let ar: u32 = e % 32u;
    let ak: u32 = e / 32u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x2: u32 = ai % 16u;
      let xr2: u32 = ai / 16u;
      let x1: u32 = xr2 % 3u;
      let xr1: u32 = xr2 / 3u;
      let k2: u32 = aka % 2u;
      let kr2: u32 = aka / 2u;
      let k1: u32 = kr2 % 2u;
      let kr1: u32 = kr2 / 2u;
      a = arena[53091u + (kr1 * 256u + (k1 + xr1) * 64u + (k2 + x1) * 16u + x2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 32u) {
      let k2_1: u32 = bka % 2u;
      let kr2_1: u32 = bka / 2u;
      let k1_1: u32 = kr2_1 % 2u;
      let kr1_1: u32 = kr2_1 / 2u;
      bv = arena[78435u + (kr1_1 * 128u + k1_1 * 64u + k2_1 * 32u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 % 32u;
    let ak_1: u32 = e_1 / 32u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 16u;
      let xr2_1: u32 = ai_1 / 16u;
      let x1_1: u32 = xr2_1 % 3u;
      let xr1_1: u32 = xr2_1 / 3u;
      let k2_2: u32 = aka_1 % 2u;
      let kr2_2: u32 = aka_1 / 2u;
      let k1_2: u32 = kr2_2 % 2u;
      let kr1_2: u32 = kr2_2 / 2u;
      a_1 = arena[53091u + (kr1_2 * 256u + (k1_2 + xr1_1) * 64u + (k2_2 + x1_1) * 16u + x2_1)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 32u) {
      let k2_3: u32 = bka_1 % 2u;
      let kr2_3: u32 = bka_1 / 2u;
      let k1_3: u32 = kr2_3 % 2u;
      let kr1_3: u32 = kr2_3 / 2u;
      bv_1 = arena[78435u + (kr1_3 * 128u + k1_3 * 64u + k2_3 * 32u + bj_1)];
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
    let m2: u32 = i % 16u;
    let mr2: u32 = i / 16u;
    let m1: u32 = mr2 % 3u;
    let mr1: u32 = mr2 / 3u;
    let t6: f32 = arena[6415u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)] + (acc00 - arena[6415u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)]) * 0.1;
    let t7: f32 = arena[11023u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)] + (acc00 * acc00 - arena[11023u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[165u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[6415u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)] = v0;
    arena[11023u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)] = v1;
    arena[165u + (mr1 * 1536u + m1 * 512u + m2 * 32u + j)] = v2;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 32u) {
    let m2_1: u32 = i_1 % 16u;
    let mr2_1: u32 = i_1 / 16u;
    let m1_1: u32 = mr2_1 % 3u;
    let mr1_1: u32 = mr2_1 / 3u;
    let t6_1: f32 = arena[6415u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)] + (acc01 - arena[6415u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)]) * 0.1;
    let t7_1: f32 = arena[11023u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)] + (acc01 * acc01 - arena[11023u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)]) * 0.001;
    let v0_1: f32 = t6_1;
    let v1_1: f32 = t7_1;
    let v2_1: f32 = arena[165u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
    arena[6415u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)] = v0_1;
    arena[11023u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)] = v1_1;
    arena[165u + (mr1_1 * 1536u + m1_1 * 512u + m2_1 * 32u + j_1)] = v2_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 32u) {
    let m2_2: u32 = i_2 % 16u;
    let mr2_2: u32 = i_2 / 16u;
    let m1_2: u32 = mr2_2 % 3u;
    let mr1_2: u32 = mr2_2 / 3u;
    let t6_2: f32 = arena[6415u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)] + (acc10 - arena[6415u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)]) * 0.1;
    let t7_2: f32 = arena[11023u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)] + (acc10 * acc10 - arena[11023u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)]) * 0.001;
    let v0_2: f32 = t6_2;
    let v1_2: f32 = t7_2;
    let v2_2: f32 = arena[165u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)] - t6_2 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
    arena[6415u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)] = v0_2;
    arena[11023u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)] = v1_2;
    arena[165u + (mr1_2 * 1536u + m1_2 * 512u + m2_2 * 32u + j_2)] = v2_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 32u) {
    let m2_3: u32 = i_3 % 16u;
    let mr2_3: u32 = i_3 / 16u;
    let m1_3: u32 = mr2_3 % 3u;
    let mr1_3: u32 = mr2_3 / 3u;
    let t6_3: f32 = arena[6415u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)] + (acc11 - arena[6415u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)]) * 0.1;
    let t7_3: f32 = arena[11023u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)] + (acc11 * acc11 - arena[11023u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)]) * 0.001;
    let v0_3: f32 = t6_3;
    let v1_3: f32 = t7_3;
    let v2_3: f32 = arena[165u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)] - t6_3 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_3) + 1e-7);
    arena[6415u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)] = v0_3;
    arena[11023u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)] = v1_3;
    arena[165u + (mr1_3 * 1536u + m1_3 * 512u + m2_3 * 32u + j_3)] = v2_3;
  }
}

// ==== train.max_pooling2d.grad.position@10.wgsl
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
    arena[90755u + (r4 * 2u + i4)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.max_pooling2d.grad.eq@10.wgsl
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
  let count: u32 = rows * 1024u;
  if (id >= 0u && id < 0u + count) {
    let i5: u32 = (id - 0u) % 16u;
    let r5: u32 = (id - 0u) / 16u;
    let i4: u32 = r5 % 2u;
    let r4: u32 = r5 / 2u;
    let i3: u32 = r4 % 4u;
    let r3: u32 = r4 / 4u;
    let i2: u32 = r3 % 2u;
    let r2: u32 = r3 / 2u;
    let i1: u32 = r2 % 4u;
    let r1: u32 = r2 / 4u;
    let v0: f32 = arena[82563u + (r1 * 256u + i1 * 64u + i3 * 16u + i5)] * select(0.0, 1.0, arena[90755u + (i2 * 2u + i4)] == arena[90759u + (r1 * 256u + i1 * 64u + i3 * 16u + i5)]) * arena[98951u + (r1 * 1024u + i1 * 256u + i2 * 128u + i3 * 32u + i4 * 16u + i5)];
    arena[131719u + (r1 * 1024u + i1 * 256u + i2 * 128u + i3 * 32u + i4 * 16u + i5)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.conv2d.grad.sum_axes012@9+conv2d.grad.contract@9.wgsl
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
  let nx: u32 = 4u;
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
    if (col < 16u) {
      for (var r: u32 = lid_1.y; r < rows_1 * 64u; r += 64u) {
        let r2: u32 = r % 8u;
        let rr2: u32 = r / 8u;
        let r1: u32 = rr2 % 8u;
        let rr1: u32 = rr2 / 8u;
        let x0: f32 = arena[131719u + (rr1 * 1024u + r1 * 128u + r2 * 16u + col)];
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
    if (lid_1.y == 0u && col < 16u) {
      let total0: f32 = k0_partials[0u + (0u * 4u + lid_1.x)];
      let v0: f32 = total0;
      arena[164487u + col] = v0;
    }
  }
  // conv2d.grad.contract
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
    let m: u32 = 9u;
    let k_len: u32 = rows_2 * 64u;
    let tile: u32 = wid_2.y * nwg_2.x + wid_2.x;
    let row0: u32 = tile / 1u * 16u;
    let col0: u32 = tile % 1u * 16u;
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
        let k2: u32 = aka % 8u;
        let kr2: u32 = aka / 8u;
        let k1: u32 = kr2 % 8u;
        let kr1: u32 = kr2 / 8u;
        a = select(0.0, arena[18275u + (kr1 * 64u + (k1 + xr1 - 1u) * 8u + (k2 + x1 - 1u))], k1 + xr1 - 1u < 8u && k2 + x1 - 1u < 8u);
      }
      k1_tile_a[ar * 64u + ak] = a;
      let bk: u32 = e / 16u;
      let bc: u32 = e % 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 16u) {
        let k2_1: u32 = bka % 8u;
        let kr2_1: u32 = bka / 8u;
        let k1_1: u32 = kr2_1 % 8u;
        let kr1_1: u32 = kr2_1 / 8u;
        bv = arena[131719u + (kr1_1 * 1024u + k1_1 * 128u + k2_1 * 16u + bj)];
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
        let k2_2: u32 = aka_1 % 8u;
        let kr2_2: u32 = aka_1 / 8u;
        let k1_2: u32 = kr2_2 % 8u;
        let kr1_2: u32 = kr2_2 / 8u;
        a_1 = select(0.0, arena[18275u + (kr1_2 * 64u + (k1_2 + xr1_1 - 1u) * 8u + (k2_2 + x1_1 - 1u))], k1_2 + xr1_1 - 1u < 8u && k2_2 + x1_1 - 1u < 8u);
      }
      k1_tile_a[ar_1 * 64u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 16u;
      let bc_1: u32 = e_1 % 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 16u) {
        let k2_3: u32 = bka_1 % 8u;
        let kr2_3: u32 = bka_1 / 8u;
        let k1_3: u32 = kr2_3 % 8u;
        let kr1_3: u32 = kr2_3 / 8u;
        bv_1 = arena[131719u + (kr1_3 * 1024u + k1_3 * 128u + k2_3 * 16u + bj_1)];
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
        let k2_4: u32 = aka_2 % 8u;
        let kr2_4: u32 = aka_2 / 8u;
        let k1_4: u32 = kr2_4 % 8u;
        let kr1_4: u32 = kr2_4 / 8u;
        a_2 = select(0.0, arena[18275u + (kr1_4 * 64u + (k1_4 + xr1_2 - 1u) * 8u + (k2_4 + x1_2 - 1u))], k1_4 + xr1_2 - 1u < 8u && k2_4 + x1_2 - 1u < 8u);
      }
      k1_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 16u) {
        let k2_5: u32 = bka_2 % 8u;
        let kr2_5: u32 = bka_2 / 8u;
        let k1_5: u32 = kr2_5 % 8u;
        let kr1_5: u32 = kr2_5 / 8u;
        bv_2 = arena[131719u + (kr1_5 * 1024u + k1_5 * 128u + k2_5 * 16u + bj_2)];
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
        let k2_6: u32 = aka_3 % 8u;
        let kr2_6: u32 = aka_3 / 8u;
        let k1_6: u32 = kr2_6 % 8u;
        let kr1_6: u32 = kr2_6 / 8u;
        a_3 = select(0.0, arena[18275u + (kr1_6 * 64u + (k1_6 + xr1_3 - 1u) * 8u + (k2_6 + x1_3 - 1u))], k1_6 + xr1_3 - 1u < 8u && k2_6 + x1_3 - 1u < 8u);
      }
      k1_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 16u) {
        let k2_7: u32 = bka_3 % 8u;
        let kr2_7: u32 = bka_3 / 8u;
        let k1_7: u32 = kr2_7 % 8u;
        let kr1_7: u32 = kr2_7 / 8u;
        bv_3 = arena[131719u + (kr1_7 * 1024u + k1_7 * 128u + k2_7 * 16u + bj_3)];
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
    if (i < m && j < 16u) {
      let m1: u32 = i % 3u;
      let mr1: u32 = i / 3u;
      let t6: f32 = arena[6095u + (mr1 * 48u + m1 * 16u + j)] + (acc - arena[6095u + (mr1 * 48u + m1 * 16u + j)]) * 0.1;
      let t7: f32 = arena[6239u + (mr1 * 48u + m1 * 16u + j)] + (acc * acc - arena[6239u + (mr1 * 48u + m1 * 16u + j)]) * 0.001;
      let v0_1: f32 = t6;
      let v1: f32 = t7;
      let v2: f32 = arena[5u + (mr1 * 48u + m1 * 16u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7) + 1e-7);
      arena[6095u + (mr1 * 48u + m1 * 16u + j)] = v0_1;
      arena[6239u + (mr1 * 48u + m1 * 16u + j)] = v1;
      arena[5u + (mr1 * 48u + m1 * 16u + j)] = v2;
    }
  }
}

// ==== train.optimizer.update@18.wgsl
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
  let count: u32 = 16u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 16u;
    let j: u32 = (id - 0u) % 16u;
    let t5: f32 = arena[6383u + (i * 16u + j)] + (arena[164487u + (i * 16u + j)] - arena[6383u + (i * 16u + j)]) * 0.1;
    let t6: f32 = arena[6399u + (i * 16u + j)] + (arena[164487u + (i * 16u + j)] * arena[164487u + (i * 16u + j)] - arena[6399u + (i * 16u + j)]) * 0.001;
    let v0: f32 = t5;
    let v1: f32 = t6;
    let v2: f32 = arena[149u + (i * 16u + j)] - t5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6) + 1e-7);
    arena[6383u + (i * 16u + j)] = v0;
    arena[6399u + (i * 16u + j)] = v1;
    arena[149u + (i * 16u + j)] = v2;
  }
  let end: u32 = 0u + count;
  let count_1: u32 = 32u;
  if (id >= end && id < end + count_1) {
    let i_1: u32 = (id - end) / 32u;
    let j_1: u32 = (id - end) % 32u;
    let t5_1: f32 = arena[15631u + (i_1 * 32u + j_1)] + (arena[82531u + (i_1 * 32u + j_1)] - arena[15631u + (i_1 * 32u + j_1)]) * 0.1;
    let t6_1: f32 = arena[15663u + (i_1 * 32u + j_1)] + (arena[82531u + (i_1 * 32u + j_1)] * arena[82531u + (i_1 * 32u + j_1)] - arena[15663u + (i_1 * 32u + j_1)]) * 0.001;
    let v0_1: f32 = t5_1;
    let v1_1: f32 = t6_1;
    let v2_1: f32 = arena[4773u + (i_1 * 32u + j_1)] - t5_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_1) + 1e-7);
    arena[15631u + (i_1 * 32u + j_1)] = v0_1;
    arena[15663u + (i_1 * 32u + j_1)] = v1_1;
    arena[4773u + (i_1 * 32u + j_1)] = v2_1;
  }
  let end_1: u32 = end + count_1;
}

// ==== evaluate.rescaling.mul@8.wgsl
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
  let count: u32 = rows * 64u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 8u;
    let r2: u32 = (id - 0u) / 8u;
    let i1: u32 = r2 % 8u;
    let r1: u32 = r2 / 8u;
    let v0: f32 = features[permutation[offset + r1] * 64u + i1 * 8u + i2] * 0.0625;
    arena[164503u + (r1 * 64u + i1 * 8u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.conv2d.contract@9.wgsl
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows * 64u;
  let k_len: u32 = 9u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x2: u32 = ai % 8u;
      let xr2: u32 = ai / 8u;
      let x1: u32 = xr2 % 8u;
      let xr1: u32 = xr2 / 8u;
      let k1: u32 = aka % 3u;
      let kr1: u32 = aka / 3u;
      a = select(0.0, arena[164503u + (xr1 * 64u + (x1 + kr1 - 1u) * 8u + (x2 + k1 - 1u))], x1 + kr1 - 1u < 8u && x2 + k1 - 1u < 8u);
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      let k1_1: u32 = bka % 3u;
      let kr1_1: u32 = bka / 3u;
      bv = arena[5u + (kr1_1 * 48u + k1_1 * 16u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[lid.y * 16u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 16u) {
    let m2: u32 = i % 8u;
    let mr2: u32 = i / 8u;
    let m1: u32 = mr2 % 8u;
    let mr1: u32 = mr2 / 8u;
    let v0: f32 = max(acc + arena[149u + j], 0.0);
    arena[166551u + (mr1 * 1024u + m1 * 128u + m2 * 16u + j)] = v0;
  }
}

// ==== evaluate.max_pooling2d.max_axes24@10.wgsl
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
  if (col < rows * 256u) {
    for (var r: u32 = lid.y; r < 4u; r += 64u) {
      let o3: u32 = col % 16u;
      let or3: u32 = col / 16u;
      let o2: u32 = or3 % 4u;
      let or2: u32 = or3 / 4u;
      let o1: u32 = or2 % 4u;
      let or1: u32 = or2 / 4u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[166551u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1) * 16u + o3)];
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
  if (lid.y == 0u && col < rows * 256u) {
    let total0: f32 = partials[0u + (0u * 4u + lid.x)];
    let o3_1: u32 = col % 16u;
    let or3_1: u32 = col / 16u;
    let o2_1: u32 = or3_1 % 4u;
    let or2_1: u32 = or3_1 / 4u;
    let o1_1: u32 = or2_1 % 4u;
    let or1_1: u32 = or2_1 / 4u;
    let v0: f32 = total0;
    arena[199319u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v0;
  }
}

// ==== evaluate.conv2d_1.contract@11.wgsl
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
  let m: u32 = rows * 4u;
  let k_len: u32 = 144u;
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
      let x2: u32 = ai % 2u;
      let xr2: u32 = ai / 2u;
      let x1: u32 = xr2 % 2u;
      let xr1: u32 = xr2 / 2u;
      let k2: u32 = aka % 16u;
      let kr2: u32 = aka / 16u;
      let k1: u32 = kr2 % 3u;
      let kr1: u32 = kr2 / 3u;
      a = arena[199319u + (xr1 * 256u + (x1 + kr1) * 64u + (x2 + k1) * 16u + k2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 32u) {
      let k2_1: u32 = bka % 16u;
      let kr2_1: u32 = bka / 16u;
      let k1_1: u32 = kr2_1 % 3u;
      let kr1_1: u32 = kr2_1 / 3u;
      bv = arena[165u + (kr1_1 * 1536u + k1_1 * 512u + k2_1 * 32u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 2u;
      let xr2_1: u32 = ai_1 / 2u;
      let x1_1: u32 = xr2_1 % 2u;
      let xr1_1: u32 = xr2_1 / 2u;
      let k2_2: u32 = aka_1 % 16u;
      let kr2_2: u32 = aka_1 / 16u;
      let k1_2: u32 = kr2_2 % 3u;
      let kr1_2: u32 = kr2_2 / 3u;
      a_1 = arena[199319u + (xr1_1 * 256u + (x1_1 + kr1_2) * 64u + (x2_1 + k1_2) * 16u + k2_2)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 32u) {
      let k2_3: u32 = bka_1 % 16u;
      let kr2_3: u32 = bka_1 / 16u;
      let k1_3: u32 = kr2_3 % 3u;
      let kr1_3: u32 = kr2_3 / 3u;
      bv_1 = arena[165u + (kr1_3 * 1536u + k1_3 * 512u + k2_3 * 32u + bj_1)];
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
    let m2: u32 = i % 2u;
    let mr2: u32 = i / 2u;
    let m1: u32 = mr2 % 2u;
    let mr1: u32 = mr2 / 2u;
    let v0: f32 = max(acc00 + arena[4773u + j], 0.0);
    arena[207511u + (mr1 * 128u + m1 * 64u + m2 * 32u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 32u) {
    let m2_1: u32 = i_1 % 2u;
    let mr2_1: u32 = i_1 / 2u;
    let m1_1: u32 = mr2_1 % 2u;
    let mr1_1: u32 = mr2_1 / 2u;
    let v0_1: f32 = max(acc01 + arena[4773u + j_1], 0.0);
    arena[207511u + (mr1_1 * 128u + m1_1 * 64u + m2_1 * 32u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 32u) {
    let m2_2: u32 = i_2 % 2u;
    let mr2_2: u32 = i_2 / 2u;
    let m1_2: u32 = mr2_2 % 2u;
    let mr1_2: u32 = mr2_2 / 2u;
    let v0_2: f32 = max(acc10 + arena[4773u + j_2], 0.0);
    arena[207511u + (mr1_2 * 128u + m1_2 * 64u + m2_2 * 32u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 32u) {
    let m2_3: u32 = i_3 % 2u;
    let mr2_3: u32 = i_3 / 2u;
    let m1_3: u32 = mr2_3 % 2u;
    let mr1_3: u32 = mr2_3 / 2u;
    let v0_3: f32 = max(acc11 + arena[4773u + j_3], 0.0);
    arena[207511u + (mr1_3 * 128u + m1_3 * 64u + m2_3 * 32u + j_3)] = v0_3;
  }
}

// ==== evaluate.dense.matmul@14.wgsl
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
  let k_len: u32 = 128u;
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
      a = arena[207511u + (ai * 128u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 10u) {
      bv = arena[4805u + (bka * 10u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[207511u + (ai_1 * 128u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 10u) {
      bv_1 = arena[4805u + (bka_1 * 10u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[207511u + (ai_2 * 128u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 10u) {
      bv_2 = arena[4805u + (bka_2 * 10u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[207511u + (ai_3 * 128u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 10u) {
      bv_3 = arena[4805u + (bka_3 * 10u + bj_3)];
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
    let v0: f32 = acc + arena[6085u + j];
    arena[211607u + (i * 10u + j)] = v0;
  }
}

// ==== evaluate.loss.sparse_cce_logits.max@18.wgsl
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
      let x0: f32 = arena[211607u + (gid.x * 10u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[211959u + gid.x] = v0;
  }
}

// ==== evaluate.loss.sparse_cce_logits.sumexp@18.wgsl
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
    var best3: f32 = -3.40282346e+38;
    for (var r: u32 = 0u; r < 10u; r++) {
      let x0: f32 = exp(arena[211607u + (gid.x * 10u + r)] - arena[211959u + gid.x]);
      acc0 += x0;
      let x1: f32 = select(0.0, 1.0, f32(r) == labels[permutation[offset + gid.x]]) * arena[211607u + (gid.x * 10u + r)];
      acc1 += x1;
      let x2: f32 = select(0.0, 1.0, f32(r) == labels[permutation[offset + gid.x]]);
      acc2 += x2;
      let x3: f32 = arena[211607u + (gid.x * 10u + r)];
      if (x3 > best3) {
        best3 = x3;
        acc3 = f32(r);
      }
    }
    let v0: f32 = (arena[211959u + gid.x] + log(acc0)) * acc2 - acc1;
    let v1: f32 = select(0.0, 1.0, labels[permutation[offset + gid.x]] == acc3);
    arena[211927u + gid.x] = v0;
    arena[211991u + gid.x] = v1;
  }
}

// ==== evaluate.accumulate.sum_all@18.wgsl
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
    let x0: f32 = arena[211927u + e];
    acc0 += x0;
    let x1: f32 = arena[211991u + e];
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
    let v0: f32 = arena[3u] + total0;
    let v1: f32 = arena[4u] + total1;
    arena[3u] = v0;
    arena[4u] = v1;
  }
}

// ==== predict.rescaling.mul@8.wgsl
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
  let count: u32 = rows * 64u;
  if (id >= 0u && id < 0u + count) {
    let i2: u32 = (id - 0u) % 8u;
    let r2: u32 = (id - 0u) / 8u;
    let i1: u32 = r2 % 8u;
    let r1: u32 = r2 / 8u;
    let v0: f32 = features[permutation[offset + r1] * 64u + i1 * 8u + i2] * 0.0625;
    arena[212023u + (r1 * 64u + i1 * 8u + i2)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== predict.conv2d.contract@9.wgsl
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows * 64u;
  let k_len: u32 = 9u;
  let tile: u32 = wid.y * nwg.x + wid.x;
  let row0: u32 = tile / 1u * 16u;
  let col0: u32 = tile % 1u * 16u;
  let flat: u32 = lid.y * 16u + lid.x;
  var acc: f32 = 0.0;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let e: u32 = flat + 0u;
    let ar: u32 = e / 16u;
    let ak: u32 = e % 16u;
    let ai: u32 = row0 + ar;
    let aka: u32 = t0 + ak;
    var a: f32 = 0.0;
    if (ai < m && aka < k_len) {
      let x2: u32 = ai % 8u;
      let xr2: u32 = ai / 8u;
      let x1: u32 = xr2 % 8u;
      let xr1: u32 = xr2 / 8u;
      let k1: u32 = aka % 3u;
      let kr1: u32 = aka / 3u;
      a = select(0.0, arena[212023u + (xr1 * 64u + (x1 + kr1 - 1u) * 8u + (x2 + k1 - 1u))], x1 + kr1 - 1u < 8u && x2 + k1 - 1u < 8u);
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      let k1_1: u32 = bka % 3u;
      let kr1_1: u32 = bka / 3u;
      bv = arena[5u + (kr1_1 * 48u + k1_1 * 16u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      let a0: f32 = tile_a[lid.y * 16u + kk];
      let b0: f32 = tile_b[kk * 16u + lid.x];
      acc += a0 * b0;
    }
    workgroupBarrier();
  }
  let i: u32 = row0 + lid.y;
  let j: u32 = col0 + lid.x;
  if (i < m && j < 16u) {
    let m2: u32 = i % 8u;
    let mr2: u32 = i / 8u;
    let m1: u32 = mr2 % 8u;
    let mr1: u32 = mr2 / 8u;
    let v0: f32 = max(acc + arena[149u + j], 0.0);
    arena[214071u + (mr1 * 1024u + m1 * 128u + m2 * 16u + j)] = v0;
  }
}

// ==== predict.max_pooling2d.max_axes24@10.wgsl
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
  if (col < rows * 256u) {
    for (var r: u32 = lid.y; r < 4u; r += 64u) {
      let o3: u32 = col % 16u;
      let or3: u32 = col / 16u;
      let o2: u32 = or3 % 4u;
      let or2: u32 = or3 / 4u;
      let o1: u32 = or2 % 4u;
      let or1: u32 = or2 / 4u;
      let r1: u32 = r % 2u;
      let rr1: u32 = r / 2u;
      let x0: f32 = arena[214071u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1) * 16u + o3)];
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
  if (lid.y == 0u && col < rows * 256u) {
    let total0: f32 = partials[0u + (0u * 4u + lid.x)];
    let o3_1: u32 = col % 16u;
    let or3_1: u32 = col / 16u;
    let o2_1: u32 = or3_1 % 4u;
    let or2_1: u32 = or3_1 / 4u;
    let o1_1: u32 = or2_1 % 4u;
    let or1_1: u32 = or2_1 / 4u;
    let v0: f32 = total0;
    arena[246839u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v0;
  }
}

// ==== predict.conv2d_1.contract@11.wgsl
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
  let m: u32 = rows * 4u;
  let k_len: u32 = 144u;
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
      let x2: u32 = ai % 2u;
      let xr2: u32 = ai / 2u;
      let x1: u32 = xr2 % 2u;
      let xr1: u32 = xr2 / 2u;
      let k2: u32 = aka % 16u;
      let kr2: u32 = aka / 16u;
      let k1: u32 = kr2 % 3u;
      let kr1: u32 = kr2 / 3u;
      a = arena[246839u + (xr1 * 256u + (x1 + kr1) * 64u + (x2 + k1) * 16u + k2)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 32u;
    let bc: u32 = e % 32u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 32u) {
      let k2_1: u32 = bka % 16u;
      let kr2_1: u32 = bka / 16u;
      let k1_1: u32 = kr2_1 % 3u;
      let kr1_1: u32 = kr2_1 / 3u;
      bv = arena[165u + (kr1_1 * 1536u + k1_1 * 512u + k2_1 * 32u + bj)];
    }
    tile_b[bk * 32u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 16u;
    let ak_1: u32 = e_1 % 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      let x2_1: u32 = ai_1 % 2u;
      let xr2_1: u32 = ai_1 / 2u;
      let x1_1: u32 = xr2_1 % 2u;
      let xr1_1: u32 = xr2_1 / 2u;
      let k2_2: u32 = aka_1 % 16u;
      let kr2_2: u32 = aka_1 / 16u;
      let k1_2: u32 = kr2_2 % 3u;
      let kr1_2: u32 = kr2_2 / 3u;
      a_1 = arena[246839u + (xr1_1 * 256u + (x1_1 + kr1_2) * 64u + (x2_1 + k1_2) * 16u + k2_2)];
    }
    tile_a[ar_1 * 16u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 32u;
    let bc_1: u32 = e_1 % 32u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 32u) {
      let k2_3: u32 = bka_1 % 16u;
      let kr2_3: u32 = bka_1 / 16u;
      let k1_3: u32 = kr2_3 % 3u;
      let kr1_3: u32 = kr2_3 / 3u;
      bv_1 = arena[165u + (kr1_3 * 1536u + k1_3 * 512u + k2_3 * 32u + bj_1)];
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
    let m2: u32 = i % 2u;
    let mr2: u32 = i / 2u;
    let m1: u32 = mr2 % 2u;
    let mr1: u32 = mr2 / 2u;
    let v0: f32 = max(acc00 + arena[4773u + j], 0.0);
    arena[255031u + (mr1 * 128u + m1 * 64u + m2 * 32u + j)] = v0;
  }
  let i_1: u32 = row0 + (lid.y * 2u + 0u);
  let j_1: u32 = col0 + (lid.x * 2u + 1u);
  if (i_1 < m && j_1 < 32u) {
    let m2_1: u32 = i_1 % 2u;
    let mr2_1: u32 = i_1 / 2u;
    let m1_1: u32 = mr2_1 % 2u;
    let mr1_1: u32 = mr2_1 / 2u;
    let v0_1: f32 = max(acc01 + arena[4773u + j_1], 0.0);
    arena[255031u + (mr1_1 * 128u + m1_1 * 64u + m2_1 * 32u + j_1)] = v0_1;
  }
  let i_2: u32 = row0 + (lid.y * 2u + 1u);
  let j_2: u32 = col0 + (lid.x * 2u + 0u);
  if (i_2 < m && j_2 < 32u) {
    let m2_2: u32 = i_2 % 2u;
    let mr2_2: u32 = i_2 / 2u;
    let m1_2: u32 = mr2_2 % 2u;
    let mr1_2: u32 = mr2_2 / 2u;
    let v0_2: f32 = max(acc10 + arena[4773u + j_2], 0.0);
    arena[255031u + (mr1_2 * 128u + m1_2 * 64u + m2_2 * 32u + j_2)] = v0_2;
  }
  let i_3: u32 = row0 + (lid.y * 2u + 1u);
  let j_3: u32 = col0 + (lid.x * 2u + 1u);
  if (i_3 < m && j_3 < 32u) {
    let m2_3: u32 = i_3 % 2u;
    let mr2_3: u32 = i_3 / 2u;
    let m1_3: u32 = mr2_3 % 2u;
    let mr1_3: u32 = mr2_3 / 2u;
    let v0_3: f32 = max(acc11 + arena[4773u + j_3], 0.0);
    arena[255031u + (mr1_3 * 128u + m1_3 * 64u + m2_3 * 32u + j_3)] = v0_3;
  }
}

// ==== predict.dense.matmul@14.wgsl
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
  let k_len: u32 = 128u;
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
      a = arena[255031u + (ai * 128u + aka)];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 10u) {
      bv = arena[4805u + (bka * 10u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 / 64u;
    let ak_1: u32 = e_1 % 64u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = arena[255031u + (ai_1 * 128u + aka_1)];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 10u) {
      bv_1 = arena[4805u + (bka_1 * 10u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 / 64u;
    let ak_2: u32 = e_2 % 64u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = arena[255031u + (ai_2 * 128u + aka_2)];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 10u) {
      bv_2 = arena[4805u + (bka_2 * 10u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 / 64u;
    let ak_3: u32 = e_3 % 64u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = arena[255031u + (ai_3 * 128u + aka_3)];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 10u) {
      bv_3 = arena[4805u + (bka_3 * 10u + bj_3)];
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
    let v0: f32 = acc + arena[6085u + j];
    arena[259127u + (i * 10u + j)] = v0;
  }
}

// ==== predict.dense.softmax.max@14.wgsl
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
      let x0: f32 = arena[259127u + (gid.x * 10u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[259447u + gid.x] = v0;
  }
}

// ==== predict.dense.softmax.sumexp@14.wgsl
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
      let x0: f32 = exp(arena[259127u + (gid.x * 10u + r)] - arena[259447u + gid.x]);
      acc0 += x0;
    }
    let v0: f32 = acc0;
    arena[259479u + gid.x] = v0;
  }
}

// ==== predict.dense.softmax@14.wgsl
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
    let v0: f32 = exp(arena[259127u + (i * 10u + j)] - arena[259447u + i]) / arena[259479u + i];
    output[(step.base + offset + i) * 10u + j] = v0;
  }
  let end: u32 = 0u + count;
}
