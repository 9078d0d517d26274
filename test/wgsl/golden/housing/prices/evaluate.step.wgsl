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
    // normalization.sqrt
    for (var e: u32 = lid.x; e < 13u; e += 256u) {
      let i: u32 = e / 13u;
      let j: u32 = e % 13u;
      let v0: f32 = max(sqrt(arena[20u + (i * 13u + j)]), 1e-7);
      arena[30255u + (i * 13u + j)] = v0;
    }
    storageBarrier();
    workgroupBarrier();
    // normalization.sub
    for (var e_1: u32 = lid.x; e_1 < rows * 13u; e_1 += 256u) {
      let i_1: u32 = e_1 / 13u;
      let j_1: u32 = e_1 % 13u;
      let v0_1: f32 = (features[permutation[offset + i_1] * 13u + j_1] - arena[7u + j_1]) / arena[30255u + j_1];
      arena[30268u + (i_1 * 13u + j_1)] = v0_1;
    }
    storageBarrier();
    workgroupBarrier();
    // dense.matmul
    for (var e_2: u32 = lid.x; e_2 < rows * 64u; e_2 += 256u) {
      let i_2: u32 = e_2 / 64u;
      let j_2: u32 = e_2 % 64u;
      var acc: f32 = 0.0;
      for (var k: u32 = 0u; k < 13u; k++) {
        acc += arena[30268u + (i_2 * 13u + k)] * arena[33u + (k * 64u + j_2)];
      }
      let v0_2: f32 = max(acc + arena[865u + j_2], 0.0);
      arena[30684u + (i_2 * 64u + j_2)] = v0_2;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_1.matmul
    for (var e_3: u32 = lid.x; e_3 < rows * 64u; e_3 += 256u) {
      let i_3: u32 = e_3 / 64u;
      let j_3: u32 = e_3 % 64u;
      var acc_1: f32 = 0.0;
      for (var k_1: u32 = 0u; k_1 < 64u; k_1++) {
        acc_1 += arena[30684u + (i_3 * 64u + k_1)] * arena[929u + (k_1 * 64u + j_3)];
      }
      let v0_3: f32 = max(acc_1 + arena[5025u + j_3], 0.0);
      arena[32732u + (i_3 * 64u + j_3)] = v0_3;
    }
    storageBarrier();
    workgroupBarrier();
    // dense_2.matmul
    for (var e_4: u32 = lid.x; e_4 < rows; e_4 += 256u) {
      var acc_2: f32 = 0.0;
      for (var k_2: u32 = 0u; k_2 < 64u; k_2++) {
        acc_2 += arena[32732u + (e_4 * 64u + k_2)] * arena[5089u + k_2];
      }
      let t2: f32 = acc_2 + arena[5153u] - labels[permutation[offset + e_4]];
      let v0_4: f32 = t2 * t2;
      let v1: f32 = abs(t2);
      arena[34780u + e_4] = v0_4;
      arena[34812u + e_4] = v1;
    }
    storageBarrier();
    workgroupBarrier();
    // accumulate.sum_all
    var acc0: f32 = 0.0;
    var acc1: f32 = 0.0;
    for (var e_5: u32 = lid.x; e_5 < rows; e_5 += 256u) {
      let x0: f32 = arena[34780u + e_5];
      acc0 += x0;
      let x1: f32 = arena[34812u + e_5];
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
      let v0_5: f32 = arena[5u] + total0;
      let v1_1: f32 = arena[6u] + total1;
      arena[5u] = v0_5;
      arena[6u] = v1_1;
    }
    storageBarrier();
    workgroupBarrier();
  }
}
