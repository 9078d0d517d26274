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

var<workgroup> partials: array<f32, 512>;

fn nn_sigmoid(x: f32) -> f32 {
  if (x >= 0.0) {
    return 1.0 / (1.0 + exp(-x));
  }
  let e: f32 = exp(x);
  return e / (1.0 + e);
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 5u; e += 256u) {
      let i: u32 = e / 5u;
      let j: u32 = e % 5u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 2u; k++) {
        acc += features[permutation[offset + i] * 2u + k] * arena[6u + (k * 5u + j)];
      }
      let v0: f32 = max(acc + arena[16u + j], 0.0);
      arena[623u + (i * 5u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 5u; k_1++) {
        acc_1 += arena[623u + (e_1 * 5u + k_1)] * arena[21u + k_1];
      }
      let t1: f32 = acc_1 + arena[26u];
      let v0_1: f32 = max(t1, 0.0) - t1 * labels[permutation[offset + e_1]] + log(1.0 + exp(-abs(t1)));
      let v1: f32 = select(0.0, 1.0, select(0.0, 1.0, nn_sigmoid(t1) > 0.5) == labels[permutation[offset + e_1]]);
      arena[783u + e_1] = v0_1;
      arena[815u + e_1] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let x0: f32 = arena[783u + e_2];
      acc0 += x0;
      let x1: f32 = arena[815u + e_2];
      acc1 += x1;
    }
    partials[0u + lid.x] = acc0;
    partials[256u + lid.x] = acc1;
    workgroupBarrier();
    if (lid.x < 128u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[128u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[384u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 64u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[64u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[320u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 32u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[32u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[288u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 16u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[16u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[272u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 8u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[8u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[264u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 4u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[4u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[260u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 2u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[2u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[258u + lid.x];
    }
    workgroupBarrier();
    if (lid.x < 1u) {
      partials[0u + lid.x] = partials[0u + lid.x] + partials[1u + lid.x];
      partials[256u + lid.x] = partials[256u + lid.x] + partials[257u + lid.x];
    }
    workgroupBarrier();
    if (lid.x == 0u) {
      let total0: f32 = partials[0u];
      let total1: f32 = partials[256u];
      let v0_2: f32 = arena[4u] + total0;
      let v1_1: f32 = arena[5u] + total1;
      arena[4u] = v0_2;
      arena[5u] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
