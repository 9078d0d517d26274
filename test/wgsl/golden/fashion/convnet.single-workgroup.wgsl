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

var<workgroup> partials: array<f32, 512>;

fn rng_mix32(x_in: u32) -> u32 {
  var x: u32 = x_in;
  x ^= x >> 16u;
  x *= 0x21f0aaadu;
  x ^= x >> 15u;
  x *= 0x735a2d97u;
  x ^= x >> 15u;
  return x;
}

fn rng_u32(seed: u32, stream: u32, counter: u32) -> u32 {
  let key: u32 = rng_mix32(seed ^ 0x9e3779b9u);
  let s: u32 = rng_mix32(key ^ stream);
  return rng_mix32(rng_mix32(s ^ counter) + 0x6a09e667u);
}

fn rng_uniform(seed: u32, stream: u32, counter: u32) -> f32 {
  return f32(rng_u32(seed, stream, counter) >> 8u) * 5.9604645e-8;
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // rescaling.mul
    for (var e: u32 = lid.x; e < rows * 784u; e += 256u) {
      let i2: u32 = e % 28u;
      let r2: u32 = e / 28u;
      let i1: u32 = r2 % 28u;
      let r1: u32 = r2 / 28u;
      let v0: f32 = features[permutation[offset + r1] * 784u + i1 * 28u + i2] * 0.003921569;
      arena[104483u + (r1 * 784u + i1 * 28u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 18432u; e_1 += 256u) {
      let i3: u32 = e_1 % 32u;
      let r3: u32 = e_1 / 32u;
      let i2_1: u32 = r3 % 24u;
      let r2_1: u32 = r3 / 24u;
      let i1_1: u32 = r2_1 % 24u;
      let r1_1: u32 = r2_1 / 24u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 9u; k++) {
        let k1: u32 = k % 3u;
        let kr1: u32 = k / 3u;
        acc += arena[104483u + (r1_1 * 784u + (i1_1 + kr1) * 28u + (i2_1 + k1))] * arena[5u + (kr1 * 96u + k1 * 32u + i3)];
      }
      let t1: f32 = acc + arena[293u + i3];
      let v0_1: f32 = max(t1, 0.0);
      let v1: f32 = select(0.0, 1.0, t1 > 0.0);
      arena[204835u + (r1_1 * 18432u + i1_1 * 768u + i2_1 * 32u + i3)] = v0_1;
      arena[7818343u + (r1_1 * 18432u + i1_1 * 768u + i2_1 * 32u + i3)] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.max_axes24
    for (var o: u32 = lid.x; o < rows * 4608u; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      var acc1: f32 = 0.0;
      var best1: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 4u; r++) {
        let o3: u32 = o % 32u;
        let or3: u32 = o / 32u;
        let o2: u32 = or3 % 12u;
        let or2: u32 = or3 / 12u;
        let o1: u32 = or2 % 12u;
        let or1: u32 = or2 / 12u;
        let r1_2: u32 = r % 2u;
        let rr1: u32 = r / 2u;
        let x0: f32 = arena[204835u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1_2) * 32u + o3)];
        acc0 = max(acc0, x0);
        let x1: f32 = arena[204835u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1_2) * 32u + o3)];
        if (x1 > best1) {
          best1 = x1;
          acc1 = f32(r);
        }
      }
      let o3_1: u32 = o % 32u;
      let or3_1: u32 = o / 32u;
      let o2_1: u32 = or3_1 % 12u;
      let or2_1: u32 = or3_1 / 12u;
      let o1_1: u32 = or2_1 % 12u;
      let or1_1: u32 = or2_1 / 12u;
      let v0_2: f32 = acc0;
      let v1_1: f32 = acc1;
      arena[2564131u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v0_2;
      arena[7228519u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.contract
    for (var e_2: u32 = lid.x; e_2 < rows * 6400u; e_2 += 256u) {
      let i3_1: u32 = e_2 % 64u;
      let r3_1: u32 = e_2 / 64u;
      let i2_2: u32 = r3_1 % 10u;
      let r2_2: u32 = r3_1 / 10u;
      let i1_2: u32 = r2_2 % 10u;
      let r1_3: u32 = r2_2 / 10u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 288u; k_1++) {
        let k2: u32 = k_1 % 32u;
        let kr2: u32 = k_1 / 32u;
        let k1_1: u32 = kr2 % 3u;
        let kr1_1: u32 = kr2 / 3u;
        acc_1 += arena[2564131u + (r1_3 * 4608u + (i1_2 + kr1_1) * 384u + (i2_2 + k1_1) * 32u + k2)] * arena[325u + (kr1_1 * 6144u + k1_1 * 2048u + k2 * 64u + i3_1)];
      }
      let t1_1: f32 = acc_1 + arena[18757u + i3_1];
      let v0_3: f32 = max(t1_1, 0.0);
      let v1_2: f32 = select(0.0, 1.0, t1_1 > 0.0);
      arena[3153955u + (r1_3 * 6400u + i1_2 * 640u + i2_2 * 64u + i3_1)] = v0_3;
      arena[5000231u + (r1_3 * 6400u + i1_2 * 640u + i2_2 * 64u + i3_1)] = v1_2;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d_1.max_axes24
    for (var o_1: u32 = lid.x; o_1 < rows * 1600u; o_1 += 256u) {
      var acc0_1: f32 = -3.40282346e+38;
      var acc1_1: f32 = 0.0;
      var best1_1: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 4u; r_1++) {
        let o3_2: u32 = o_1 % 64u;
        let or3_2: u32 = o_1 / 64u;
        let o2_2: u32 = or3_2 % 5u;
        let or2_2: u32 = or3_2 / 5u;
        let o1_2: u32 = or2_2 % 5u;
        let or1_2: u32 = or2_2 / 5u;
        let r1_4: u32 = r_1 % 2u;
        let rr1_1: u32 = r_1 / 2u;
        let x0_1: f32 = arena[3153955u + (or1_2 * 6400u + (o1_2 * 2u + rr1_1) * 640u + (o2_2 * 2u + r1_4) * 64u + o3_2)];
        acc0_1 = max(acc0_1, x0_1);
        let x1_1: f32 = arena[3153955u + (or1_2 * 6400u + (o1_2 * 2u + rr1_1) * 640u + (o2_2 * 2u + r1_4) * 64u + o3_2)];
        if (x1_1 > best1_1) {
          best1_1 = x1_1;
          acc1_1 = f32(r_1);
        }
      }
      let o3_3: u32 = o_1 % 64u;
      let or3_3: u32 = o_1 / 64u;
      let o2_3: u32 = or3_3 % 5u;
      let or2_3: u32 = or3_3 / 5u;
      let o1_3: u32 = or2_3 % 5u;
      let or1_3: u32 = or2_3 / 5u;
      let v0_4: f32 = acc0_1;
      let v1_3: f32 = acc1_1;
      arena[3973155u + (or1_3 * 1600u + o1_3 * 320u + o2_3 * 64u + o3_3)] = v0_4;
      arena[4795431u + (or1_3 * 1600u + o1_3 * 320u + o2_3 * 64u + o3_3)] = v1_3;
    }
    storageBarrier();
    workgroupBarrier();
    // dropout.random
    for (var e_3: u32 = lid.x; e_3 < rows * 1600u; e_3 += 256u) {
      let i: u32 = e_3 / 1600u;
      let j: u32 = e_3 % 1600u;
      let t1_2: f32 = select(0.0, 1.0, rng_uniform(rng_mix32(step.seed ^ t), 3145734u, i * 1600u + j) >= 0.5);
      let v0_5: f32 = t1_2;
      let v1_4: f32 = arena[3973155u + (i * 1600u + j)] * t1_2 * 2.0;
      arena[4177955u + (i * 1600u + j)] = v0_5;
      arena[4382755u + (i * 1600u + j)] = v1_4;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_4: u32 = lid.x; e_4 < rows * 10u; e_4 += 256u) {
      let i_1: u32 = e_4 / 10u;
      let j_1: u32 = e_4 % 10u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 1600u; k_2++) {
        acc_2 += arena[4382755u + (i_1 * 1600u + k_2)] * arena[18821u + (k_2 * 10u + j_1)];
      }
      let v0_6: f32 = acc_2 + arena[34821u + j_1];
      arena[4587555u + (i_1 * 10u + j_1)] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.max
    for (var o_2: u32 = lid.x; o_2 < rows; o_2 += 256u) {
      var acc0_2: f32 = -3.40282346e+38;
      for (var r_2: u32 = 0u; r_2 < 10u; r_2++) {
        let x0_2: f32 = arena[4587555u + (o_2 * 10u + r_2)];
        acc0_2 = max(acc0_2, x0_2);
      }
      let v0_7: f32 = acc0_2;
      arena[4588835u + o_2] = v0_7;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.sumexp
    for (var o_3: u32 = lid.x; o_3 < rows; o_3 += 256u) {
      var acc0_3: f32 = 0.0;
      var acc1_2: f32 = 0.0;
      var acc2: f32 = 0.0;
      var acc3: f32 = 0.0;
      var acc4: f32 = 0.0;
      var best3: f32 = -3.40282346e+38;
      var best4: f32 = -3.40282346e+38;
      for (var r_3: u32 = 0u; r_3 < 10u; r_3++) {
        let x0_3: f32 = exp(arena[4587555u + (o_3 * 10u + r_3)] - arena[4588835u + o_3]);
        acc0_3 += x0_3;
        let x1_2: f32 = labels[permutation[offset + o_3] * 10u + r_3] * arena[4587555u + (o_3 * 10u + r_3)];
        acc1_2 += x1_2;
        let x2: f32 = labels[permutation[offset + o_3] * 10u + r_3];
        acc2 += x2;
        let x3: f32 = labels[permutation[offset + o_3] * 10u + r_3];
        if (x3 > best3) {
          best3 = x3;
          acc3 = f32(r_3);
        }
        let x4: f32 = arena[4587555u + (o_3 * 10u + r_3)];
        if (x4 > best4) {
          best4 = x4;
          acc4 = f32(r_3);
        }
      }
      let v0_8: f32 = acc0_3;
      let v1_5: f32 = (arena[4588835u + o_3] + log(acc0_3)) * acc2 - acc1_2;
      let v2: f32 = select(0.0, 1.0, acc3 == acc4);
      arena[4588963u + o_3] = v0_8;
      arena[4589091u + o_3] = v1_5;
      arena[4589219u + o_3] = v2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax
    for (var e_5: u32 = lid.x; e_5 < rows * 10u; e_5 += 256u) {
      let i_2: u32 = e_5 / 10u;
      let j_2: u32 = e_5 % 10u;
      let v0_9: f32 = 1.0 / f32(rows) * (exp(arena[4587555u + (i_2 * 10u + j_2)] - arena[4588835u + i_2]) / arena[4588963u + i_2] - labels[permutation[offset + i_2] * 10u + j_2]);
      arena[4589347u + (i_2 * 10u + j_2)] = v0_9;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_4: f32 = 0.0;
    var acc1_3: f32 = 0.0;
    for (var e_6: u32 = lid.x; e_6 < rows; e_6 += 256u) {
      let x0_4: f32 = arena[4589091u + e_6];
      acc0_4 += x0_4;
      let x1_3: f32 = arena[4589219u + e_6];
      acc1_3 += x1_3;
    }
    partials[0u + lid.x] = acc0_4;
    partials[256u + lid.x] = acc1_3;
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
      let v0_10: f32 = arena[0u] + total0;
      let v1_6: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2_1: f32 = arena[2u] + total1;
      arena[0u] = v0_10;
      arena[1u] = v1_6;
      arena[2u] = v2_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.sum_rows
    for (var o_4: u32 = lid.x; o_4 < 10u; o_4 += 256u) {
      var acc0_5: f32 = 0.0;
      for (var r_4: u32 = 0u; r_4 < rows; r_4++) {
        let x0_5: f32 = arena[4589347u + (r_4 * 10u + o_4)];
        acc0_5 += x0_5;
      }
      let t6: f32 = arena[104463u + o_4] + (acc0_5 - arena[104463u + o_4]) * 0.1;
      let t7: f32 = arena[104473u + o_4] + (acc0_5 * acc0_5 - arena[104473u + o_4]) * 0.001;
      let v0_11: f32 = t6;
      let v1_7: f32 = t7;
      let v2_2: f32 = arena[34821u + o_4] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[104463u + o_4] = v0_11;
      arena[104473u + o_4] = v1_7;
      arena[34821u + o_4] = v2_2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul
    for (var e_7: u32 = lid.x; e_7 < rows * 1600u; e_7 += 256u) {
      let i_3: u32 = e_7 / 1600u;
      let j_3: u32 = e_7 % 1600u;
      var acc_3: f32 = 0.0;
      for (var k_3: u32 = 0u; k_3 < 10u; k_3++) {
        acc_3 += arena[4589347u + (i_3 * 10u + k_3)] * arena[18821u + (j_3 * 10u + k_3)];
      }
      let v0_12: f32 = acc_3 * 2.0 * arena[4177955u + (i_3 * 1600u + j_3)];
      arena[4590627u + (i_3 * 1600u + j_3)] = v0_12;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul#1
    for (var e_8: u32 = lid.x; e_8 < 16000u; e_8 += 256u) {
      let i_4: u32 = e_8 / 10u;
      let j_4: u32 = e_8 % 10u;
      var acc_4: f32 = 0.0;
      for (var k_4: u32 = 0u; k_4 < rows; k_4++) {
        acc_4 += arena[4382755u + (k_4 * 1600u + i_4)] * arena[4589347u + (k_4 * 10u + j_4)];
      }
      let t6_1: f32 = arena[72463u + (i_4 * 10u + j_4)] + (acc_4 - arena[72463u + (i_4 * 10u + j_4)]) * 0.1;
      let t7_1: f32 = arena[88463u + (i_4 * 10u + j_4)] + (acc_4 * acc_4 - arena[88463u + (i_4 * 10u + j_4)]) * 0.001;
      let v0_13: f32 = t6_1;
      let v1_8: f32 = t7_1;
      let v2_3: f32 = arena[18821u + (i_4 * 10u + j_4)] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
      arena[72463u + (i_4 * 10u + j_4)] = v0_13;
      arena[88463u + (i_4 * 10u + j_4)] = v1_8;
      arena[18821u + (i_4 * 10u + j_4)] = v2_3;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d_1.grad.position
    for (var e_9: u32 = lid.x; e_9 < 4u; e_9 += 256u) {
      let i4: u32 = e_9 % 2u;
      let r4: u32 = e_9 / 2u;
      let v0_14: f32 = f32(r4) * 2.0 + f32(i4);
      arena[4795427u + (r4 * 2u + i4)] = v0_14;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d_1.grad.eq
    for (var e_10: u32 = lid.x; e_10 < rows * 6400u; e_10 += 256u) {
      let i5: u32 = e_10 % 64u;
      let r5: u32 = e_10 / 64u;
      let i4_1: u32 = r5 % 2u;
      let r4_1: u32 = r5 / 2u;
      let i3_2: u32 = r4_1 % 5u;
      let r3_2: u32 = r4_1 / 5u;
      let i2_3: u32 = r3_2 % 2u;
      let r2_3: u32 = r3_2 / 2u;
      let i1_3: u32 = r2_3 % 5u;
      let r1_5: u32 = r2_3 / 5u;
      let v0_15: f32 = arena[4590627u + (r1_5 * 1600u + i1_3 * 320u + i3_2 * 64u + i5)] * select(0.0, 1.0, arena[4795427u + (i2_3 * 2u + i4_1)] == arena[4795431u + (r1_5 * 1600u + i1_3 * 320u + i3_2 * 64u + i5)]) * arena[5000231u + (r1_5 * 6400u + i1_3 * 1280u + i2_3 * 640u + i3_2 * 128u + i4_1 * 64u + i5)];
      arena[5819431u + (r1_5 * 6400u + i1_3 * 1280u + i2_3 * 640u + i3_2 * 128u + i4_1 * 64u + i5)] = v0_15;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.grad.sum_axes012
    for (var o_5: u32 = lid.x; o_5 < 64u; o_5 += 256u) {
      var acc0_6: f32 = 0.0;
      for (var r_5: u32 = 0u; r_5 < rows * 100u; r_5++) {
        let r2_4: u32 = r_5 % 10u;
        let rr2: u32 = r_5 / 10u;
        let r1_6: u32 = rr2 % 10u;
        let rr1_2: u32 = rr2 / 10u;
        let x0_6: f32 = arena[5819431u + (rr1_2 * 6400u + r1_6 * 640u + r2_4 * 64u + o_5)];
        acc0_6 += x0_6;
      }
      let v0_16: f32 = acc0_6;
      arena[6638631u + o_5] = v0_16;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.grad.contract
    for (var e_11: u32 = lid.x; e_11 < rows * 4608u; e_11 += 256u) {
      let i3_3: u32 = e_11 % 32u;
      let r3_3: u32 = e_11 / 32u;
      let i2_4: u32 = r3_3 % 12u;
      let r2_5: u32 = r3_3 / 12u;
      let i1_4: u32 = r2_5 % 12u;
      let r1_7: u32 = r2_5 / 12u;
      var acc_5: f32 = 0.0;
      for (var k_5: u32 = 0u; k_5 < 576u; k_5++) {
        let k2_1: u32 = k_5 % 64u;
        let kr2_1: u32 = k_5 / 64u;
        let k1_2: u32 = kr2_1 % 3u;
        let kr1_2: u32 = kr2_1 / 3u;
        acc_5 += select(0.0, arena[5819431u + (r1_7 * 6400u + (i1_4 - kr1_2) * 640u + (i2_4 - k1_2) * 64u + k2_1)], i1_4 - kr1_2 < 10u && i2_4 - k1_2 < 10u) * arena[325u + (kr1_2 * 6144u + k1_2 * 2048u + i3_3 * 64u + k2_1)];
      }
      let v0_17: f32 = acc_5;
      arena[6638695u + (r1_7 * 4608u + i1_4 * 384u + i2_4 * 32u + i3_3)] = v0_17;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.grad.contract#1
    for (var e_12: u32 = lid.x; e_12 < 18432u; e_12 += 256u) {
      let i3_4: u32 = e_12 % 64u;
      let r3_4: u32 = e_12 / 64u;
      let i2_5: u32 = r3_4 % 32u;
      let r2_6: u32 = r3_4 / 32u;
      let i1_5: u32 = r2_6 % 3u;
      let r1_8: u32 = r2_6 / 3u;
      var acc_6: f32 = 0.0;
      for (var k_6: u32 = 0u; k_6 < rows * 100u; k_6++) {
        let k2_2: u32 = k_6 % 10u;
        let kr2_2: u32 = k_6 / 10u;
        let k1_3: u32 = kr2_2 % 10u;
        let kr1_3: u32 = kr2_2 / 10u;
        acc_6 += arena[5819431u + (kr1_3 * 6400u + k1_3 * 640u + k2_2 * 64u + i3_4)] * arena[2564131u + (kr1_3 * 4608u + (k1_3 + r1_8) * 384u + (k2_2 + i1_5) * 32u + i2_5)];
      }
      let t6_2: f32 = arena[35471u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)] + (acc_6 - arena[35471u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)]) * 0.1;
      let t7_2: f32 = arena[53903u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)] + (acc_6 * acc_6 - arena[53903u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)]) * 0.001;
      let v0_18: f32 = t6_2;
      let v1_9: f32 = t7_2;
      let v2_4: f32 = arena[325u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)] - t6_2 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
      arena[35471u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)] = v0_18;
      arena[53903u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)] = v1_9;
      arena[325u + (r1_8 * 6144u + i1_5 * 2048u + i2_5 * 64u + i3_4)] = v2_4;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.grad.eq
    for (var e_13: u32 = lid.x; e_13 < rows * 18432u; e_13 += 256u) {
      let i5_1: u32 = e_13 % 32u;
      let r5_1: u32 = e_13 / 32u;
      let i4_2: u32 = r5_1 % 2u;
      let r4_2: u32 = r5_1 / 2u;
      let i3_5: u32 = r4_2 % 12u;
      let r3_5: u32 = r4_2 / 12u;
      let i2_6: u32 = r3_5 % 2u;
      let r2_7: u32 = r3_5 / 2u;
      let i1_6: u32 = r2_7 % 12u;
      let r1_9: u32 = r2_7 / 12u;
      let v0_19: f32 = arena[6638695u + (r1_9 * 4608u + i1_6 * 384u + i3_5 * 32u + i5_1)] * select(0.0, 1.0, arena[4795427u + (i2_6 * 2u + i4_2)] == arena[7228519u + (r1_9 * 4608u + i1_6 * 384u + i3_5 * 32u + i5_1)]) * arena[7818343u + (r1_9 * 18432u + i1_6 * 1536u + i2_6 * 768u + i3_5 * 64u + i4_2 * 32u + i5_1)];
      arena[10177639u + (r1_9 * 18432u + i1_6 * 1536u + i2_6 * 768u + i3_5 * 64u + i4_2 * 32u + i5_1)] = v0_19;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.grad.sum_axes012
    for (var o_6: u32 = lid.x; o_6 < 32u; o_6 += 256u) {
      var acc0_7: f32 = 0.0;
      for (var r_6: u32 = 0u; r_6 < rows * 576u; r_6++) {
        let r2_8: u32 = r_6 % 24u;
        let rr2_1: u32 = r_6 / 24u;
        let r1_10: u32 = rr2_1 % 24u;
        let rr1_3: u32 = rr2_1 / 24u;
        let x0_7: f32 = arena[10177639u + (rr1_3 * 18432u + r1_10 * 768u + r2_8 * 32u + o_6)];
        acc0_7 += x0_7;
      }
      let v0_20: f32 = acc0_7;
      arena[12536935u + o_6] = v0_20;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.grad.contract
    for (var e_14: u32 = lid.x; e_14 < 288u; e_14 += 256u) {
      let i3_6: u32 = e_14 % 32u;
      let r3_6: u32 = e_14 / 32u;
      let i1_7: u32 = r3_6 % 3u;
      let r1_11: u32 = r3_6 / 3u;
      var acc_7: f32 = 0.0;
      for (var k_7: u32 = 0u; k_7 < rows * 576u; k_7++) {
        let k2_3: u32 = k_7 % 24u;
        let kr2_3: u32 = k_7 / 24u;
        let k1_4: u32 = kr2_3 % 24u;
        let kr1_4: u32 = kr2_3 / 24u;
        acc_7 += arena[10177639u + (kr1_4 * 18432u + k1_4 * 768u + k2_3 * 32u + i3_6)] * arena[104483u + (kr1_4 * 784u + (k1_4 + r1_11) * 28u + (k2_3 + i1_7))];
      }
      let t6_3: f32 = arena[34831u + (r1_11 * 96u + i1_7 * 32u + i3_6)] + (acc_7 - arena[34831u + (r1_11 * 96u + i1_7 * 32u + i3_6)]) * 0.1;
      let t7_3: f32 = arena[35119u + (r1_11 * 96u + i1_7 * 32u + i3_6)] + (acc_7 * acc_7 - arena[35119u + (r1_11 * 96u + i1_7 * 32u + i3_6)]) * 0.001;
      let v0_21: f32 = t6_3;
      let v1_10: f32 = t7_3;
      let v2_5: f32 = arena[5u + (r1_11 * 96u + i1_7 * 32u + i3_6)] - t6_3 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_3) + 1e-7);
      arena[34831u + (r1_11 * 96u + i1_7 * 32u + i3_6)] = v0_21;
      arena[35119u + (r1_11 * 96u + i1_7 * 32u + i3_6)] = v1_10;
      arena[5u + (r1_11 * 96u + i1_7 * 32u + i3_6)] = v2_5;
    }
    storageBarrier();
    workgroupBarrier();
    // optimizer.update
    for (var e_15: u32 = lid.x; e_15 < 32u; e_15 += 256u) {
      let i_5: u32 = e_15 / 32u;
      let j_5: u32 = e_15 % 32u;
      let t5: f32 = arena[35407u + (i_5 * 32u + j_5)] + (arena[12536935u + (i_5 * 32u + j_5)] - arena[35407u + (i_5 * 32u + j_5)]) * 0.1;
      let t6_4: f32 = arena[35439u + (i_5 * 32u + j_5)] + (arena[12536935u + (i_5 * 32u + j_5)] * arena[12536935u + (i_5 * 32u + j_5)] - arena[35439u + (i_5 * 32u + j_5)]) * 0.001;
      let v0_22: f32 = t5;
      let v1_11: f32 = t6_4;
      let v2_6: f32 = arena[293u + (i_5 * 32u + j_5)] - t5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_4) + 1e-7);
      arena[35407u + (i_5 * 32u + j_5)] = v0_22;
      arena[35439u + (i_5 * 32u + j_5)] = v1_11;
      arena[293u + (i_5 * 32u + j_5)] = v2_6;
    }
    for (var e_16: u32 = lid.x; e_16 < 64u; e_16 += 256u) {
      let i_6: u32 = e_16 / 64u;
      let j_6: u32 = e_16 % 64u;
      let t5_1: f32 = arena[72335u + (i_6 * 64u + j_6)] + (arena[6638631u + (i_6 * 64u + j_6)] - arena[72335u + (i_6 * 64u + j_6)]) * 0.1;
      let t6_5: f32 = arena[72399u + (i_6 * 64u + j_6)] + (arena[6638631u + (i_6 * 64u + j_6)] * arena[6638631u + (i_6 * 64u + j_6)] - arena[72399u + (i_6 * 64u + j_6)]) * 0.001;
      let v0_23: f32 = t5_1;
      let v1_12: f32 = t6_5;
      let v2_7: f32 = arena[18757u + (i_6 * 64u + j_6)] - t5_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_5) + 1e-7);
      arena[72335u + (i_6 * 64u + j_6)] = v0_23;
      arena[72399u + (i_6 * 64u + j_6)] = v1_12;
      arena[18757u + (i_6 * 64u + j_6)] = v2_7;
    }
    storageBarrier();
    workgroupBarrier();
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

var<workgroup> partials: array<f32, 512>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // rescaling.mul
    for (var e: u32 = lid.x; e < rows * 784u; e += 256u) {
      let i2: u32 = e % 28u;
      let r2: u32 = e / 28u;
      let i1: u32 = r2 % 28u;
      let r1: u32 = r2 / 28u;
      let v0: f32 = features[permutation[offset + r1] * 784u + i1 * 28u + i2] * 0.003921569;
      arena[12536967u + (r1 * 784u + i1 * 28u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 18432u; e_1 += 256u) {
      let i3: u32 = e_1 % 32u;
      let r3: u32 = e_1 / 32u;
      let i2_1: u32 = r3 % 24u;
      let r2_1: u32 = r3 / 24u;
      let i1_1: u32 = r2_1 % 24u;
      let r1_1: u32 = r2_1 / 24u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 9u; k++) {
        let k1: u32 = k % 3u;
        let kr1: u32 = k / 3u;
        acc += arena[12536967u + (r1_1 * 784u + (i1_1 + kr1) * 28u + (i2_1 + k1))] * arena[5u + (kr1 * 96u + k1 * 32u + i3)];
      }
      let v0_1: f32 = max(acc + arena[293u + i3], 0.0);
      arena[12637319u + (r1_1 * 18432u + i1_1 * 768u + i2_1 * 32u + i3)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.max_axes24
    for (var o: u32 = lid.x; o < rows * 4608u; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 4u; r++) {
        let o3: u32 = o % 32u;
        let or3: u32 = o / 32u;
        let o2: u32 = or3 % 12u;
        let or2: u32 = or3 / 12u;
        let o1: u32 = or2 % 12u;
        let or1: u32 = or2 / 12u;
        let r1_2: u32 = r % 2u;
        let rr1: u32 = r / 2u;
        let x0: f32 = arena[12637319u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1_2) * 32u + o3)];
        acc0 = max(acc0, x0);
      }
      let o3_1: u32 = o % 32u;
      let or3_1: u32 = o / 32u;
      let o2_1: u32 = or3_1 % 12u;
      let or2_1: u32 = or3_1 / 12u;
      let o1_1: u32 = or2_1 % 12u;
      let or1_1: u32 = or2_1 / 12u;
      let v0_2: f32 = acc0;
      arena[14996615u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.contract
    for (var e_2: u32 = lid.x; e_2 < rows * 6400u; e_2 += 256u) {
      let i3_1: u32 = e_2 % 64u;
      let r3_1: u32 = e_2 / 64u;
      let i2_2: u32 = r3_1 % 10u;
      let r2_2: u32 = r3_1 / 10u;
      let i1_2: u32 = r2_2 % 10u;
      let r1_3: u32 = r2_2 / 10u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 288u; k_1++) {
        let k2: u32 = k_1 % 32u;
        let kr2: u32 = k_1 / 32u;
        let k1_1: u32 = kr2 % 3u;
        let kr1_1: u32 = kr2 / 3u;
        acc_1 += arena[14996615u + (r1_3 * 4608u + (i1_2 + kr1_1) * 384u + (i2_2 + k1_1) * 32u + k2)] * arena[325u + (kr1_1 * 6144u + k1_1 * 2048u + k2 * 64u + i3_1)];
      }
      let v0_3: f32 = max(acc_1 + arena[18757u + i3_1], 0.0);
      arena[15586439u + (r1_3 * 6400u + i1_2 * 640u + i2_2 * 64u + i3_1)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d_1.max_axes24
    for (var o_1: u32 = lid.x; o_1 < rows * 1600u; o_1 += 256u) {
      var acc0_1: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 4u; r_1++) {
        let o3_2: u32 = o_1 % 64u;
        let or3_2: u32 = o_1 / 64u;
        let o2_2: u32 = or3_2 % 5u;
        let or2_2: u32 = or3_2 / 5u;
        let o1_2: u32 = or2_2 % 5u;
        let or1_2: u32 = or2_2 / 5u;
        let r1_4: u32 = r_1 % 2u;
        let rr1_1: u32 = r_1 / 2u;
        let x0_1: f32 = arena[15586439u + (or1_2 * 6400u + (o1_2 * 2u + rr1_1) * 640u + (o2_2 * 2u + r1_4) * 64u + o3_2)];
        acc0_1 = max(acc0_1, x0_1);
      }
      let o3_3: u32 = o_1 % 64u;
      let or3_3: u32 = o_1 / 64u;
      let o2_3: u32 = or3_3 % 5u;
      let or2_3: u32 = or3_3 / 5u;
      let o1_3: u32 = or2_3 % 5u;
      let or1_3: u32 = or2_3 / 5u;
      let v0_4: f32 = acc0_1;
      arena[16405639u + (or1_3 * 1600u + o1_3 * 320u + o2_3 * 64u + o3_3)] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_3: u32 = lid.x; e_3 < rows * 10u; e_3 += 256u) {
      let i: u32 = e_3 / 10u;
      let j: u32 = e_3 % 10u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 1600u; k_2++) {
        acc_2 += arena[16405639u + (i * 1600u + k_2)] * arena[18821u + (k_2 * 10u + j)];
      }
      let v0_5: f32 = acc_2 + arena[34821u + j];
      arena[16610439u + (i * 10u + j)] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // loss.cce_logits.max
    for (var o_2: u32 = lid.x; o_2 < rows; o_2 += 256u) {
      var acc0_2: f32 = -3.40282346e+38;
      for (var r_2: u32 = 0u; r_2 < 10u; r_2++) {
        let x0_2: f32 = arena[16610439u + (o_2 * 10u + r_2)];
        acc0_2 = max(acc0_2, x0_2);
      }
      let v0_6: f32 = acc0_2;
      arena[16611847u + o_2] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // loss.cce_logits.sumexp
    for (var o_3: u32 = lid.x; o_3 < rows; o_3 += 256u) {
      var acc0_3: f32 = 0.0;
      var acc1: f32 = 0.0;
      var acc2: f32 = 0.0;
      var acc3: f32 = 0.0;
      var acc4: f32 = 0.0;
      var best3: f32 = -3.40282346e+38;
      var best4: f32 = -3.40282346e+38;
      for (var r_3: u32 = 0u; r_3 < 10u; r_3++) {
        let x0_3: f32 = exp(arena[16610439u + (o_3 * 10u + r_3)] - arena[16611847u + o_3]);
        acc0_3 += x0_3;
        let x1: f32 = labels[permutation[offset + o_3] * 10u + r_3] * arena[16610439u + (o_3 * 10u + r_3)];
        acc1 += x1;
        let x2: f32 = labels[permutation[offset + o_3] * 10u + r_3];
        acc2 += x2;
        let x3: f32 = labels[permutation[offset + o_3] * 10u + r_3];
        if (x3 > best3) {
          best3 = x3;
          acc3 = f32(r_3);
        }
        let x4: f32 = arena[16610439u + (o_3 * 10u + r_3)];
        if (x4 > best4) {
          best4 = x4;
          acc4 = f32(r_3);
        }
      }
      let v0_7: f32 = (arena[16611847u + o_3] + log(acc0_3)) * acc2 - acc1;
      let v1: f32 = select(0.0, 1.0, acc3 == acc4);
      arena[16611719u + o_3] = v0_7;
      arena[16611975u + o_3] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_4: f32 = 0.0;
    var acc1_1: f32 = 0.0;
    for (var e_4: u32 = lid.x; e_4 < rows; e_4 += 256u) {
      let x0_4: f32 = arena[16611719u + e_4];
      acc0_4 += x0_4;
      let x1_1: f32 = arena[16611975u + e_4];
      acc1_1 += x1_1;
    }
    partials[0u + lid.x] = acc0_4;
    partials[256u + lid.x] = acc1_1;
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
      let v0_8: f32 = arena[3u] + total0;
      let v1_1: f32 = arena[4u] + total1;
      arena[3u] = v0_8;
      arena[4u] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
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

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  for (var s: u32 = 0u; s < step.count; s++) {
    let offset: u32 = step.offset + s * step.batch;
    let rows: u32 = min(step.batch, step.total - offset);
    let t: u32 = step.step + s;
    // rescaling.mul
    for (var e: u32 = lid.x; e < rows * 784u; e += 256u) {
      let i2: u32 = e % 28u;
      let r2: u32 = e / 28u;
      let i1: u32 = r2 % 28u;
      let r1: u32 = r2 / 28u;
      let v0: f32 = features[permutation[offset + r1] * 784u + i1 * 28u + i2] * 0.003921569;
      arena[16612103u + (r1 * 784u + i1 * 28u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 18432u; e_1 += 256u) {
      let i3: u32 = e_1 % 32u;
      let r3: u32 = e_1 / 32u;
      let i2_1: u32 = r3 % 24u;
      let r2_1: u32 = r3 / 24u;
      let i1_1: u32 = r2_1 % 24u;
      let r1_1: u32 = r2_1 / 24u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 9u; k++) {
        let k1: u32 = k % 3u;
        let kr1: u32 = k / 3u;
        acc += arena[16612103u + (r1_1 * 784u + (i1_1 + kr1) * 28u + (i2_1 + k1))] * arena[5u + (kr1 * 96u + k1 * 32u + i3)];
      }
      let v0_1: f32 = max(acc + arena[293u + i3], 0.0);
      arena[16712455u + (r1_1 * 18432u + i1_1 * 768u + i2_1 * 32u + i3)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.max_axes24
    for (var o: u32 = lid.x; o < rows * 4608u; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 4u; r++) {
        let o3: u32 = o % 32u;
        let or3: u32 = o / 32u;
        let o2: u32 = or3 % 12u;
        let or2: u32 = or3 / 12u;
        let o1: u32 = or2 % 12u;
        let or1: u32 = or2 / 12u;
        let r1_2: u32 = r % 2u;
        let rr1: u32 = r / 2u;
        let x0: f32 = arena[16712455u + (or1 * 18432u + (o1 * 2u + rr1) * 768u + (o2 * 2u + r1_2) * 32u + o3)];
        acc0 = max(acc0, x0);
      }
      let o3_1: u32 = o % 32u;
      let or3_1: u32 = o / 32u;
      let o2_1: u32 = or3_1 % 12u;
      let or2_1: u32 = or3_1 / 12u;
      let o1_1: u32 = or2_1 % 12u;
      let or1_1: u32 = or2_1 / 12u;
      let v0_2: f32 = acc0;
      arena[19071751u + (or1_1 * 4608u + o1_1 * 384u + o2_1 * 32u + o3_1)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.contract
    for (var e_2: u32 = lid.x; e_2 < rows * 6400u; e_2 += 256u) {
      let i3_1: u32 = e_2 % 64u;
      let r3_1: u32 = e_2 / 64u;
      let i2_2: u32 = r3_1 % 10u;
      let r2_2: u32 = r3_1 / 10u;
      let i1_2: u32 = r2_2 % 10u;
      let r1_3: u32 = r2_2 / 10u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 288u; k_1++) {
        let k2: u32 = k_1 % 32u;
        let kr2: u32 = k_1 / 32u;
        let k1_1: u32 = kr2 % 3u;
        let kr1_1: u32 = kr2 / 3u;
        acc_1 += arena[19071751u + (r1_3 * 4608u + (i1_2 + kr1_1) * 384u + (i2_2 + k1_1) * 32u + k2)] * arena[325u + (kr1_1 * 6144u + k1_1 * 2048u + k2 * 64u + i3_1)];
      }
      let v0_3: f32 = max(acc_1 + arena[18757u + i3_1], 0.0);
      arena[19661575u + (r1_3 * 6400u + i1_2 * 640u + i2_2 * 64u + i3_1)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d_1.max_axes24
    for (var o_1: u32 = lid.x; o_1 < rows * 1600u; o_1 += 256u) {
      var acc0_1: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 4u; r_1++) {
        let o3_2: u32 = o_1 % 64u;
        let or3_2: u32 = o_1 / 64u;
        let o2_2: u32 = or3_2 % 5u;
        let or2_2: u32 = or3_2 / 5u;
        let o1_2: u32 = or2_2 % 5u;
        let or1_2: u32 = or2_2 / 5u;
        let r1_4: u32 = r_1 % 2u;
        let rr1_1: u32 = r_1 / 2u;
        let x0_1: f32 = arena[19661575u + (or1_2 * 6400u + (o1_2 * 2u + rr1_1) * 640u + (o2_2 * 2u + r1_4) * 64u + o3_2)];
        acc0_1 = max(acc0_1, x0_1);
      }
      let o3_3: u32 = o_1 % 64u;
      let or3_3: u32 = o_1 / 64u;
      let o2_3: u32 = or3_3 % 5u;
      let or2_3: u32 = or3_3 / 5u;
      let o1_3: u32 = or2_3 % 5u;
      let or1_3: u32 = or2_3 / 5u;
      let v0_4: f32 = acc0_1;
      arena[20480775u + (or1_3 * 1600u + o1_3 * 320u + o2_3 * 64u + o3_3)] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_3: u32 = lid.x; e_3 < rows * 10u; e_3 += 256u) {
      let i: u32 = e_3 / 10u;
      let j: u32 = e_3 % 10u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 1600u; k_2++) {
        acc_2 += arena[20480775u + (i * 1600u + k_2)] * arena[18821u + (k_2 * 10u + j)];
      }
      let v0_5: f32 = acc_2 + arena[34821u + j];
      arena[20685575u + (i * 10u + j)] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.max
    for (var o_2: u32 = lid.x; o_2 < rows; o_2 += 256u) {
      var acc0_2: f32 = -3.40282346e+38;
      for (var r_2: u32 = 0u; r_2 < 10u; r_2++) {
        let x0_2: f32 = arena[20685575u + (o_2 * 10u + r_2)];
        acc0_2 = max(acc0_2, x0_2);
      }
      let v0_6: f32 = acc0_2;
      arena[20686855u + o_2] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.sumexp
    for (var o_3: u32 = lid.x; o_3 < rows; o_3 += 256u) {
      var acc0_3: f32 = 0.0;
      for (var r_3: u32 = 0u; r_3 < 10u; r_3++) {
        let x0_3: f32 = exp(arena[20685575u + (o_3 * 10u + r_3)] - arena[20686855u + o_3]);
        acc0_3 += x0_3;
      }
      let v0_7: f32 = acc0_3;
      arena[20686983u + o_3] = v0_7;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax
    for (var e_4: u32 = lid.x; e_4 < rows * 10u; e_4 += 256u) {
      let i_1: u32 = e_4 / 10u;
      let j_1: u32 = e_4 % 10u;
      let v0_8: f32 = exp(arena[20685575u + (i_1 * 10u + j_1)] - arena[20686855u + i_1]) / arena[20686983u + i_1];
      output[(step.base + offset + i_1) * 10u + j_1] = v0_8;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
