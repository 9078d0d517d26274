// ==== train.dense.matmul@7.wgsl
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
  let m: u32 = rows;
  let k_len: u32 = 2u;
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
      a = features[permutation[offset + ai] * 2u + aka];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      bv = arena[7u + (bka * 16u + bj)];
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
    let t1: f32 = acc + arena[39u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[1016u + (i * 16u + j)] = v0;
    arena[3160u + (i * 16u + j)] = v1;
  }
}

// ==== train.dense_1.matmul@8.wgsl
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
  let m: u32 = rows;
  let k_len: u32 = 16u;
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
      a = arena[1016u + (ai * 16u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      bv = arena[55u + (bka * 16u + bj)];
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
    let t1: f32 = acc + arena[311u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[1528u + (i * 16u + j)] = v0;
    arena[2136u + (i * 16u + j)] = v1;
  }
}

// ==== train.dense_2.matmul@9.wgsl
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

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 16u;
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
      a = arena[1528u + (ai * 16u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[327u + bka];
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
  if (i < m && j < 1u) {
    let t1: f32 = acc + arena[343u];
    let t2: f32 = nn_sigmoid(t1);
    let v0: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + i]] + log(1.0 + exp(-abs(t1)));
    let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, t2 > 0.5) == labels[permutation[offset + i]]);
    let v2: f32 = 1.0 / f32(rows) * (t2 - labels[permutation[offset + i]]);
    arena[2040u + i] = v0;
    arena[2072u + i] = v1;
    arena[2104u + i] = v2;
  }
}

// ==== train.accumulate.sum_all@14+dense_2.grad.matmul@9.wgsl
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
var<workgroup> k1_tile_a: array<f32, 256>;
var<workgroup> k1_tile_b: array<f32, 256>;

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
      let x0: f32 = arena[2040u + e];
      acc0 += x0;
      let x1: f32 = arena[2072u + e];
      acc1 += x1;
      let x2: f32 = arena[2104u + e];
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
      let v5: f32 = arena[343u] - t22 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t23) + 1e-7);
      arena[0u] = v0;
      arena[1u] = v1;
      arena[2u] = v2;
      arena[3u] = v3;
      arena[4u] = v4;
      arena[343u] = v5;
    }
  }
  // dense_2.grad.matmul
  let nx_1: u32 = 1u;
  let ny_1: u32 = max(1u, (rows * 1u + 15u) / 16u);
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
    let row0: u32 = tile / 1u * 16u;
    let col0: u32 = tile % 1u * 16u;
    let flat: u32 = lid_2.y * 16u + lid_2.x;
    var acc: f32 = 0.0;
    for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
      let e_1: u32 = flat + 0u;
      let ar: u32 = e_1 / 16u;
      let ak: u32 = e_1 % 16u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        a = arena[2104u + ai];
      }
      k1_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e_1 % 16u;
      let bc: u32 = e_1 / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 16u) {
        bv = arena[327u + bj];
      }
      k1_tile_b[bk * 16u + bc] = bv;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 16u; kk++) {
        let a0: f32 = k1_tile_a[lid_2.y * 16u + kk];
        let b0: f32 = k1_tile_b[kk * 16u + lid_2.x];
        acc += a0 * b0;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + lid_2.y;
    let j: u32 = col0 + lid_2.x;
    if (i < m && j < 16u) {
      let v0_1: f32 = acc * arena[2136u + (i * 16u + j)];
      arena[2648u + (i * 16u + j)] = v0_1;
    }
  }
}

