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

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // normalization.sqrt
    for (var e: u32 = lid.x; e < 13u; e += 256u) {
      let i: u32 = e / 13u;
      let j: u32 = e % 13u;
      let v0: f32 = max(sqrt(arena[20u + (i * 13u + j)]), 1e-7);
      arena[34844u + (i * 13u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // normalization.sub
    for (var e_1: u32 = lid.x; e_1 < rows * 13u; e_1 += 256u) {
      let i_1: u32 = e_1 / 13u;
      let j_1: u32 = e_1 % 13u;
      let v0_1: f32 = (features[permutation[offset + i_1] * 13u + j_1] - arena[7u + j_1]) / arena[34844u + j_1];
      arena[34857u + (i_1 * 13u + j_1)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_2: u32 = lid.x; e_2 < rows * 64u; e_2 += 256u) {
      let i_2: u32 = e_2 / 64u;
      let j_2: u32 = e_2 % 64u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 13u; k++) {
        acc += arena[34857u + (i_2 * 13u + k)] * arena[33u + (k * 64u + j_2)];
      }
      let v0_2: f32 = max(acc + arena[865u + j_2], 0.0);
      arena[35273u + (i_2 * 64u + j_2)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_3: u32 = lid.x; e_3 < rows * 64u; e_3 += 256u) {
      let i_3: u32 = e_3 / 64u;
      let j_3: u32 = e_3 % 64u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 64u; k_1++) {
        acc_1 += arena[35273u + (i_3 * 64u + k_1)] * arena[929u + (k_1 * 64u + j_3)];
      }
      let v0_3: f32 = max(acc_1 + arena[5025u + j_3], 0.0);
      arena[37321u + (i_3 * 64u + j_3)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_2.matmul
    for (var e_4: u32 = lid.x; e_4 < rows; e_4 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 64u; k_2++) {
        acc_2 += arena[37321u + (e_4 * 64u + k_2)] * arena[5089u + k_2];
      }
      let v0_4: f32 = acc_2 + arena[5153u];
      output[step.base + offset + e_4] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
