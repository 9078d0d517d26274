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
      let x0: f32 = arena[207u + e];
      acc0 += x0;
      let x1: f32 = arena[239u + e];
      acc1 += x1;
      let x2: f32 = arena[271u + e];
      acc2 += x2;
    }
    k0_partials[0u + lid_1.x] = acc0;
    k0_partials[256u + lid_1.x] = acc1;
    k0_partials[512u + lid_1.x] = acc2;
    workgroupBarrier();
    if (lid_1.x < 128u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[128u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[384u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[640u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 64u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[64u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[320u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[576u + lid_1.x];
    }
    workgroupBarrier();
    if (lid_1.x < 32u) {
      k0_partials[0u + lid_1.x] = k0_partials[0u + lid_1.x] + k0_partials[32u + lid_1.x];
      k0_partials[256u + lid_1.x] = k0_partials[256u + lid_1.x] + k0_partials[288u + lid_1.x];
      k0_partials[512u + lid_1.x] = k0_partials[512u + lid_1.x] + k0_partials[544u + lid_1.x];
    }
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
      let t7: f32 = arena[3u] * 0.9 - total2 * 0.1;
      let v0: f32 = arena[0u] + total0;
      let v1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2: f32 = arena[2u] + total1;
      let v3: f32 = t7;
      let v4: f32 = arena[26u] + t7;
      arena[0u] = v0;
      arena[1u] = v1;
      arena[2u] = v2;
      arena[3u] = v3;
      arena[26u] = v4;
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
        a = arena[271u + ai];
      }
      k1_tile_a[ar * 16u + ak] = a;
      let bk: u32 = e_1 % 16u;
      let bc: u32 = e_1 / 16u;
      let bj: u32 = col0 + bc;
      let bka: u32 = t0 + bk;
      var bv: f32 = 0.0;
      if (bka < k_len && bj < 5u) {
        bv = arena[21u + bj];
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
    if (i < m && j < 5u) {
      let v0_1: f32 = acc * arena[303u + (i * 5u + j)];
      arena[463u + (i * 5u + j)] = v0_1;
    }
  }
}
