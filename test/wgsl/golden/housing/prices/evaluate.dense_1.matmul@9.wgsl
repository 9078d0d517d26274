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
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let m: u32 = rows;
  let k_len: u32 = 64u;
  let i: u32 = wid.y * 16u + lid.y;
  let j: u32 = wid.x * 16u + lid.x;
  var acc: f32 = 0.0;
  let slot: u32 = lid.y * 16u + lid.x;
  for (var t0: u32 = 0u; t0 < k_len; t0 += 16u) {
    let ka: u32 = t0 + lid.x;
    var a: f32 = 0.0;
    if (i < m && ka < k_len) {
      a = arena[30684u + (i * 64u + ka)];
    }
    tile_a[slot] = a;
    let kb: u32 = t0 + lid.y;
    var bv: f32 = 0.0;
    if (kb < k_len && j < 64u) {
      bv = arena[929u + (kb * 64u + j)];
    }
    tile_b[slot] = bv;
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < 16u; kk++) {
      acc += tile_a[lid.y * 16u + kk] * tile_b[kk * 16u + lid.x];
    }
    workgroupBarrier();
  }
  if (i < m && j < 64u) {
    let v0: f32 = max(acc + arena[5025u + j], 0.0);
    arena[32732u + (i * 64u + j)] = v0;
  }
}
