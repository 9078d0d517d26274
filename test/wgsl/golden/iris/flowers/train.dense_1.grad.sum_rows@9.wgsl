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

var<workgroup> partials: array<f32, 256>;

@compute @workgroup_size(4, 64, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  let col: u32 = (wid.y * nwg.x + wid.x) * 4u + lid.x;
  var acc0: f32 = 0.0;
  if (col < 3u) {
    for (var r: u32 = lid.y; r < rows; r += 64u) {
      let x0: f32 = arena[686u + (r * 3u + col)];
      acc0 += x0;
    }
  }
  partials[0u + (lid.y * 4u + lid.x)] = acc0;
  workgroupBarrier();
  if (lid.y < 32u) {
    partials[0u + (lid.y * 4u + lid.x)] = partials[0u + (lid.y * 4u + lid.x)] + partials[0u + ((lid.y + 32u) * 4u + lid.x)];
  }
  workgroupBarrier();
  if (lid.y < 16u) {
    partials[0u + (lid.y * 4u + lid.x)] = partials[0u + (lid.y * 4u + lid.x)] + partials[0u + ((lid.y + 16u) * 4u + lid.x)];
  }
  workgroupBarrier();
  if (lid.y < 8u) {
    partials[0u + (lid.y * 4u + lid.x)] = partials[0u + (lid.y * 4u + lid.x)] + partials[0u + ((lid.y + 8u) * 4u + lid.x)];
  }
  workgroupBarrier();
  if (lid.y < 4u) {
    partials[0u + (lid.y * 4u + lid.x)] = partials[0u + (lid.y * 4u + lid.x)] + partials[0u + ((lid.y + 4u) * 4u + lid.x)];
  }
  workgroupBarrier();
  if (lid.y < 2u) {
    partials[0u + (lid.y * 4u + lid.x)] = partials[0u + (lid.y * 4u + lid.x)] + partials[0u + ((lid.y + 2u) * 4u + lid.x)];
  }
  workgroupBarrier();
  if (lid.y < 1u) {
    partials[0u + (lid.y * 4u + lid.x)] = partials[0u + (lid.y * 4u + lid.x)] + partials[0u + ((lid.y + 1u) * 4u + lid.x)];
  }
  workgroupBarrier();
  if (lid.y == 0u && col < 3u) {
    let total0: f32 = partials[0u + (0u * 4u + lid.x)];
    let t6: f32 = arena[200u + col] + (total0 - arena[200u + col]) * 0.1;
    let t7: f32 = arena[203u + col] + (total0 * total0 - arena[203u + col]) * 0.001;
    let v0: f32 = t6;
    let v1: f32 = t7;
    let v2: f32 = arena[69u + col] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
    arena[200u + col] = v0;
    arena[203u + col] = v1;
    arena[69u + col] = v2;
  }
}
