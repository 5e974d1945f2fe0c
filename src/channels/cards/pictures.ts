import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * Exercise pictures live in `<CONTENT_DIR>/pictures/` and are served at `/pictures/<file>`. A card
 * shows a picture only when its file exists, so a missing file never becomes a broken image.
 */
let pictureDir: string | undefined;

export function setPictureDir(dir: string | undefined): void {
  pictureDir = dir ? resolve(dir) : undefined;
}

export function getPictureDir(): string | undefined {
  return pictureDir;
}

/** A safe file name: no folders, no dot files, a picture extension. */
export function isPictureName(file: string): boolean {
  return basename(file) === file && /^[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpe?g|gif|svg|webp)$/i.test(file);
}

/** The path of an existing picture, or undefined. */
export function picturePath(file: string): string | undefined {
  if (!pictureDir || !isPictureName(file)) return undefined;
  const path = join(pictureDir, file);
  try {
    return existsSync(path) && statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The URL a card uses for a picture on a page served by this process, when the file exists. */
export function pictureUrl(file: string): string | undefined {
  return picturePath(file) ? `/pictures/${encodeURIComponent(file)}` : undefined;
}
