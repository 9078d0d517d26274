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
  let count: u32 = 13u;
  if (id >= 0u && id < 0u + count) {
    let i: u32 = (id - 0u) / 13u;
    let j: u32 = (id - 0u) % 13u;
    let v0: f32 = max(sqrt(arena[20u + (i * 13u + j)]), 1e-7);
    arena[15394u + (i * 13u + j)] = v0;
  }
  let end: u32 = 0u + count;
}
