// The few WebAssembly JS-API types the interpreter uses. The project's TypeScript libs (ES2023,
// @types/node 20) do not declare `WebAssembly`, so it is reached through globalThis with these
// local types instead of augmenting the global scope.

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grows by `pages` of 64 KiB; returns the previous size in pages; throws RangeError when it cannot. */
  grow(pages: number): number;
}

export interface WasmModule {
  readonly __wasmModule?: never;
}

export interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

export const wasm: WasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Bytes per WebAssembly page. */
export const PAGE = 65536;
