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
    // dense.matmul
    for (var e: u32 = lid.x; e < rows * 8u; e += 256u) {
      let i: u32 = e / 8u;
      let j: u32 = e % 8u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 4u; k++) {
        acc += features[permutation[offset + i] * 4u + k] * arena[5u + (k * 8u + j)];
      }
      let v0: f32 = max(acc + arena[37u + j], 0.0);
      arena[1742u + (i * 8u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 3u; e_1 += 256u) {
      let i_1: u32 = e_1 / 3u;
      let j_1: u32 = e_1 % 3u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 8u; k_1++) {
        acc_1 += arena[1742u + (i_1 * 8u + k_1)] * arena[45u + (k_1 * 3u + j_1)];
      }
      let v0_1: f32 = acc_1 + arena[69u + j_1];
      arena[1998u + (i_1 * 3u + j_1)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.softmax.max
    for (var o: u32 = lid.x; o < rows; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 3u; r++) {
        let x0: f32 = arena[1998u + (o * 3u + r)];
        acc0 = max(acc0, x0);
      }
      let v0_2: f32 = acc0;
      arena[2094u + o] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.softmax.sumexp
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = 0.0;
      for (var r_1: u32 = 0u; r_1 < 3u; r_1++) {
        let x0_1: f32 = exp(arena[1998u + (o_1 * 3u + r_1)] - arena[2094u + o_1]);
        acc0_1 += x0_1;
      }
      let v0_3: f32 = acc0_1;
      arena[2126u + o_1] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.softmax
    for (var e_2: u32 = lid.x; e_2 < rows * 3u; e_2 += 256u) {
      let i_2: u32 = e_2 / 3u;
      let j_2: u32 = e_2 % 3u;
      let v0_4: f32 = exp(arena[1998u + (i_2 * 3u + j_2)] - arena[2094u + i_2]) / arena[2126u + i_2];
      output[(step.base + offset + i_2) * 3u + j_2] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
