// Images to pixels: PNG (fast-png) and JPEG (jpeg-js), both pure JavaScript from npm, decoded to
// 8-bit channels; converted to the channels asked for and resized as Keras'
// image_dataset_from_directory does (tf.image.resize, bilinear, half-pixel centers, no antialias).
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';

export type ColorMode = 'rgb' | 'grayscale' | 'rgba';

export const CHANNELS: Record<ColorMode, number> = { grayscale: 1, rgb: 3, rgba: 4 };

/** Decoded pixels: height x width x channels, row-major, values 0-255. */
export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/** The file's format by its first bytes (not its name), or null. */
export function imageFormat(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Decodes a PNG or JPEG file's bytes; throws an Error whose message says what is wrong. */
export function decodeImage(bytes: Uint8Array): Pixels {
  const format = imageFormat(bytes);
  if (format === 'png') {
    const png = decodePng(bytes);
    let data: Uint8Array;
    let channels = png.channels;
    if (png.palette) {
      // indexed colours: look each index up (with its transparency, if any)
      const alpha = png.transparency !== undefined;
      channels = alpha ? 4 : 3;
      data = new Uint8Array(png.width * png.height * channels);
      for (let i = 0; i < png.width * png.height; i++) {
        const index = png.data[i]!;
        const color = png.palette[index] ?? [0, 0, 0];
        for (let c = 0; c < 3; c++) data[i * channels + c] = color[c] ?? 0;
        if (alpha) data[i * channels + 3] = png.transparency![index] ?? 255;
      }
    } else if (png.depth === 16) {
      data = Uint8Array.from(png.data, (v) => v >> 8);
    } else if (png.depth < 8) {
      const scale = 255 / ((1 << png.depth) - 1);
      data = Uint8Array.from(png.data, (v) => Math.round(v * scale));
    } else {
      data = png.data instanceof Uint8Array ? png.data : Uint8Array.from(png.data);
    }
    return { width: png.width, height: png.height, channels, data };
  }
  if (format === 'jpeg') {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024 });
    const channels = image.data.length / (image.width * image.height);
    return { width: image.width, height: image.height, channels, data: image.data };
  }
  throw new Error('it is neither a PNG nor a JPEG file');
}

/** Pixels with `channels` channels: grayscale as ITU-R 601 luma (as tf.image.rgb_to_grayscale), alpha 255 where absent. */
export function convertChannels(p: Pixels, channels: number): Pixels {
  if (p.channels === channels) return p;
  const n = p.width * p.height;
  const out = new Uint8Array(n * channels);
  for (let i = 0; i < n; i++) {
    const at = i * p.channels;
    const gray = p.channels <= 2;
    const r = p.data[at]!;
    const g = gray ? r : p.data[at + 1]!;
    const b = gray ? r : p.data[at + 2]!;
    const a = p.channels === 2 ? p.data[at + 1]! : p.channels === 4 ? p.data[at + 3]! : 255;
    if (channels === 1) out[i] = Math.round(0.2989 * r + 0.587 * g + 0.114 * b);
    else {
      out[i * channels] = r;
      out[i * channels + 1] = g;
      out[i * channels + 2] = b;
      if (channels === 4) out[i * channels + 3] = a;
    }
  }
  return { width: p.width, height: p.height, channels, data: out };
}

/**
 * Bilinear resize to height x width into `out` (float32 at `offset`), as tf.image.resize with
 * half-pixel centers: the source of output pixel y is (y + 0.5) * H / height - 0.5, clamped.
 */
export function resizeBilinear(p: Pixels, height: number, width: number, out: Float32Array, offset: number): void {
  const c = p.channels;
  const sy = p.height / height;
  const sx = p.width / width;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(Math.floor(fy), p.height - 1);
    const y1 = Math.min(y0 + 1, p.height - 1);
    const dy = Math.min(fy - y0, 1);
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(Math.floor(fx), p.width - 1);
      const x1 = Math.min(x0 + 1, p.width - 1);
      const dx = Math.min(fx - x0, 1);
      for (let k = 0; k < c; k++) {
        const a = p.data[(y0 * p.width + x0) * c + k]!;
        const b = p.data[(y0 * p.width + x1) * c + k]!;
        const d = p.data[(y1 * p.width + x0) * c + k]!;
        const e = p.data[(y1 * p.width + x1) * c + k]!;
        const top = a + (b - a) * dx;
        const bottom = d + (e - d) * dx;
        out[offset + (y * width + x) * c + k] = top + (bottom - top) * dy;
      }
    }
  }
}
