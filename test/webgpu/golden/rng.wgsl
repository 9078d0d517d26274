struct RngKey {
  seed: u32,
  stream: u32,
  count: u32,
  pad: u32,
}

@group(0) @binding(0) var<storage, read_write> draws: array<u32>;
@group(0) @binding(1) var<storage, read_write> uniforms: array<f32>;
@group(0) @binding(2) var<uniform> key: RngKey;

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
  let key_1: u32 = rng_mix32(seed ^ 0x9e3779b9u);
  let s: u32 = rng_mix32(key_1 ^ stream);
  return rng_mix32(rng_mix32(s ^ counter) + 0x6a09e667u);
}

fn rng_uniform(seed: u32, stream: u32, counter: u32) -> f32 {
  return f32(rng_u32(seed, stream, counter) >> 8u) * 5.9604645e-8;
}

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i: u32 = gid.x;
  if (i < key.count) {
    draws[i] = rng_u32(key.seed, key.stream, i);
    uniforms[i] = rng_uniform(key.seed, key.stream, i);
  }
}
