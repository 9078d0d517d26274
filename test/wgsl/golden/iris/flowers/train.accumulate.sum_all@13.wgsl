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
  let offset: u32 = step.offset;
  let rows: u32 = step.rows;
  let t: u32 = step.step;
  var acc0: f32 = 0.0;
  var acc1: f32 = 0.0;
  for (var e: u32 = lid.x; e < rows; e += 256u) {
    let x0: f32 = arena[622u + e];
    acc0 += x0;
    let x1: f32 = arena[654u + e];
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
    let v0: f32 = arena[0u] + total0;
    let v1: f32 = select((1.0 - select(0.0, 1.0, (bitcast<u32>(total0) & 0x7f800000u) != 0x7f800000u)) * f32(t), arena[1u], arena[1u] != 0.0);
    let v2: f32 = arena[2u] + total1;
    arena[0u] = v0;
    arena[1u] = v1;
    arena[2u] = v2;
  }
}
