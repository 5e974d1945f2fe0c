import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * Exercise pictures live in `<CONTENT_DIR>/pictures/` and are served at `/pictures/<file>`. A card
 * shows a picture only when its file exists, so a missing file never becomes a broken image.
 */
export interface PictureFolder {
  /** The path of an existing picture, or undefined. */
  path(file: string): string | undefined;
  /** The URL a card uses for a picture on a page served by this process, when the file exists. */
  url(file: string): string | undefined;
}

/** A safe file name: no folders, no dot files, a picture extension. */
export function isPictureName(file: string): boolean {
  return basename(file) === file && /^[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpe?g|gif|svg|webp)$/i.test(file);
}

/** The pictures of `<CONTENT_DIR>/pictures/` (made once at start, src/app.ts); no folder, no pictures. */
export function pictureFolder(dir: string | undefined): PictureFolder {
  const folder = dir ? resolve(dir) : undefined;
  function path(file: string): string | undefined {
    if (!folder || !isPictureName(file)) return undefined;
    const found = join(folder, file);
    try {
      return existsSync(found) && statSync(found).isFile() ? found : undefined;
    } catch {
      return undefined;
    }
  }
  return { path, url: (file) => (path(file) ? `/pictures/${encodeURIComponent(file)}` : undefined) };
}