// ==== train.dense_2.grad.matmul_1@9+dense_1.grad.matmul@8.wgsl
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
var<workgroup> k1_tile_a: array<f32, 256>;
var<workgroup> k1_tile_b: array<f32, 256>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lindex: u32, @builtin(num_workgroups) nwg: vec3<u32>) {
  let rows: u32 = step.rows;
  let w: u32 = wid.y * nwg.x + wid.x;
  // dense_2.grad.matmul#1
  let nx: u32 = 1u;
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
    let m: u32 = 16u;
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
        a = arena[1528u + (aka * 16u + ai)];
      }
      k0_tile_a[ar * 64u + ak] = a;
      let bk: u32 = e / 16u;
      let bc: u32 = e % 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 1u) {
        bv = arena[2104u + bka];
      }
      k0_tile_b[bk * 16u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 16u;
      let ak_1: u32 = e_1 / 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[1528u + (aka_1 * 16u + ai_1)];
      }
      k0_tile_a[ar_1 * 64u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 16u;
      let bc_1: u32 = e_1 % 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 1u) {
        bv_1 = arena[2104u + bka_1];
      }
      k0_tile_b[bk_1 * 16u + bc_1] = bv_1;
      let e_2: u32 = flat + 512u;
      let ar_2: u32 = e_2 % 16u;
      let ak_2: u32 = e_2 / 16u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        a_2 = arena[1528u + (aka_2 * 16u + ai_2)];
      }
      k0_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 1u) {
        bv_2 = arena[2104u + bka_2];
      }
      k0_tile_b[bk_2 * 16u + bc_2] = bv_2;
      let e_3: u32 = flat + 768u;
      let ar_3: u32 = e_3 % 16u;
      let ak_3: u32 = e_3 / 16u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        a_3 = arena[1528u + (aka_3 * 16u + ai_3)];
      }
      k0_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 1u) {
        bv_3 = arena[2104u + bka_3];
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
      let t6: f32 = arena[984u + i] + (acc - arena[984u + i]) * 0.1;
      let t7: f32 = arena[1000u + i] + (acc * acc - arena[1000u + i]) * 0.001;
      let v0: f32 = t6;
      let v1: f32 = t7;
      let v2: f32 = arena[327u + i] - t6 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[984u + i] = v0;
      arena[1000u + i] = v1;
      arena[327u + i] = v2;
    }
  }
  // dense_1.grad.matmul
  let nx_1: u32 = 1u;
  let ny_1: u32 = max(1u, (rows * 1u + 15u) / 16u);
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
    let k_len_1: u32 = 16u;
    let tile_1: u32 = wid_2.y * nwg_2.x + wid_2.x;
    let row0_1: u32 = tile_1 / 1u * 16u;
    let col0_1: u32 = tile_1 % 1u * 16u;
    let flat_1: u32 = lid_2.y * 16u + lid_2.x;
    var acc_1: f32 = 0.0;
    for (var t0_1: u32 = 0u; t0_1 < k_len_1; t0_1 += 16u) {
      let e_4: u32 = flat_1 + 0u;
      let ar_4: u32 = e_4 / 16u;
      let ak_4: u32 = e_4 % 16u;
      let ai_4: u32 = row0_1 + ar_4;
      let aka_4: u32 = t0_1 + ak_4;
      var a_4: f32 = 0.0;
      if (ai_4 < m_1 && aka_4 < k_len_1) {
        a_4 = arena[2648u + (ai_4 * 16u + aka_4)];
      }
      k1_tile_a[ar_4 * 16u + ak_4] = a_4;
      let bk_4: u32 = e_4 % 16u;
      let bc_4: u32 = e_4 / 16u;
      let bj_4: u32 = col0_1 + bc_4;
      let bka_4: u32 = t0_1 + bk_4;
      var bv_4: f32 = 0.0;
      if (bka_4 < k_len_1 && bj_4 < 16u) {
        bv_4 = arena[55u + (bj_4 * 16u + bka_4)];
      }
      k1_tile_b[bk_4 * 16u + bc_4] = bv_4;
      workgroupBarrier();
      for (var kk_1: u32 = 0u; kk_1 < 16u; kk_1++) {
        let a0_1: f32 = k1_tile_a[lid_2.y * 16u + kk_1];
        let b0_1: f32 = k1_tile_b[kk_1 * 16u + lid_2.x];
        acc_1 += a0_1 * b0_1;
      }
      workgroupBarrier();
    }
    let i_1: u32 = row0_1 + lid_2.y;
    let j_1: u32 = col0_1 + lid_2.x;
    if (i_1 < m_1 && j_1 < 16u) {
      let v0_1: f32 = acc_1 * arena[3160u + (i_1 * 16u + j_1)];
      arena[3672u + (i_1 * 16u + j_1)] = v0_1;
    }
  }
}

