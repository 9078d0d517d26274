// ==== train.flatten.reshape@13.wgsl
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
  let count: u32 = rows;
  if (id >= 0u && id < 0u + count) {
    let v0: f32 = features[permutation[offset + (id - 0u)] * 30u + 29u];
    arena[3u + (id - 0u)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== train.accumulate.sum_all@15.wgsl
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

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  var acc0: f32 = 0.0;
  for (var e: u32 = lid.x; e < rows; e += 256u) {
    let p0_t0: f32 = arena[3u + e] - labels[permutation[offset + e]];
    let p0_out0: f32 = p0_t0;
    let p0_out1: f32 = abs(p0_t0);
    let x0: f32 = p0_out1;
    acc0 += x0;
  }
  partials[0u + lid.x] = acc0;
  workgroupBarrier();
  if (lid.x < 16u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[16u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 8u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[8u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 4u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[4u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 2u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[2u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 1u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[1u + lid.x];
  }
  workgroupBarrier();
  if (lid.x == 0u) {
    let total0: f32 = partials[0u];
    let v0: f32 = arena[0u] + total0;
    let v1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
    arena[0u] = v0;
    arena[1u] = v1;
  }
}

// ==== evaluate.flatten.reshape@13.wgsl
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
  let count: u32 = rows;
  if (id >= 0u && id < 0u + count) {
    let v0: f32 = features[permutation[offset + (id - 0u)] * 30u + 29u];
    arena[35u + (id - 0u)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== evaluate.accumulate.sum_all@15.wgsl
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

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  var acc0: f32 = 0.0;
  for (var e: u32 = lid.x; e < rows; e += 256u) {
    let p0_t0: f32 = arena[35u + e] - labels[permutation[offset + e]];
    let p0_out0: f32 = p0_t0;
    let p0_out1: f32 = abs(p0_t0);
    let x0: f32 = p0_out1;
    acc0 += x0;
  }
  partials[0u + lid.x] = acc0;
  workgroupBarrier();
  if (lid.x < 16u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[16u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 8u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[8u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 4u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[4u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 2u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[2u + lid.x];
  }
  workgroupBarrier();
  if (lid.x < 1u) {
    partials[0u + lid.x] = partials[0u + lid.x] + partials[1u + lid.x];
  }
  workgroupBarrier();
  if (lid.x == 0u) {
    let total0: f32 = partials[0u];
    let v0: f32 = arena[2u] + total0;
    arena[2u] = v0;
  }
}

// ==== predict.flatten.reshape@13.wgsl
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
  let count: u32 = rows;
  if (id >= 0u && id < 0u + count) {
    let v0: f32 = features[permutation[offset + (id - 0u)] * 30u + 29u];
    arena[67u + (id - 0u)] = v0;
  }
  let end: u32 = 0u + count;
}

// ==== predict.output.wgsl
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
  let count: u32 = rows;
  if (id >= 0u && id < 0u + count) {
    let v0: f32 = arena[67u + (id - 0u)];
    output[step.base + offset + (id - 0u)] = v0;
  }
  let end: u32 = 0u + count;
}
