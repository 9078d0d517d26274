// A folder of images as a dataset, as Keras' image_dataset_from_directory reads one: one subfolder
// per class (class names: the folder names, sorted; labels: their indices), the PNG and JPEG files
// in each (sorted by name; other files are skipped, as Keras skips them), each decoded, converted
// to the color mode's channels and resized to the size asked for. Pixel values stay 0-255.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile } from '../files.js';
import { CHANNELS, convertChannels, decodeImage, resizeBilinear, type ColorMode } from './image-decode.js';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** What is wrong with the folder or one of its images (the caller makes it a located diagnostic). */
export class ImageFolderError extends Error {
  constructor(
    message: string,
    /** The image file, when one file is the problem. */
    readonly file?: string,
  ) {
    super(message);
  }
}

export interface ImageFolder {
  rows: number;
  shape: [number, number, number];
  features: Float32Array;
  labels: Float32Array;
  classes: string[];
}

function sortedNames(path: string): string[] {
  return readdirSync(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads the folder; throws ImageFolderError, or the OS error for the folder itself. */
export function readImageFolder(path: string, size: [number, number], color: ColorMode): ImageFolder {
  const classes = sortedNames(path).filter((name) => !name.startsWith('.') && statSync(join(path, name)).isDirectory());
  if (classes.length === 0) throw new ImageFolderError('it has no subfolders: put the images of each class in a subfolder named after the class');
  const files: Array<{ file: string; label: number }> = [];
  classes.forEach((name, label) => {
    for (const file of sortedNames(join(path, name))) {
      if (IMAGE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext))) files.push({ file: join(path, name, file), label });
    }
  });
  if (files.length === 0) throw new ImageFolderError(`its class folders (${classes.slice(0, 5).join(', ')}${classes.length > 5 ? ', ...' : ''}) hold no .png, .jpg or .jpeg files`);
  const [height, width] = size;
  const channels = CHANNELS[color];
  const per = height * width * channels;
  const features = new Float32Array(files.length * per);
  const labels = new Float32Array(files.length);
  files.forEach(({ file, label }, i) => {
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(file);
    } catch (err) {
      throw new ImageFolderError(`cannot read it: ${(err as Error).message}`, file);
    }
    let pixels;
    try {
      pixels = decodeImage(bytes);
    } catch (err) {
      throw new ImageFolderError(`it is not a readable image: ${(err as Error).message}`, file);
    }
    if (pixels.width === 0 || pixels.height === 0) throw new ImageFolderError('it has no pixels', file);
    resizeBilinear(convertChannels(pixels, channels), height, width, features, i * per);
    labels[i] = label;
  });
  return { rows: files.length, shape: [height, width, channels], features, labels, classes };
}
