// The page's side of relaxed SIMD (relaxed.ts): a browser has it or not; nothing to turn on.

export function enableRelaxedSimd(): void {}
