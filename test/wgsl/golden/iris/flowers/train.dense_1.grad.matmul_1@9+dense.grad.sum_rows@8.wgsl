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
