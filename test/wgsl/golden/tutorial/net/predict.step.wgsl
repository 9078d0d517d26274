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
      arena[847u + (i * 5u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows; e_1 += 256u) {
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 5u; k_1++) {
        acc_1 += arena[847u + (e_1 * 5u + k_1)] * arena[21u + k_1];
      }
      let v0_1: f32 = nn_sigmoid(acc_1 + arena[26u]);
      output[step.base + offset + e_1] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
