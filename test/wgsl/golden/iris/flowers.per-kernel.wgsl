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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 4u;
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
      a = features[permutation[offset + ai] * 4u + aka];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 8u) {
      bv = arena[5u + (bka * 8u + bj)];
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
  if (i < m && j < 8u) {
    let t1: f32 = acc + arena[37u + j];
    let v0: f32 = max(t1, 0.0);
    let v1: f32 = select(0.0, 1.0, t1 > 0.0);
    arena[206u + (i * 8u + j)] = v0;
    arena[782u + (i * 8u + j)] = v1;
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 8u;
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
      a = arena[206u + (ai * 8u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 3u) {
      bv = arena[45u + (bka * 3u + bj)];
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
  if (i < m && j < 3u) {
    let v0: f32 = acc + arena[69u + j];
    arena[462u + (i * 3u + j)] = v0;
  }
}

// ==== train.dense_1.softmax.max@9.wgsl
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
    for (var r: u32 = 0u; r < 3u; r++) {
      let x0: f32 = arena[462u + (gid.x * 3u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[558u + gid.x] = v0;
  }
}

// ==== train.dense_1.softmax.sumexp@9.wgsl
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
    for (var r: u32 = 0u; r < 3u; r++) {
      let x0: f32 = exp(arena[462u + (gid.x * 3u + r)] - arena[558u + gid.x]);
      acc0 += x0;
      let x1: f32 = labels[permutation[offset + gid.x] * 3u + r] * arena[462u + (gid.x * 3u + r)];
      acc1 += x1;
      let x2: f32 = labels[permutation[offset + gid.x] * 3u + r];
      acc2 += x2;
      let x3: f32 = labels[permutation[offset + gid.x] * 3u + r];
      if (x3 > best3) {
        best3 = x3;
        acc3 = f32(r);
      }
      let x4: f32 = arena[462u + (gid.x * 3u + r)];
      if (x4 > best4) {
        best4 = x4;
        acc4 = f32(r);
      }
    }
    let v0: f32 = acc0;
    let v1: f32 = (arena[558u + gid.x] + log(acc0)) * acc2 - acc1;
    let v2: f32 = select(0.0, 1.0, acc3 == acc4);
    arena[590u + gid.x] = v0;
    arena[622u + gid.x] = v1;
    arena[654u + gid.x] = v2;
  }
}

// ==== train.dense_1.softmax@9.wgsl
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
  let count: u32 = rows * 3u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 3u;
    let j: u32 = (id - 0u) % 3u;
    let v0: f32 = 1.0 / f32(rows) * (exp(arena[462u + (i * 3u + j)] - arena[558u + i]) / arena[590u + i] - labels[permutation[offset + i] * 3u + j]);
    arena[686u + (i * 3u + j)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.accumulate.sum_all@13+dense_1.grad.sum_rows@9+dense_1.grad.matmul@9.wgsl
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
var<workgroup> k2_tile_a: array<f32, 256>;
var<workgroup> k2_tile_b: array<f32, 256>;

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
      let x0: f32 = arena[622u + e];
      acc0 += x0;
      let x1: f32 = arena[654u + e];
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
  // dense_1.grad.sum_rows
  let nx_1: u32 = 1u;
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
    if (col < 3u) {
      for (var r: u32 = lid_2.y; r < rows_2; r += 64u) {
        let x0_1: f32 = arena[686u + (r * 3u + col)];
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
    if (lid_2.y == 0u && col < 3u) {
      let total0_1: f32 = k1_partials[0u + (0u * 4u + lid_2.x)];
      let t6: f32 = arena[200u + col] + (total0_1 - arena[200u + col]) * 0.1;
      let t7: f32 = arena[203u + col] + (total0_1 * total0_1 - arena[203u + col]) * 0.001;
      let v0_1: f32 = t6;
      let v1_1: f32 = t7;
      let v2_1: f32 = arena[69u + col] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7) + 1e-7);
      arena[200u + col] = v0_1;
      arena[203u + col] = v1_1;
      arena[69u + col] = v2_1;
    }
  }
  // dense_1.grad.matmul
  let nx_2: u32 = 1u;
  let ny_2: u32 = max(1u, (rows * 1u + 15u) / 16u);
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
    let k_len: u32 = 3u;
    let tile: u32 = wid_3.y * nwg_3.x + wid_3.x;
    let row0: u32 = tile / 1u * 16u;
    let col0: u32 = tile % 1u * 16u;
    let flat: u32 = lid_3.y * 16u + lid_3.x;
    var acc: f32 = 0.0;
    for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
      let e_1: u32 = flat + 0u;
      let ar: u32 = e_1 / 16u;
      let ak: u32 = e_1 % 16u;
      let ai: u32 = row0 + ar;
      let aka: u32 = t0 + ak;
      var a: f32 = 0.0;
      if (ai < m && aka < k_len) {
        a = arena[686u + (ai * 3u + aka)];
      }
      k2_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e_1 % 16u;
      let bc: u32 = e_1 / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 8u) {
        bv = arena[45u + (bj * 3u + bka)];
      }
      k2_tile_b[bk * 16u + bc] = bv;
      workgroupBarrier();
      for (var kk: u32 = 0u; kk < 16u; kk++) {
        let a0: f32 = k2_tile_a[lid_3.y * 16u + kk];
        let b0: f32 = k2_tile_b[kk * 16u + lid_3.x];
        acc += a0 * b0;
      }
      workgroupBarrier();
    }
    let i: u32 = row0 + lid_3.y;
    let j: u32 = col0 + lid_3.x;
    if (i < m && j < 8u) {
      let v0_2: f32 = acc * arena[782u + (i * 8u + j)];
      arena[1038u + (i * 8u + j)] = v0_2;
    }
  }
}

