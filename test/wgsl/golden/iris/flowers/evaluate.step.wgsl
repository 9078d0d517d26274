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
      arena[1294u + (i * 8u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_1: u32 = lid.x; e_1 < rows * 3u; e_1 += 256u) {
      let i_1: u32 = e_1 / 3u;
      let j_1: u32 = e_1 % 3u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 8u; k_1++) {
        acc_1 += arena[1294u + (i_1 * 8u + k_1)] * arena[45u + (k_1 * 3u + j_1)];
      }
      let v0_1: f32 = acc_1 + arena[69u + j_1];
      arena[1550u + (i_1 * 3u + j_1)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // loss.cce_logits.max
    for (var o: u32 = lid.x; o < rows; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 3u; r++) {
        let x0: f32 = arena[1550u + (o * 3u + r)];
        acc0 = max(acc0, x0);
      }
      let v0_2: f32 = acc0;
      arena[1678u + o] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // loss.cce_logits.sumexp
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = 0.0;
      var acc1: f32 = 0.0;
      var acc2: f32 = 0.0;
      var acc3: f32 = 0.0;
      var acc4: f32 = 0.0;
      var best3: f32 = -3.40282346e+38;
      var best4: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 3u; r_1++) {
        let x0_1: f32 = exp(arena[1550u + (o_1 * 3u + r_1)] - arena[1678u + o_1]);
        acc0_1 += x0_1;
        let x1: f32 = labels[permutation[offset + o_1] * 3u + r_1] * arena[1550u + (o_1 * 3u + r_1)];
        acc1 += x1;
        let x2: f32 = labels[permutation[offset + o_1] * 3u + r_1];
        acc2 += x2;
        let x3: f32 = labels[permutation[offset + o_1] * 3u + r_1];
        if (x3 > best3) {
          best3 = x3;
          acc3 = f32(r_1);
        }
        let x4: f32 = arena[1550u + (o_1 * 3u + r_1)];
        if (x4 > best4) {
          best4 = x4;
          acc4 = f32(r_1);
        }
      }
      let v0_3: f32 = (arena[1678u + o_1] + log(acc0_1)) * acc2 - acc1;
      let v1: f32 = select(0.0, 1.0, acc3 == acc4);
      arena[1646u + o_1] = v0_3;
      arena[1710u + o_1] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_2: f32 = 0.0;
    var acc1_1: f32 = 0.0;
    for (var e_2: u32 = lid.x; e_2 < rows; e_2 += 256u) {
      let x0_2: f32 = arena[1646u + e_2];
      acc0_2 += x0_2;
      let x1_1: f32 = arena[1710u + e_2];
      acc1_1 += x1_1;
    }
    partials[0u + lid.x] = acc0_2;
    partials[256u + lid.x] = acc1_1;
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
      let v0_4: f32 = arena[3u] + total0;
      let v1_1: f32 = arena[4u] + total1;
      arena[3u] = v0_4;
      arena[4u] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
