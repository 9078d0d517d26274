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