// ==== train.dense_1.grad.matmul_1@9+dense.grad.sum_rows@8.wgsl
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
  // dense_1.grad.matmul#1
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
    let m: u32 = 8u;
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
        a = arena[206u + (aka * 8u + ai)];
      }
      k0_tile_a[ar * 64u + ak] = a;
      let bk: u32 = e / 16u;
      let bc: u32 = e % 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 3u) {
        bv = arena[686u + (bka * 3u + bj)];
      }
      k0_tile_b[bk * 16u + bc] = bv;
      let e_1: u32 = flat + 256u;
      let ar_1: u32 = e_1 % 16u;
      let ak_1: u32 = e_1 / 16u;
      let ai_1: u32 = row0 + ar_1;
      let aka_1: u32 = t0 + ak_1;
      var a_1: f32 = 0.0;
      if (ai_1 < m && aka_1 < k_len) {
        a_1 = arena[206u + (aka_1 * 8u + ai_1)];
      }
      k0_tile_a[ar_1 * 64u + ak_1] = a_1;
      let bk_1: u32 = e_1 / 16u;
      let bc_1: u32 = e_1 % 16u;
      let bj_1: u32 = col0 + bc_1;
      let bka_1: u32 = t0 + bk_1;
      var bv_1: f32 = 0.0;
      if (bka_1 < k_len && bj_1 < 3u) {
        bv_1 = arena[686u + (bka_1 * 3u + bj_1)];
      }
      k0_tile_b[bk_1 * 16u + bc_1] = bv_1;
      let e_2: u32 = flat + 512u;
      let ar_2: u32 = e_2 % 16u;
      let ak_2: u32 = e_2 / 16u;
      let ai_2: u32 = row0 + ar_2;
      let aka_2: u32 = t0 + ak_2;
      var a_2: f32 = 0.0;
      if (ai_2 < m && aka_2 < k_len) {
        a_2 = arena[206u + (aka_2 * 8u + ai_2)];
      }
      k0_tile_a[ar_2 * 64u + ak_2] = a_2;
      let bk_2: u32 = e_2 / 16u;
      let bc_2: u32 = e_2 % 16u;
      let bj_2: u32 = col0 + bc_2;
      let bka_2: u32 = t0 + bk_2;
      var bv_2: f32 = 0.0;
      if (bka_2 < k_len && bj_2 < 3u) {
        bv_2 = arena[686u + (bka_2 * 3u + bj_2)];
      }
      k0_tile_b[bk_2 * 16u + bc_2] = bv_2;
      let e_3: u32 = flat + 768u;
      let ar_3: u32 = e_3 % 16u;
      let ak_3: u32 = e_3 / 16u;
      let ai_3: u32 = row0 + ar_3;
      let aka_3: u32 = t0 + ak_3;
      var a_3: f32 = 0.0;
      if (ai_3 < m && aka_3 < k_len) {
        a_3 = arena[206u + (aka_3 * 8u + ai_3)];
      }
      k0_tile_a[ar_3 * 64u + ak_3] = a_3;
      let bk_3: u32 = e_3 / 16u;
      let bc_3: u32 = e_3 % 16u;
      let bj_3: u32 = col0 + bc_3;
      let bka_3: u32 = t0 + bk_3;
      var bv_3: f32 = 0.0;
      if (bka_3 < k_len && bj_3 < 3u) {
        bv_3 = arena[686u + (bka_3 * 3u + bj_3)];
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
    if (i < m && j < 3u) {
      let t6: f32 = arena[152u + (i * 3u + j)] + (acc - arena[152u + (i * 3u + j)]) * 0.1;
      let t7: f32 = arena[176u + (i * 3u + j)] + (acc * acc - arena[176u + (i * 3u + j)]) * 0.001;
      let v0: f32 = t6;
      let v1: f32 = t7;
      let v2: f32 = arena[45u + (i * 3u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[152u + (i * 3u + j)] = v0;
      arena[176u + (i * 3u + j)] = v1;
      arena[45u + (i * 3u + j)] = v2;
    }
  }
  // dense.grad.sum_rows
  let nx_1: u32 = 2u;
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
    if (col < 8u) {
      for (var r: u32 = lid_2.y; r < rows_2; r += 64u) {
        let x0: f32 = arena[1038u + (r * 8u + col)];
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
    if (lid_2.y == 0u && col < 8u) {
      let total0: f32 = k1_partials[0u + (0u * 4u + lid_2.x)];
      let t6_1: f32 = arena[136u + col] + (total0 - arena[136u + col]) * 0.1;
      let t7_1: f32 = arena[144u + col] + (total0 * total0 - arena[144u + col]) * 0.001;
      let v0_1: f32 = t6_1;
      let v1_1: f32 = t7_1;
      let v2_1: f32 = arena[37u + col] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t_1))) / (1.0 - pow(0.9, f32(t_1)))) / (sqrt(t7_1) + 1e-7);
      arena[136u + col] = v0_1;
      arena[144u + col] = v1_1;
      arena[37u + col] = v2_1;
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
  let m: u32 = 4u;
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
      a = features[permutation[offset + aka] * 4u + ai];
    }
    tile_a[ar * 64u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 8u) {
      bv = arena[1038u + (bka * 8u + bj)];
    }
    tile_b[bk * 16u + bc] = bv;
    let e_1: u32 = flat + 256u;
    let ar_1: u32 = e_1 % 16u;
    let ak_1: u32 = e_1 / 16u;
    let ai_1: u32 = row0 + ar_1;
    let aka_1: u32 = t0 + ak_1;
    var a_1: f32 = 0.0;
    if (ai_1 < m && aka_1 < k_len) {
      a_1 = features[permutation[offset + aka_1] * 4u + ai_1];
    }
    tile_a[ar_1 * 64u + ak_1] = a_1;
    let bk_1: u32 = e_1 / 16u;
    let bc_1: u32 = e_1 % 16u;
    let bj_1: u32 = col0 + bc_1;
    let bka_1: u32 = t0 + bk_1;
    var bv_1: f32 = 0.0;
    if (bka_1 < k_len && bj_1 < 8u) {
      bv_1 = arena[1038u + (bka_1 * 8u + bj_1)];
    }
    tile_b[bk_1 * 16u + bc_1] = bv_1;
    let e_2: u32 = flat + 512u;
    let ar_2: u32 = e_2 % 16u;
    let ak_2: u32 = e_2 / 16u;
    let ai_2: u32 = row0 + ar_2;
    let aka_2: u32 = t0 + ak_2;
    var a_2: f32 = 0.0;
    if (ai_2 < m && aka_2 < k_len) {
      a_2 = features[permutation[offset + aka_2] * 4u + ai_2];
    }
    tile_a[ar_2 * 64u + ak_2] = a_2;
    let bk_2: u32 = e_2 / 16u;
    let bc_2: u32 = e_2 % 16u;
    let bj_2: u32 = col0 + bc_2;
    let bka_2: u32 = t0 + bk_2;
    var bv_2: f32 = 0.0;
    if (bka_2 < k_len && bj_2 < 8u) {
      bv_2 = arena[1038u + (bka_2 * 8u + bj_2)];
    }
    tile_b[bk_2 * 16u + bc_2] = bv_2;
    let e_3: u32 = flat + 768u;
    let ar_3: u32 = e_3 % 16u;
    let ak_3: u32 = e_3 / 16u;
    let ai_3: u32 = row0 + ar_3;
    let aka_3: u32 = t0 + ak_3;
    var a_3: f32 = 0.0;
    if (ai_3 < m && aka_3 < k_len) {
      a_3 = features[permutation[offset + aka_3] * 4u + ai_3];
    }
    tile_a[ar_3 * 64u + ak_3] = a_3;
    let bk_3: u32 = e_3 / 16u;
    let bc_3: u32 = e_3 % 16u;
    let bj_3: u32 = col0 + bc_3;
    let bka_3: u32 = t0 + bk_3;
    var bv_3: f32 = 0.0;
    if (bka_3 < k_len && bj_3 < 8u) {
      bv_3 = arena[1038u + (bka_3 * 8u + bj_3)];
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
  if (i < m && j < 8u) {
    let t6: f32 = arena[72u + (i * 8u + j)] + (acc - arena[72u + (i * 8u + j)]) * 0.1;
    let t7: f32 = arena[104u + (i * 8u + j)] + (acc * acc - arena[104u + (i * 8u + j)]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[5u + (i * 8u + j)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[72u + (i * 8u + j)] = v0;
    arena[104u + (i * 8u + j)] = v1;
    arena[5u + (i * 8u + j)] = v2;
  }
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 4u;
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
      a = features[permutation[offset + ai] * 4u + aka];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 8u) {
      bv = arena[5u + (bka * 8u + bj)];
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
  if (i < m && j < 8u) {
    let v0: f32 = max(acc + arena[37u + j], 0.0);
    arena[1294u + (i * 8u + j)] = v0;
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 8u;
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
      a = arena[1294u + (ai * 8u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 3u) {
      bv = arena[45u + (bka * 3u + bj)];
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
  if (i < m && j < 3u) {
    let v0: f32 = acc + arena[69u + j];
    arena[1550u + (i * 3u + j)] = v0;
  }
}

// ==== evaluate.loss.cce_logits.max@13.wgsl
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
    for (var r: u32 = 0u; r < 3u; r++) {
      let x0: f32 = arena[1550u + (gid.x * 3u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[1678u + gid.x] = v0;
  }
}

// ==== evaluate.loss.cce_logits.sumexp@13.wgsl
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
    for (var r: u32 = 0u; r < 3u; r++) {
      let x0: f32 = exp(arena[1550u + (gid.x * 3u + r)] - arena[1678u + gid.x]);
      acc0 += x0;
      let x1: f32 = labels[permutation[offset + gid.x] * 3u + r] * arena[1550u + (gid.x * 3u + r)];
      acc1 += x1;
      let x2: f32 = labels[permutation[offset + gid.x] * 3u + r];
      acc2 += x2;
      let x3: f32 = labels[permutation[offset + gid.x] * 3u + r];
      if (x3 > best3) {
        best3 = x3;
        acc3 = f32(r);
      }
      let x4: f32 = arena[1550u + (gid.x * 3u + r)];
      if (x4 > best4) {
        best4 = x4;
        acc4 = f32(r);
      }
    }
    let v0: f32 = (arena[1678u + gid.x] + log(acc0)) * acc2 - acc1;
    let v1: f32 = select(0.0, 1.0, acc3 == acc4);
    arena[1646u + gid.x] = v0;
    arena[1710u + gid.x] = v1;
  }
}

// ==== evaluate.accumulate.sum_all@13.wgsl
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
    let x0: f32 = arena[1646u + e];
    acc0 += x0;
    let x1: f32 = arena[1710u + e];
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 4u;
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
      a = features[permutation[offset + ai] * 4u + aka];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 8u) {
      bv = arena[5u + (bka * 8u + bj)];
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
  if (i < m && j < 8u) {
    let v0: f32 = max(acc + arena[37u + j], 0.0);
    arena[1742u + (i * 8u + j)] = v0;
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

var<workgroup> tile_a: array<f32, 256>;
var<workgroup> tile_b: array<f32, 256>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 8u;
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
      a = arena[1742u + (ai * 8u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 3u) {
      bv = arena[45u + (bka * 3u + bj)];
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
  if (i < m && j < 3u) {
    let v0: f32 = acc + arena[69u + j];
    arena[1998u + (i * 3u + j)] = v0;
  }
}

// ==== predict.dense_1.softmax.max@9.wgsl
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
    for (var r: u32 = 0u; r < 3u; r++) {
      let x0: f32 = arena[1998u + (gid.x * 3u + r)];
      acc0 = max(acc0, x0);
    }
    let v0: f32 = acc0;
    arena[2094u + gid.x] = v0;
  }
}

// ==== predict.dense_1.softmax.sumexp@9.wgsl
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
    for (var r: u32 = 0u; r < 3u; r++) {
      let x0: f32 = exp(arena[1998u + (gid.x * 3u + r)] - arena[2094u + gid.x]);
      acc0 += x0;
    }
    let v0: f32 = acc0;
    arena[2126u + gid.x] = v0;
  }
}

// ==== predict.dense_1.softmax@9.wgsl
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
  let count: u32 = rows * 3u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 3u;
    let j: u32 = (id - 0u) % 3u;
    let v0: f32 = exp(arena[1998u + (i * 3u + j)] - arena[2094u + i]) / arena[2126u + i];
    output[(step.base + offset + i) * 3u + j] = v0;
  }
  let end: u32 = 0u + count;
}
