@group(0) @binding(0) var<storage, read> a: array<u32, 4>;
@group(0) @binding(1) var<storage, read_write> out: array<u32>;
@group(0) @binding(2) var<storage, read_write> fout: array<f32>;

var<workgroup> lanes: array<vec4<f32>, 4>;

@compute @workgroup_size(1, 1, 1)
fn main() {
  let a0: u32 = a[0u];
  let a1: u32 = a[1u];
  let a2: u32 = a[2u];
  let a3: u32 = a[3u];
  out[0u] = (a0 & a1) | a2;
  out[1u] = a0 - (a1 - a2);
  out[2u] = a0 / (a1 * (a2 + 1u));
  out[3u] = (a0 + a1) << (a2 & 31u);
  out[4u] = select(0u, 1u, a0 < a1 && (a2 > a3 || (a0 & 1u) == 0u));
  out[5u] = select(0u, 1u, ((a0 ^ a1) < a2));
  out[6u] = (a0 - a1) * (a2 + a3);
  out[7u] = min(max(a0, a1), select(a2, a3, (a0 <= a3)));
  let f: f32 = f32(a0);
  fout[0u] = -(-f);
  fout[1u] = f - -3.0;
  fout[2u] = f * -(f + 1.0);
  lanes[0u] = vec4<f32>(f, 1.0, vec2<f32>(f, 1e-7));
  fout[3u] = lanes[0u].w + lanes[0u].x * 16777216.0;
}
