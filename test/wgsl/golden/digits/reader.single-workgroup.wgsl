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
    for (var e: u32 = lid.x; e < rows * 64u; e += 256u) {
      let i2: u32 = e % 8u;
      let r2: u32 = e / 8u;
      let i1: u32 = r2 % 8u;
      let r1: u32 = r2 / 8u;
      let v0: f32 = features[permutation[offset + r1] * 64u + i1 * 8u + i2] * 0.0625;
      arena[18275u + (r1 * 64u + i1 * 8u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 1024u; e_1 += 256u) {
      let i3: u32 = e_1 % 16u;
      let r3: u32 = e_1 / 16u;
      let i2_1: u32 = r3 % 8u;
      let r2_1: u32 = r3 / 8u;
      let i1_1: u32 = r2_1 % 8u;
      let r1_1: u32 = r2_1 / 8u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 9u; k++) {
        let k1: u32 = k % 3u;
        let kr1: u32 = k / 3u;
        acc += select(0.0, arena[18275u + (r1_1 * 64u + (i1_1 + kr1 - 1u) * 8u + (i2_1 + k1 - 1u))], i1_1 + kr1 - 1u < 8u && i2_1 + k1 - 1u < 8u) * arena[5u + (kr1 * 48u + k1 * 16u + i3)];
      }
      let t1: f32 = acc + arena[149u + i3];
      let v0_1: f32 = max(t1, 0.0);
      let v1: f32 = select(0.0, 1.0, t1 > 0.0);
      arena[20323u + (r1_1 * 1024u + i1_1 * 128u + i2_1 * 16u + i3)] = v0_1;
      arena[98951u + (r1_1 * 1024u + i1_1 * 128u + i2_1 * 16u + i3)] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.max_axes24
    for (var o: u32 = lid.x; o < rows * 256u; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      var acc1: f32 = 0.0;
      var best1: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 4u; r++) {
        let o3: u32 = o % 16u;
        let or3: u32 = o / 16u;
        let o2: u32 = or3 % 4u;
        let or2: u32 = or3 / 4u;
        let o1: u32 = or2 % 4u;
        let or1: u32 = or2 / 4u;
        let r1_2: u32 = r % 2u;
        let rr1: u32 = r / 2u;
        let x0: f32 = arena[20323u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1_2) * 16u + o3)];
        acc0 = max(acc0, x0);
        let x1: f32 = arena[20323u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1_2) * 16u + o3)];
        if (x1 > best1) {
          best1 = x1;
          acc1 = f32(r);
        }
      }
      let o3_1: u32 = o % 16u;
      let or3_1: u32 = o / 16u;
      let o2_1: u32 = or3_1 % 4u;
      let or2_1: u32 = or3_1 / 4u;
      let o1_1: u32 = or2_1 % 4u;
      let or1_1: u32 = or2_1 / 4u;
      let v0_2: f32 = acc0;
      let v1_1: f32 = acc1;
      arena[53091u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v0_2;
      arena[90759u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.contract
    for (var e_2: u32 = lid.x; e_2 < rows * 128u; e_2 += 256u) {
      let i3_1: u32 = e_2 % 32u;
      let r3_1: u32 = e_2 / 32u;
      let i2_2: u32 = r3_1 % 2u;
      let r2_2: u32 = r3_1 / 2u;
      let i1_2: u32 = r2_2 % 2u;
      let r1_3: u32 = r2_2 / 2u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 144u; k_1++) {
        let k2: u32 = k_1 % 16u;
        let kr2: u32 = k_1 / 16u;
        let k1_1: u32 = kr2 % 3u;
        let kr1_1: u32 = kr2 / 3u;
        acc_1 += arena[53091u + (r1_3 * 256u + (i1_2 + kr1_1) * 64u + (i2_2 + k1_1) * 16u + k2)] * arena[165u + (kr1_1 * 1536u + k1_1 * 512u + k2 * 32u + i3_1)];
      }
      let t1_1: f32 = acc_1 + arena[4773u + i3_1];
      let v0_3: f32 = max(t1_1, 0.0);
      let v1_2: f32 = select(0.0, 1.0, t1_1 > 0.0);
      arena[61283u + (r1_3 * 128u + i1_2 * 64u + i2_2 * 32u + i3_1)] = v0_3;
      arena[74339u + (r1_3 * 128u + i1_2 * 64u + i2_2 * 32u + i3_1)] = v1_2;
    }
    storageBarrier();
    workgroupBarrier();
    // dropout.random
    for (var e_3: u32 = lid.x; e_3 < rows * 128u; e_3 += 256u) {
      let i: u32 = e_3 / 128u;
      let j: u32 = e_3 % 128u;
      let t1_2: f32 = select(0.0, 1.0, rng_uniform(rng_mix32(step.seed ^ t), 3145733u, i * 128u + j) >= 0.25);
      let v0_4: f32 = t1_2;
      let v1_3: f32 = arena[61283u + (i * 128u + j)] * t1_2 * 1.3333334;
      arena[65379u + (i * 128u + j)] = v0_4;
      arena[69475u + (i * 128u + j)] = v1_3;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_4: u32 = lid.x; e_4 < rows * 10u; e_4 += 256u) {
      let i_1: u32 = e_4 / 10u;
      let j_1: u32 = e_4 % 10u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 128u; k_2++) {
        acc_2 += arena[69475u + (i_1 * 128u + k_2)] * arena[4805u + (k_2 * 10u + j_1)];
      }
      let v0_5: f32 = acc_2 + arena[6085u + j_1];
      arena[73571u + (i_1 * 10u + j_1)] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.max
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 10u; r_1++) {
        let x0_1: f32 = arena[73571u + (o_1 * 10u + r_1)];
        acc0_1 = max(acc0_1, x0_1);
      }
      let v0_6: f32 = acc0_1;
      arena[73891u + o_1] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.sumexp
    for (var o_2: u32 = lid.x; o_2 < rows; o_2 += 256u) {
      var acc0_2: f32 = 0.0;
      var acc1_1: f32 = 0.0;
      var acc2: f32 = 0.0;
      var acc3: f32 = 0.0;
      var best3: f32 = -3.40282346e+38;
      for (var r_2: u32 = 0u; r_2 < 10u; r_2++) {
        let x0_2: f32 = exp(arena[73571u + (o_2 * 10u + r_2)] - arena[73891u + o_2]);
        acc0_2 += x0_2;
        let x1_1: f32 = select(0.0, 1.0, f32(r_2) == labels[permutation[offset + o_2]]) * arena[73571u + (o_2 * 10u + r_2)];
        acc1_1 += x1_1;
        let x2: f32 = select(0.0, 1.0, f32(r_2) == labels[permutation[offset + o_2]]);
        acc2 += x2;
        let x3: f32 = arena[73571u + (o_2 * 10u + r_2)];
        if (x3 > best3) {
          best3 = x3;
          acc3 = f32(r_2);
        }
      }
      let v0_7: f32 = acc0_2;
      let v1_4: f32 = (arena[73891u + o_2] + log(acc0_2)) * acc2 - acc1_1;
      let v2: f32 = select(0.0, 1.0, labels[permutation[offset + o_2]] == acc3);
      arena[73923u + o_2] = v0_7;
      arena[73955u + o_2] = v1_4;
      arena[73987u + o_2] = v2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax
    for (var e_5: u32 = lid.x; e_5 < rows * 10u; e_5 += 256u) {
      let i_2: u32 = e_5 / 10u;
      let j_2: u32 = e_5 % 10u;
      let v0_8: f32 = 1.0 / f32(rows) * (exp(arena[73571u + (i_2 * 10u + j_2)] - arena[73891u + i_2]) / arena[73923u + i_2] - select(0.0, 1.0, f32(j_2) == labels[permutation[offset + i_2]]));
      arena[74019u + (i_2 * 10u + j_2)] = v0_8;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_3: f32 = 0.0;
    var acc1_2: f32 = 0.0;
    for (var e_6: u32 = lid.x; e_6 < rows; e_6 += 256u) {
      let x0_3: f32 = arena[73955u + e_6];
      acc0_3 += x0_3;
      let x1_2: f32 = arena[73987u + e_6];
      acc1_2 += x1_2;
    }
    partials[0u + lid.x] = acc0_3;
    partials[256u + lid.x] = acc1_2;
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
      let v0_9: f32 = arena[0u] + total0;
      let v1_5: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
      let v2_1: f32 = arena[2u] + total1;
      arena[0u] = v0_9;
      arena[1u] = v1_5;
      arena[2u] = v2_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.sum_rows
    for (var o_3: u32 = lid.x; o_3 < 10u; o_3 += 256u) {
      var acc0_4: f32 = 0.0;
      for (var r_3: u32 = 0u; r_3 < rows; r_3++) {
        let x0_4: f32 = arena[74019u + (r_3 * 10u + o_3)];
        acc0_4 += x0_4;
      }
      let t6: f32 = arena[18255u + o_3] + (acc0_4 - arena[18255u + o_3]) * 0.1;
      let t7: f32 = arena[18265u + o_3] + (acc0_4 * acc0_4 - arena[18265u + o_3]) * 0.001;
      let v0_10: f32 = t6;
      let v1_6: f32 = t7;
      let v2_2: f32 = arena[6085u + o_3] - t6 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7) + 1e-7);
      arena[18255u + o_3] = v0_10;
      arena[18265u + o_3] = v1_6;
      arena[6085u + o_3] = v2_2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul
    for (var e_7: u32 = lid.x; e_7 < rows * 128u; e_7 += 256u) {
      let i_3: u32 = e_7 / 128u;
      let j_3: u32 = e_7 % 128u;
      var acc_3: f32 = 0.0;
      for (var k_3: u32 = 0u; k_3 < 10u; k_3++) {
        acc_3 += arena[74019u + (i_3 * 10u + k_3)] * arena[4805u + (j_3 * 10u + k_3)];
      }
      let v0_11: f32 = acc_3 * 1.3333334 * arena[65379u + (i_3 * 128u + j_3)] * arena[74339u + (i_3 * 128u + j_3)];
      arena[78435u + (i_3 * 128u + j_3)] = v0_11;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.grad.matmul#1
    for (var e_8: u32 = lid.x; e_8 < 1280u; e_8 += 256u) {
      let i_4: u32 = e_8 / 10u;
      let j_4: u32 = e_8 % 10u;
      var acc_4: f32 = 0.0;
      for (var k_4: u32 = 0u; k_4 < rows; k_4++) {
        acc_4 += arena[69475u + (k_4 * 128u + i_4)] * arena[74019u + (k_4 * 10u + j_4)];
      }
      let t6_1: f32 = arena[15695u + (i_4 * 10u + j_4)] + (acc_4 - arena[15695u + (i_4 * 10u + j_4)]) * 0.1;
      let t7_1: f32 = arena[16975u + (i_4 * 10u + j_4)] + (acc_4 * acc_4 - arena[16975u + (i_4 * 10u + j_4)]) * 0.001;
      let v0_12: f32 = t6_1;
      let v1_7: f32 = t7_1;
      let v2_3: f32 = arena[4805u + (i_4 * 10u + j_4)] - t6_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_1) + 1e-7);
      arena[15695u + (i_4 * 10u + j_4)] = v0_12;
      arena[16975u + (i_4 * 10u + j_4)] = v1_7;
      arena[4805u + (i_4 * 10u + j_4)] = v2_3;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.grad.sum_axes012
    for (var o_4: u32 = lid.x; o_4 < 32u; o_4 += 256u) {
      var acc0_5: f32 = 0.0;
      for (var r_4: u32 = 0u; r_4 < rows * 4u; r_4++) {
        let r2_3: u32 = r_4 % 2u;
        let rr2: u32 = r_4 / 2u;
        let r1_4: u32 = rr2 % 2u;
        let rr1_1: u32 = rr2 / 2u;
        let x0_5: f32 = arena[78435u + (rr1_1 * 128u + r1_4 * 64u + r2_3 * 32u + o_4)];
        acc0_5 += x0_5;
      }
      let v0_13: f32 = acc0_5;
      arena[82531u + o_4] = v0_13;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.grad.contract
    for (var e_9: u32 = lid.x; e_9 < rows * 256u; e_9 += 256u) {
      let i3_2: u32 = e_9 % 16u;
      let r3_2: u32 = e_9 / 16u;
      let i2_3: u32 = r3_2 % 4u;
      let r2_4: u32 = r3_2 / 4u;
      let i1_3: u32 = r2_4 % 4u;
      let r1_5: u32 = r2_4 / 4u;
      var acc_5: f32 = 0.0;
      for (var k_5: u32 = 0u; k_5 < 288u; k_5++) {
        let k2_1: u32 = k_5 % 32u;
        let kr2_1: u32 = k_5 / 32u;
        let k1_2: u32 = kr2_1 % 3u;
        let kr1_2: u32 = kr2_1 / 3u;
        acc_5 += select(0.0, arena[78435u + (r1_5 * 128u + (i1_3 - kr1_2) * 64u + (i2_3 - k1_2) * 32u + k2_1)], i1_3 - kr1_2 < 2u && i2_3 - k1_2 < 2u) * arena[165u + (kr1_2 * 1536u + k1_2 * 512u + i3_2 * 32u + k2_1)];
      }
      let v0_14: f32 = acc_5;
      arena[82563u + (r1_5 * 256u + i1_3 * 64u + i2_3 * 16u + i3_2)] = v0_14;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.grad.contract#1
    for (var e_10: u32 = lid.x; e_10 < 4608u; e_10 += 256u) {
      let i3_3: u32 = e_10 % 32u;
      let r3_3: u32 = e_10 / 32u;
      let i2_4: u32 = r3_3 % 16u;
      let r2_5: u32 = r3_3 / 16u;
      let i1_4: u32 = r2_5 % 3u;
      let r1_6: u32 = r2_5 / 3u;
      var acc_6: f32 = 0.0;
      for (var k_6: u32 = 0u; k_6 < rows * 4u; k_6++) {
        let k2_2: u32 = k_6 % 2u;
        let kr2_2: u32 = k_6 / 2u;
        let k1_3: u32 = kr2_2 % 2u;
        let kr1_3: u32 = kr2_2 / 2u;
        acc_6 += arena[78435u + (kr1_3 * 128u + k1_3 * 64u + k2_2 * 32u + i3_3)] * arena[53091u + (kr1_3 * 256u + (k1_3 + r1_6) * 64u + (k2_2 + i1_4) * 16u + i2_4)];
      }
      let t6_2: f32 = arena[6415u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)] + (acc_6 - arena[6415u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)]) * 0.1;
      let t7_2: f32 = arena[11023u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)] + (acc_6 * acc_6 - arena[11023u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)]) * 0.001;
      let v0_15: f32 = t6_2;
      let v1_8: f32 = t7_2;
      let v2_4: f32 = arena[165u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)] - t6_2 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_2) + 1e-7);
      arena[6415u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)] = v0_15;
      arena[11023u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)] = v1_8;
      arena[165u + (r1_6 * 1536u + i1_4 * 512u + i2_4 * 32u + i3_3)] = v2_4;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.grad.position
    for (var e_11: u32 = lid.x; e_11 < 4u; e_11 += 256u) {
      let i4: u32 = e_11 % 2u;
      let r4: u32 = e_11 / 2u;
      let v0_16: f32 = f32(r4) * 2.0 + f32(i4);
      arena[90755u + (r4 * 2u + i4)] = v0_16;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.grad.eq
    for (var e_12: u32 = lid.x; e_12 < rows * 1024u; e_12 += 256u) {
      let i5: u32 = e_12 % 16u;
      let r5: u32 = e_12 / 16u;
      let i4_1: u32 = r5 % 2u;
      let r4_1: u32 = r5 / 2u;
      let i3_4: u32 = r4_1 % 4u;
      let r3_4: u32 = r4_1 / 4u;
      let i2_5: u32 = r3_4 % 2u;
      let r2_6: u32 = r3_4 / 2u;
      let i1_5: u32 = r2_6 % 4u;
      let r1_7: u32 = r2_6 / 4u;
      let v0_17: f32 = arena[82563u + (r1_7 * 256u + i1_5 * 64u + i3_4 * 16u + i5)] * select(0.0, 1.0, arena[90755u + (i2_5 * 2u + i4_1)] == arena[90759u + (r1_7 * 256u + i1_5 * 64u + i3_4 * 16u + i5)]) * arena[98951u + (r1_7 * 1024u + i1_5 * 256u + i2_5 * 128u + i3_4 * 32u + i4_1 * 16u + i5)];
      arena[131719u + (r1_7 * 1024u + i1_5 * 256u + i2_5 * 128u + i3_4 * 32u + i4_1 * 16u + i5)] = v0_17;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.grad.sum_axes012
    for (var o_5: u32 = lid.x; o_5 < 16u; o_5 += 256u) {
      var acc0_6: f32 = 0.0;
      for (var r_5: u32 = 0u; r_5 < rows * 64u; r_5++) {
        let r2_7: u32 = r_5 % 8u;
        let rr2_1: u32 = r_5 / 8u;
        let r1_8: u32 = rr2_1 % 8u;
        let rr1_2: u32 = rr2_1 / 8u;
        let x0_6: f32 = arena[131719u + (rr1_2 * 1024u + r1_8 * 128u + r2_7 * 16u + o_5)];
        acc0_6 += x0_6;
      }
      let v0_18: f32 = acc0_6;
      arena[164487u + o_5] = v0_18;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.grad.contract
    for (var e_13: u32 = lid.x; e_13 < 144u; e_13 += 256u) {
      let i3_5: u32 = e_13 % 16u;
      let r3_5: u32 = e_13 / 16u;
      let i1_6: u32 = r3_5 % 3u;
      let r1_9: u32 = r3_5 / 3u;
      var acc_7: f32 = 0.0;
      for (var k_7: u32 = 0u; k_7 < rows * 64u; k_7++) {
        let k2_3: u32 = k_7 % 8u;
        let kr2_3: u32 = k_7 / 8u;
        let k1_4: u32 = kr2_3 % 8u;
        let kr1_4: u32 = kr2_3 / 8u;
        acc_7 += arena[131719u + (kr1_4 * 1024u + k1_4 * 128u + k2_3 * 16u + i3_5)] * select(0.0, arena[18275u + (kr1_4 * 64u + (k1_4 + r1_9 - 1u) * 8u + (k2_3 + i1_6 - 1u))], k1_4 + r1_9 - 1u < 8u && k2_3 + i1_6 - 1u < 8u);
      }
      let t6_3: f32 = arena[6095u + (r1_9 * 48u + i1_6 * 16u + i3_5)] + (acc_7 - arena[6095u + (r1_9 * 48u + i1_6 * 16u + i3_5)]) * 0.1;
      let t7_3: f32 = arena[6239u + (r1_9 * 48u + i1_6 * 16u + i3_5)] + (acc_7 * acc_7 - arena[6239u + (r1_9 * 48u + i1_6 * 16u + i3_5)]) * 0.001;
      let v0_19: f32 = t6_3;
      let v1_9: f32 = t7_3;
      let v2_5: f32 = arena[5u + (r1_9 * 48u + i1_6 * 16u + i3_5)] - t6_3 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t7_3) + 1e-7);
      arena[6095u + (r1_9 * 48u + i1_6 * 16u + i3_5)] = v0_19;
      arena[6239u + (r1_9 * 48u + i1_6 * 16u + i3_5)] = v1_9;
      arena[5u + (r1_9 * 48u + i1_6 * 16u + i3_5)] = v2_5;
    }
    storageBarrier();
    workgroupBarrier();
    // optimizer.update
    for (var e_14: u32 = lid.x; e_14 < 16u; e_14 += 256u) {
      let i_5: u32 = e_14 / 16u;
      let j_5: u32 = e_14 % 16u;
      let t5: f32 = arena[6383u + (i_5 * 16u + j_5)] + (arena[164487u + (i_5 * 16u + j_5)] - arena[6383u + (i_5 * 16u + j_5)]) * 0.1;
      let t6_4: f32 = arena[6399u + (i_5 * 16u + j_5)] + (arena[164487u + (i_5 * 16u + j_5)] * arena[164487u + (i_5 * 16u + j_5)] - arena[6399u + (i_5 * 16u + j_5)]) * 0.001;
      let v0_20: f32 = t5;
      let v1_10: f32 = t6_4;
      let v2_6: f32 = arena[149u + (i_5 * 16u + j_5)] - t5 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_4) + 1e-7);
      arena[6383u + (i_5 * 16u + j_5)] = v0_20;
      arena[6399u + (i_5 * 16u + j_5)] = v1_10;
      arena[149u + (i_5 * 16u + j_5)] = v2_6;
    }
    for (var e_15: u32 = lid.x; e_15 < 32u; e_15 += 256u) {
      let i_6: u32 = e_15 / 32u;
      let j_6: u32 = e_15 % 32u;
      let t5_1: f32 = arena[15631u + (i_6 * 32u + j_6)] + (arena[82531u + (i_6 * 32u + j_6)] - arena[15631u + (i_6 * 32u + j_6)]) * 0.1;
      let t6_5: f32 = arena[15663u + (i_6 * 32u + j_6)] + (arena[82531u + (i_6 * 32u + j_6)] * arena[82531u + (i_6 * 32u + j_6)] - arena[15663u + (i_6 * 32u + j_6)]) * 0.001;
      let v0_21: f32 = t5_1;
      let v1_11: f32 = t6_5;
      let v2_7: f32 = arena[4773u + (i_6 * 32u + j_6)] - t5_1 * (0.001 * sqrt(1.0 - pow(0.999, f32(t))) / (1.0 - pow(0.9, f32(t)))) / (sqrt(t6_5) + 1e-7);
      arena[15631u + (i_6 * 32u + j_6)] = v0_21;
      arena[15663u + (i_6 * 32u + j_6)] = v1_11;
      arena[4773u + (i_6 * 32u + j_6)] = v2_7;
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
    for (var e: u32 = lid.x; e < rows * 64u; e += 256u) {
      let i2: u32 = e % 8u;
      let r2: u32 = e / 8u;
      let i1: u32 = r2 % 8u;
      let r1: u32 = r2 / 8u;
      let v0: f32 = features[permutation[offset + r1] * 64u + i1 * 8u + i2] * 0.0625;
      arena[164503u + (r1 * 64u + i1 * 8u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 1024u; e_1 += 256u) {
      let i3: u32 = e_1 % 16u;
      let r3: u32 = e_1 / 16u;
      let i2_1: u32 = r3 % 8u;
      let r2_1: u32 = r3 / 8u;
      let i1_1: u32 = r2_1 % 8u;
      let r1_1: u32 = r2_1 / 8u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 9u; k++) {
        let k1: u32 = k % 3u;
        let kr1: u32 = k / 3u;
        acc += select(0.0, arena[164503u + (r1_1 * 64u + (i1_1 + kr1 - 1u) * 8u + (i2_1 + k1 - 1u))], i1_1 + kr1 - 1u < 8u && i2_1 + k1 - 1u < 8u) * arena[5u + (kr1 * 48u + k1 * 16u + i3)];
      }
      let v0_1: f32 = max(acc + arena[149u + i3], 0.0);
      arena[166551u + (r1_1 * 1024u + i1_1 * 128u + i2_1 * 16u + i3)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.max_axes24
    for (var o: u32 = lid.x; o < rows * 256u; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 4u; r++) {
        let o3: u32 = o % 16u;
        let or3: u32 = o / 16u;
        let o2: u32 = or3 % 4u;
        let or2: u32 = or3 / 4u;
        let o1: u32 = or2 % 4u;
        let or1: u32 = or2 / 4u;
        let r1_2: u32 = r % 2u;
        let rr1: u32 = r / 2u;
        let x0: f32 = arena[166551u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1_2) * 16u + o3)];
        acc0 = max(acc0, x0);
      }
      let o3_1: u32 = o % 16u;
      let or3_1: u32 = o / 16u;
      let o2_1: u32 = or3_1 % 4u;
      let or2_1: u32 = or3_1 / 4u;
      let o1_1: u32 = or2_1 % 4u;
      let or1_1: u32 = or2_1 / 4u;
      let v0_2: f32 = acc0;
      arena[199319u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.contract
    for (var e_2: u32 = lid.x; e_2 < rows * 128u; e_2 += 256u) {
      let i3_1: u32 = e_2 % 32u;
      let r3_1: u32 = e_2 / 32u;
      let i2_2: u32 = r3_1 % 2u;
      let r2_2: u32 = r3_1 / 2u;
      let i1_2: u32 = r2_2 % 2u;
      let r1_3: u32 = r2_2 / 2u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 144u; k_1++) {
        let k2: u32 = k_1 % 16u;
        let kr2: u32 = k_1 / 16u;
        let k1_1: u32 = kr2 % 3u;
        let kr1_1: u32 = kr2 / 3u;
        acc_1 += arena[199319u + (r1_3 * 256u + (i1_2 + kr1_1) * 64u + (i2_2 + k1_1) * 16u + k2)] * arena[165u + (kr1_1 * 1536u + k1_1 * 512u + k2 * 32u + i3_1)];
      }
      let v0_3: f32 = max(acc_1 + arena[4773u + i3_1], 0.0);
      arena[207511u + (r1_3 * 128u + i1_2 * 64u + i2_2 * 32u + i3_1)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_3: u32 = lid.x; e_3 < rows * 10u; e_3 += 256u) {
      let i: u32 = e_3 / 10u;
      let j: u32 = e_3 % 10u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 128u; k_2++) {
        acc_2 += arena[207511u + (i * 128u + k_2)] * arena[4805u + (k_2 * 10u + j)];
      }
      let v0_4: f32 = acc_2 + arena[6085u + j];
      arena[211607u + (i * 10u + j)] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // loss.sparse_cce_logits.max
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 10u; r_1++) {
        let x0_1: f32 = arena[211607u + (o_1 * 10u + r_1)];
        acc0_1 = max(acc0_1, x0_1);
      }
      let v0_5: f32 = acc0_1;
      arena[211959u + o_1] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // loss.sparse_cce_logits.sumexp
    for (var o_2: u32 = lid.x; o_2 < rows; o_2 += 256u) {
      var acc0_2: f32 = 0.0;
      var acc1: f32 = 0.0;
      var acc2: f32 = 0.0;
      var acc3: f32 = 0.0;
      var best3: f32 = -3.40282346e+38;
      for (var r_2: u32 = 0u; r_2 < 10u; r_2++) {
        let x0_2: f32 = exp(arena[211607u + (o_2 * 10u + r_2)] - arena[211959u + o_2]);
        acc0_2 += x0_2;
        let x1: f32 = select(0.0, 1.0, f32(r_2) == labels[permutation[offset + o_2]]) * arena[211607u + (o_2 * 10u + r_2)];
        acc1 += x1;
        let x2: f32 = select(0.0, 1.0, f32(r_2) == labels[permutation[offset + o_2]]);
        acc2 += x2;
        let x3: f32 = arena[211607u + (o_2 * 10u + r_2)];
        if (x3 > best3) {
          best3 = x3;
          acc3 = f32(r_2);
        }
      }
      let v0_6: f32 = (arena[211959u + o_2] + log(acc0_2)) * acc2 - acc1;
      let v1: f32 = select(0.0, 1.0, labels[permutation[offset + o_2]] == acc3);
      arena[211927u + o_2] = v0_6;
      arena[211991u + o_2] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0_3: f32 = 0.0;
    var acc1_1: f32 = 0.0;
    for (var e_4: u32 = lid.x; e_4 < rows; e_4 += 256u) {
      let x0_3: f32 = arena[211927u + e_4];
      acc0_3 += x0_3;
      let x1_1: f32 = arena[211991u + e_4];
      acc1_1 += x1_1;
    }
    partials[0u + lid.x] = acc0_3;
    partials[256u + lid.x] = acc1_1;
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
      let v0_7: f32 = arena[3u] + total0;
      let v1_1: f32 = arena[4u] + total1;
      arena[3u] = v0_7;
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
    for (var e: u32 = lid.x; e < rows * 64u; e += 256u) {
      let i2: u32 = e % 8u;
      let r2: u32 = e / 8u;
      let i1: u32 = r2 % 8u;
      let r1: u32 = r2 / 8u;
      let v0: f32 = features[permutation[offset + r1] * 64u + i1 * 8u + i2] * 0.0625;
      arena[212023u + (r1 * 64u + i1 * 8u + i2)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d.contract
    for (var e_1: u32 = lid.x; e_1 < rows * 1024u; e_1 += 256u) {
      let i3: u32 = e_1 % 16u;
      let r3: u32 = e_1 / 16u;
      let i2_1: u32 = r3 % 8u;
      let r2_1: u32 = r3 / 8u;
      let i1_1: u32 = r2_1 % 8u;
      let r1_1: u32 = r2_1 / 8u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 9u; k++) {
        let k1: u32 = k % 3u;
        let kr1: u32 = k / 3u;
        acc += select(0.0, arena[212023u + (r1_1 * 64u + (i1_1 + kr1 - 1u) * 8u + (i2_1 + k1 - 1u))], i1_1 + kr1 - 1u < 8u && i2_1 + k1 - 1u < 8u) * arena[5u + (kr1 * 48u + k1 * 16u + i3)];
      }
      let v0_1: f32 = max(acc + arena[149u + i3], 0.0);
      arena[214071u + (r1_1 * 1024u + i1_1 * 128u + i2_1 * 16u + i3)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // max_pooling2d.max_axes24
    for (var o: u32 = lid.x; o < rows * 256u; o += 256u) {
      var acc0: f32 = -3.40282346e+38;
      for (var r: u32 = 0u; r < 4u; r++) {
        let o3: u32 = o % 16u;
        let or3: u32 = o / 16u;
        let o2: u32 = or3 % 4u;
        let or2: u32 = or3 / 4u;
        let o1: u32 = or2 % 4u;
        let or1: u32 = or2 / 4u;
        let r1_2: u32 = r % 2u;
        let rr1: u32 = r / 2u;
        let x0: f32 = arena[214071u + (or1 * 1024u + (o1 * 2u + rr1) * 128u + (o2 * 2u + r1_2) * 16u + o3)];
        acc0 = max(acc0, x0);
      }
      let o3_1: u32 = o % 16u;
      let or3_1: u32 = o / 16u;
      let o2_1: u32 = or3_1 % 4u;
      let or2_1: u32 = or3_1 / 4u;
      let o1_1: u32 = or2_1 % 4u;
      let or1_1: u32 = or2_1 / 4u;
      let v0_2: f32 = acc0;
      arena[246839u + (or1_1 * 256u + o1_1 * 64u + o2_1 * 16u + o3_1)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // conv2d_1.contract
    for (var e_2: u32 = lid.x; e_2 < rows * 128u; e_2 += 256u) {
      let i3_1: u32 = e_2 % 32u;
      let r3_1: u32 = e_2 / 32u;
      let i2_2: u32 = r3_1 % 2u;
      let r2_2: u32 = r3_1 / 2u;
      let i1_2: u32 = r2_2 % 2u;
      let r1_3: u32 = r2_2 / 2u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 144u; k_1++) {
        let k2: u32 = k_1 % 16u;
        let kr2: u32 = k_1 / 16u;
        let k1_1: u32 = kr2 % 3u;
        let kr1_1: u32 = kr2 / 3u;
        acc_1 += arena[246839u + (r1_3 * 256u + (i1_2 + kr1_1) * 64u + (i2_2 + k1_1) * 16u + k2)] * arena[165u + (kr1_1 * 1536u + k1_1 * 512u + k2 * 32u + i3_1)];
      }
      let v0_3: f32 = max(acc_1 + arena[4773u + i3_1], 0.0);
      arena[255031u + (r1_3 * 128u + i1_2 * 64u + i2_2 * 32u + i3_1)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_3: u32 = lid.x; e_3 < rows * 10u; e_3 += 256u) {
      let i: u32 = e_3 / 10u;
      let j: u32 = e_3 % 10u;
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 128u; k_2++) {
        acc_2 += arena[255031u + (i * 128u + k_2)] * arena[4805u + (k_2 * 10u + j)];
      }
      let v0_4: f32 = acc_2 + arena[6085u + j];
      arena[259127u + (i * 10u + j)] = v0_4;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.max
    for (var o_1: u32 = lid.x; o_1 < rows; o_1 += 256u) {
      var acc0_1: f32 = -3.40282346e+38;
      for (var r_1: u32 = 0u; r_1 < 10u; r_1++) {
        let x0_1: f32 = arena[259127u + (o_1 * 10u + r_1)];
        acc0_1 = max(acc0_1, x0_1);
      }
      let v0_5: f32 = acc0_1;
      arena[259447u + o_1] = v0_5;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax.sumexp
    for (var o_2: u32 = lid.x; o_2 < rows; o_2 += 256u) {
      var acc0_2: f32 = 0.0;
      for (var r_2: u32 = 0u; r_2 < 10u; r_2++) {
        let x0_2: f32 = exp(arena[259127u + (o_2 * 10u + r_2)] - arena[259447u + o_2]);
        acc0_2 += x0_2;
      }
      let v0_6: f32 = acc0_2;
      arena[259479u + o_2] = v0_6;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.softmax
    for (var e_4: u32 = lid.x; e_4 < rows * 10u; e_4 += 256u) {
      let i_1: u32 = e_4 / 10u;
      let j_1: u32 = e_4 % 10u;
      let v0_7: f32 = exp(arena[259127u + (i_1 * 10u + j_1)] - arena[259447u + i_1]) / arena[259479u + i_1];
      output[(step.base + offset + i_1) * 10u + j_1] = v0_7;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
