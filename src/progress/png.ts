import { createRequire } from 'node:module';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvgModule: ResvgModule | undefined;
/** Loaded at the first chart, not at start: a start needs no renderer, and loading it was ~30 ms of one. */
const loadResvg = (): ResvgModule => (resvgModule ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);

/**
 * SVG → PNG locally, for channels that show images but not SVG (Teams cards). Uses the fonts
 * installed on the machine (DejaVu Sans in our images); nothing is fetched over the network.
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new (loadResvg().Resvg)(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** Width and height from a PNG's IHDR chunk, to check what was produced. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || !signature.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