// ==== train.dense_1.grad.sum_rows@8+dense_1.grad.matmul_1@8.wgsl
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
    var acc1: f32 = 0.0;
    if (col < 16u) {
      for (var r: u32 = lid_1.y; r < rows_1; r += 64u) {
        let x0: f32 = arena[2648u + (r * 16u + col)];
        acc0 += x0;
        let x1: f32 = arena[3672u + (r * 16u + col)];
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
    if (lid_1.y == 0u && col < 16u) {
      let total0: f32 = k0_partials[0u + (0u * 4u + lid_1.x)];
      let total1: f32 = k0_partials[256u + (0u * 4u + lid_1.x)];
      let t5: f32 = arena[952u + col] + (total0 - arena[952u + col]) * 0.1;
      let t6: f32 = arena[968u + col] + (total0 * total0 - arena[968u + col]) * 0.001;
      let t33: f32 = arena[408u + col] + (total1 - arena[408u + col]) * 0.1;
      let t34: f32 = arena[424u + col] + (total1 * total1 - arena[424u + col]) * 0.001;
      let v0: f32 = t5;
      let v1: f32 = t6;
      let v2: f32 = arena[311u + col] - t5 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6) + 1e-7);
      let v3: f32 = t33;
      let v4: f32 = t34;
      let v5: f32 = arena[39u + col] - t33 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t34) + 1e-7);
      arena[952u + col] = v0;
      arena[968u + col] = v1;
      arena[311u + col] = v2;
      arena[408u + col] = v3;
      arena[424u + col] = v4;
      arena[39u + col] = v5;
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
    let m: u32 = 16u;
    let k_len: u32 = rows_2;
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
        a = arena[1016u + (aka * 16u + ai)];
      }
      k1_tile_a[ar * 64u + ak] = a;
      let bk: u32 = e / 16u;
      let bc: u32 = e % 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 16u) {
        bv = arena[2648u + (bka * 16u + bj)];
      }
      k1_tile_b[bk * 16u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 16u;
      let ak_1: u32 = e_1 / 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[1016u + (aka_1 * 16u + ai_1)];
      }
      k1_tile_a[ar_1 * 64u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 16u;
      let bc_1: u32 = e_1 % 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 16u) {
        bv_1 = arena[2648u + (bka_1 * 16u + bj_1)];
      }
      k1_tile_b[bk_1 * 16u + bc_1] = bv_1;
      let e_2: u32 = flat + 512u;
      let ar_2: u32 = e_2 % 16u;
      let ak_2: u32 = e_2 / 16u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        a_2 = arena[1016u + (aka_2 * 16u + ai_2)];
      }
      k1_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 16u) {
        bv_2 = arena[2648u + (bka_2 * 16u + bj_2)];
      }
      k1_tile_b[bk_2 * 16u + bc_2] = bv_2;
      let e_3: u32 = flat + 768u;
      let ar_3: u32 = e_3 % 16u;
      let ak_3: u32 = e_3 / 16u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        a_3 = arena[1016u + (aka_3 * 16u + ai_3)];
      }
      k1_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 16u) {
        bv_3 = arena[2648u + (bka_3 * 16u + bj_3)];
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
      let t6_1: f32 = arena[440u + (i * 16u + j)] + (acc - arena[440u + (i * 16u + j)]) * 0.1;
      let t7: f32 = arena[696u + (i * 16u + j)] + (acc * acc - arena[696u + (i * 16u + j)]) * 0.001;
      let v0_1: f32 = t6_1;
      let v1_1: f32 = t7;
      let v2_1: f32 = arena[55u + (i * 16u + j)] - t6_1 * (0.01 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7) + 1e-7);
      arena[440u + (i * 16u + j)] = v0_1;
      arena[696u + (i * 16u + j)] = v1_1;
      arena[55u + (i * 16u + j)] = v2_1;
    }
  }
}

