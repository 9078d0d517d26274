// ==== train.step.wgsl
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
var<workgroup> local_arena: array<f32, 99>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 99u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // flatten.reshape
    for (var e: u32 = lid.x; e < rows; e += 256u) {
      let v0: f32 = features[permutation[offset + e] * 30u + 29u];
      local_arena[3u + e] = v0;
    }
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      let p0_t0: f32 = local_arena[3u + e_1] - labels[permutation[offset + e_1]];
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
      let v0_1: f32 = local_arena[0u] + total0;
      let v1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), local_arena[1u], local_arena[1u] != 0.0);
      local_arena[0u] = v0_1;
      local_arena[1u] = v1;
    }
    workgroupBarrier();
  }
  for (var i_1: u32 = lid.x; i_1 < 99u; i_1 += 256u) {
    arena[i_1] = local_arena[i_1];
  }
}

// ==== evaluate.step.wgsl
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
var<workgroup> local_arena: array<f32, 99>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 99u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // flatten.reshape
    for (var e: u32 = lid.x; e < rows; e += 256u) {
      let v0: f32 = features[permutation[offset + e] * 30u + 29u];
      local_arena[35u + e] = v0;
    }
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      let p0_t0: f32 = local_arena[35u + e_1] - labels[permutation[offset + e_1]];
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
      let v0_1: f32 = local_arena[2u] + total0;
      local_arena[2u] = v0_1;
    }
    workgroupBarrier();
  }
  for (var i_1: u32 = lid.x; i_1 < 99u; i_1 += 256u) {
    arena[i_1] = local_arena[i_1];
  }
}

// ==== predict.step.wgsl
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

var<workgroup> local_arena: array<f32, 99>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var i: u32 = lid.x; i < 99u; i += 256u) {
    local_arena[i] = arena[i];
  }
  workgroupBarrier();
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // flatten.reshape
    for (var e: u32 = lid.x; e < rows; e += 256u) {
      let v0: f32 = features[permutation[offset + e] * 30u + 29u];
      local_arena[67u + e] = v0;
    }
    workgroupBarrier();
    // output
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      let v0_1: f32 = local_arena[67u + e_1];
      output[step.base + offset + e_1] = v0_1;
    }
    workgroupBarrier();
  }
  for (var i_1: u32 = lid.x; i_1 < 99u; i_1 += 256u) {
    arena[i_1] = local_arena[i_1];
  }
}
