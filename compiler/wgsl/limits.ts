// The device limits the WGSL backend plans against, and the error it raises when a model does not
// fit them (the runtime turns it into NNC6004 naming the layer).

/** The limits the emitter plans against. */
export interface EmitLimits {
  maxComputeInvocationsPerWorkgroup: number;
  maxComputeWorkgroupSizeX: number;
  maxComputeWorkgroupSizeY: number;
  maxComputeWorkgroupStorageSize: number;
  maxComputeWorkgroupsPerDimension: number;
  maxStorageBufferBindingSize: number;
  maxStorageBuffersPerShaderStage: number;
  /**
   * Loop passes one invocation may take, all its loops together, before the driver ends them
   * silently (loops.ts): 65,535 on Mesa's llvmpipe and lavapipe, unbounded on other devices.
   */
  maxLoopPasses: number;
}

/**
 * WebGPU's guaranteed minimums (core): what `nnc build` plans for without a device. WebGPU sets no
 * loop limit; the runtime learns llvmpipe's from the device (runtime/webgpu/gpu.ts).
 */
export const DEFAULT_LIMITS: EmitLimits = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 134217728,
  maxStorageBuffersPerShaderStage: 8,
  maxLoopPasses: Number.POSITIVE_INFINITY,
};

/** A model too big for the device: names what does not fit. */
export class EmitLimitError extends Error {
  constructor(
    readonly layer: string,
    readonly limit: string,
    readonly needed: number,
    readonly available: number,
  ) {
    super(`${layer} needs ${needed} for ${limit}, but the device offers ${available}`);
  }
}

/** Invocations of a one-dimensional workgroup: 256 where the device allows. */
export function workgroupWidth(limits: EmitLimits): number {
  return Math.min(256, limits.maxComputeInvocationsPerWorkgroup, limits.maxComputeWorkgroupSizeX);
}

/** Invocations of a workgroup that keeps `slots` partial sums each in workgroup memory: a power of two that fits. */
export function reductionWidth(limits: EmitLimits, slots: number): number {
  let width = 1;
  while (width * 2 <= workgroupWidth(limits)) width *= 2;
  while (width > 1 && width * slots * 4 > limits.maxComputeWorkgroupStorageSize) width >>= 1;
  return width;
}
