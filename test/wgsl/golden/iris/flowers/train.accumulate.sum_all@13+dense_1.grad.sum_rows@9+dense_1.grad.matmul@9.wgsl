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
    if (lid_1.x < 128u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[128u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[384u + lid_1.x];
    }
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