// ==== train.dense.grad.matmul@7.wgsl
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
  let m: u32 = 2u;
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
      a = features[permutation[offset + aka] * 2u + ai];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      bv = arena[3672u + (bka * 16u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 % 16u;
    let ak_1: u32 = e_1 / 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = features[permutation[offset + aka_1] * 2u + ai_1];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 16u) {
      bv_1 = arena[3672u + (bka_1 * 16u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 % 16u;
    let ak_2: u32 = e_2 / 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = features[permutation[offset + aka_2] * 2u + ai_2];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 16u) {
      bv_2 = arena[3672u + (bka_2 * 16u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 % 16u;
    let ak_3: u32 = e_3 / 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = features[permutation[offset + aka_3] * 2u + ai_3];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 16u) {
      bv_3 = arena[3672u + (bka_3 * 16u + bj_3)];
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
    let t6: f32 = arena[344u + (i * 16u + j)] + (acc - arena[344u + (i * 16u + j)]) * 0.1;
    let t7: f32 = arena[376u + (i * 16u + j)] + (acc * acc - arena[376u + (i * 16u + j)]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[7u + (i * 16u + j)] - t6 * (0.01 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[344u + (i * 16u + j)] = v0;
    arena[376u + (i * 16u + j)] = v1;
    arena[7u + (i * 16u + j)] = v2;
  }
}

// ==== evaluate.dense.matmul@7.wgsl
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
  let m: u32 = rows;
  let k_len: u32 = 2u;
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
      a = features[permutation[offset + ai] * 2u + aka];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      bv = arena[7u + (bka * 16u + bj)];
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
    let v0: f32 = max(acc + arena[39u + j], 0.0);
    arena[4184u + (i * 16u + j)] = v0;
  }
}

// ==== evaluate.dense_1.matmul@8.wgsl
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
  let m: u32 = rows;
  let k_len: u32 = 16u;
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
      a = arena[4184u + (ai * 16u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      bv = arena[55u + (bka * 16u + bj)];
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
    let v0: f32 = max(acc + arena[311u + j], 0.0);
    arena[4696u + (i * 16u + j)] = v0;
  }
}

// ==== evaluate.dense_2.matmul@9.wgsl
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

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 16u;
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
      a = arena[4696u + (ai * 16u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[327u + bka];
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
  if (i < m && j < 1u) {
    let t1: f32 = acc + arena[343u];
    let v0: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + i]] + log(1.0 + exp(-abs(t1)));
    let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, nn_sigmoid(t1) > 0.5) == labels[permutation[offset + i]]);
    arena[5208u + i] = v0;
    arena[5240u + i] = v1;
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
    let x0: f32 = arena[5208u + e];
    acc0 += x0;
    let x1: f32 = arena[5240u + e];
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

// ==== predict.dense.matmul@7.wgsl
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
  let m: u32 = rows;
  let k_len: u32 = 2u;
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
      a = features[permutation[offset + ai] * 2u + aka];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      bv = arena[7u + (bka * 16u + bj)];
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
    let v0: f32 = max(acc + arena[39u + j], 0.0);
    arena[5272u + (i * 16u + j)] = v0;
  }
}

// ==== predict.dense_1.matmul@8.wgsl
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
  let m: u32 = rows;
  let k_len: u32 = 16u;
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
      a = arena[5272u + (ai * 16u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 16u) {
      bv = arena[55u + (bka * 16u + bj)];
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
    let v0: f32 = max(acc + arena[311u + j], 0.0);
    arena[5784u + (i * 16u + j)] = v0;
  }
}

// ==== predict.dense_2.matmul@9.wgsl
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

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 16u;
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
      a = arena[5784u + (ai * 16u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[327u + bka];
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
  if (i < m && j < 1u) {
    let v0: f32 = nn_sigmoid(acc + arena[343u]);
    output[step.base + offset + i] = v0;
  }
}
