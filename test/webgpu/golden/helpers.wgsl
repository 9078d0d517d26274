@group(0) @binding(0) var<storage, read_write> data: array<f32>;
@group(0) @binding(1) var<storage, read_write> bits: array<u32>;

fn sigmoid(z: f32) -> f32 {
  return 1.0 / (1.0 + exp(-z));
}

fn relu(z: f32) -> f32 {
  return max(z, 0.0);
}

fn classify(v: f32) -> u32 {
  if (v < 0.0) {
    return 0u;
  } else if (v < 1.0) {
    return 1u;
  } else {
    return 2u;
  }
}

fn store(at: u32, value: f32) {
  if (at >= arrayLength(&data)) {
    return;
  }
  data[at] = value;
}

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i: u32 = gid.x;
  if (i >= arrayLength(&data)) {
    return;
  }
  let v: f32 = data[i];
  var n: u32;
  loop {
    if (n >= 4u || f32(n) > abs(v)) {
      break;
    }
    n += 1u;
  }
  var t: f32 = sigmoid(v) + relu(v - 0.5);
  t *= clamp(tanh(v), -1.0, 1.0);
  t = t + pow(abs(v), 1.5) * sqrt(abs(v));
  t = t - inverseSqrt(abs(v) + 1.0) * log(abs(v) + 1.0);
  t = t + (floor(v) - round(v));
  t = select(t, sign(v) * min(t, 3.0), n != 0u && !(v == 0.0));
  store(i, t);
  let word: u32 = bitcast<u32>(t) ^ (classify(v) << 30u);
  bits[i] = (word & 0x3fffffffu) | ~(word >> (n % 4u));
  let signed: i32 = bitcast<i32>(word);
  bits[i + 1u] = bitcast<u32>(-abs(signed));
}
