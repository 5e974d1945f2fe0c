import { Resvg } from '@resvg/resvg-js';

/**
 * The Teams icons, drawn as SVG and rendered to PNG: a stack of vertebrae with a disc between
 * each. Colour: white on the accent colour, 192×192. Outline: white on transparent, 32×32.
 */
function spine(fill: string, scale: number): string {
  const bones = [0, 1, 2, 3]
    .map((i) => `<rect x="${10 * scale}" y="${(3 + i * 7) * scale}" width="${12 * scale}" height="${5 * scale}" rx="${1.5 * scale}" fill="${fill}"/>`)
    .join('');
  const discs = [0, 1, 2]
    .map((i) => `<rect x="${12 * scale}" y="${(8.6 + i * 7) * scale}" width="${8 * scale}" height="${0.9 * scale}" rx="${0.45 * scale}" fill="${fill}" opacity="0.8"/>`)
    .join('');
  return bones + discs;
}

export const colorIconSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192"><rect width="192" height="192" fill="#0B5563"/>${spine('#FFFFFF', 6)}</svg>`;
export const outlineIconSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${spine('#FFFFFF', 1)}</svg>`;

export function renderIcon(svg: string): Uint8Array {
  return new Resvg(svg, { background: 'rgba(0,0,0,0)' }).render().asPng();
}
