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
