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
  let k_len: u32 = 5u;
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
      a = arena[623u + (ai * 5u + aka)];
    }
    tile_a[ar * 16u + ak] = a;
    let bk: u32 = e / 16u;
    let bc: u32 = e % 16u;
    let bj: u32 = col0 + bc;
    let bka: u32 = t0 + bk;
    var bv: f32 = 0.0;
    if (bka < k_len && bj < 1u) {
      bv = arena[21u + bka];
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
    let t1: f32 = acc + arena[26u];
    let v0: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + i]] + log(1.0 + exp(-abs(t1)));
    let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, nn_sigmoid(t1) > 0.5) == labels[permutation[offset + i]]);
    arena[783u + i] = v0;
    arena[815u + i] = v1;
  }
}
