struct Params {
  rows: u32,
  offset: u32,
  step: f32,
}

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;

var<workgroup> tile: array<f32, 256>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let i: u32 = gid.x + params.offset;
  if (i < params.rows) {
    y[i] = exp(x[i]) * 2.0;
    tile[lid.x] = y[i] * params.step;
  }
  workgroupBarrier();
  storageBarrier();
  var acc: f32;
  for (var k: u32 = 0u; k < 64u; k++) {
    acc += tile[k];
  }
  if (lid.x == 0u) {
    y[arrayLength(&y) - 1u] = acc;
  } else {
    // other invocations only read
  }
}
