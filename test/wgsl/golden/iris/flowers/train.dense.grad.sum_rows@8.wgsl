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
  if (gid.x < 8u) {
    var acc0: f32 = 0.0;
    for (var r: u32 = 0u; r < rows; r++) {
      let x0: f32 = arena[1038u + (r * 8u + gid.x)];
      acc0 += x0;
    }
    let t6: f32 = arena[136u + (0u * 8u + gid.x)] + (acc0 - arena[136u + (0u * 8u + gid.x)]) * 0.1;
    let t7: f32 = arena[144u + (0u * 8u + gid.x)] + (acc0 * acc0 - arena[144u + (0u * 8u + gid.x)]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[37u + (0u * 8u + gid.x)] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[136u + (0u * 8u + gid.x)] = v0;
    arena[144u + (0u * 8u + gid.x)] = v1;
    arena[37u + (0u * 8u + gid.x)] = v2;
  }
}
