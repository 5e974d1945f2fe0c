import { daysBetween } from '../../dialogs/coaching/index.ts';
import type { MovementResponse } from '../../dialogs/coaching/index.ts';
import { progressFacts, type ProgressData } from './facts.ts';
import { defaultChartLabels, fill, type ChartLabels } from './labels.ts';

/**
 * The weekly progress picture as a hand-made SVG: pain over days on top, the stage reached and
 * the answer after each session below. Every mark carries a number or letter as well as a
 * colour, so it reads in greyscale and for colour-blind people.
 */

export interface Chart {
  svg: string;
  width: number;
  height: number;
  title: string;
  /** The same content in words, for the image's alt text and screen readers. */
  alt: string;
}

export const chartWidth = 860;
export const chartHeight = 510;

const plot = { left: 70, right: chartWidth - 30, top: 70, bottom: 300 };
const font = "font-family=\"DejaVu Sans, Arial, sans-serif\"";
const ink = '#1a1a1a';
const markerStyle: Record<MovementResponse, { shape: 'circle' | 'square'; fill: string; stroke: string }> = {
  centralized: { shape: 'circle', fill: '#c8e6c9', stroke: '#2e7d32' },
  local_only: { shape: 'circle', fill: '#e3f2fd', stroke: '#1565c0' },
  no_change: { shape: 'circle', fill: '#eeeeee', stroke: '#616161' },
  could_not: { shape: 'circle', fill: '#fff3e0', stroke: '#e65100' },
  peripheralized: { shape: 'square', fill: '#ffcdd2', stroke: '#c62828' },
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function renderProgressChart(data: ProgressData, labelOverrides: Partial<ChartLabels> = {}): Chart {
  const labels = { ...defaultChartLabels, ...labelOverrides };
  const days = Math.max(1, data.days);
  const x = (date: string) => plot.left + (Math.min(days, Math.max(0, daysBetween(data.start, date))) / days) * (plot.right - plot.left);
  const y = (score: number) => plot.bottom - (Math.min(10, Math.max(0, score)) / 10) * (plot.bottom - plot.top);
  const title = fill(labels.title, { days });
  const alt = altText(data, labels);
  const parts: string[] = [];
  const text = (px: number, py: number, content: string, attrs = '') =>
    parts.push(`<text x="${px.toFixed(1)}" y="${py.toFixed(1)}" ${font} fill="${ink}" ${attrs}>${escapeXml(content)}</text>`);

  parts.push(`<rect width="${chartWidth}" height="${chartHeight}" fill="#ffffff"/>`);
  text(chartWidth / 2, 36, title, 'font-size="22" font-weight="bold" text-anchor="middle"');

  // Pain axis: gridlines every 2 points with their numbers.
  for (let score = 0; score <= 10; score += 2) {
    parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(score)}" y2="${y(score)}" stroke="#d0d0d0" stroke-width="1"/>`);
    text(plot.left - 10, y(score) + 5, String(score), 'font-size="14" text-anchor="end"');
  }
  text(22, (plot.top + plot.bottom) / 2, labels.painAxis, `font-size="14" text-anchor="middle" transform="rotate(-90 22 ${(plot.top + plot.bottom) / 2})"`);
  // Day axis: a tick per week.
  for (let day = 0; day <= days; day += 7) {
    const px = plot.left + (day / days) * (plot.right - plot.left);
    parts.push(`<line x1="${px}" x2="${px}" y1="${plot.bottom}" y2="${plot.bottom + 6}" stroke="${ink}"/>`);
    text(px, plot.bottom + 22, day === 0 ? labels.startTick : fill(labels.week, { n: day / 7 }), 'font-size="13" text-anchor="middle"');
  }
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${ink}" stroke-width="1.5"/>`);
  text((plot.left + plot.right) / 2, plot.bottom + 44, labels.dayAxis, 'font-size="14" text-anchor="middle"');

  // Stages reached: a dashed line through the pain plot and the stage name below it.
  const stages = [...data.stages].sort((a, b) => a.date.localeCompare(b.date));
  text(plot.left, 368, labels.stagesRow, 'font-size="14" font-weight="bold"');
  stages.forEach((stage, i) => {
    const px = x(stage.date);
    parts.push(`<line class="stage" data-date="${stage.date}" x1="${px}" x2="${px}" y1="${plot.top}" y2="${plot.bottom}" stroke="#6a1b9a" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    parts.push(`<path d="M${px} ${378} l6 8 l-6 8 l-6 -8 z" fill="#6a1b9a"/>`);
    // Alternate rows so neighbouring names do not overwrite each other.
    text(px + 10, 392 + (i % 2) * 16, stage.label, 'font-size="13"');
  });

  // Pain trend: line plus a dot and the number at the first and last reading.
  const pain = [...data.pain].sort((a, b) => a.date.localeCompare(b.date));
  if (pain.length > 1)
    parts.push(`<polyline points="${pain.map((p) => `${x(p.date).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}" fill="none" stroke="#1f4e79" stroke-width="3" stroke-linejoin="round"/>`);
  pain.forEach((p, i) => {
    parts.push(`<circle class="pain-point" data-date="${p.date}" data-score="${p.score}" cx="${x(p.date).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="4" fill="#1f4e79"/>`);
    if (i === 0 || i === pain.length - 1) text(x(p.date), y(p.score) - 12, String(p.score), 'font-size="16" font-weight="bold" text-anchor="middle"');
  });

  // Leg or arm score: a dashed line with square points, so it reads apart from pain without colour.
  const limb = [...(data.limb ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  if (limb.length) {
    if (limb.length > 1)
      parts.push(`<polyline class="limb-line" points="${limb.map((p) => `${x(p.date).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}" fill="none" stroke="#b35900" stroke-width="2.5" stroke-dasharray="8 5"/>`);
    for (const p of limb) parts.push(`<rect class="limb-point" data-date="${p.date}" data-score="${p.score}" x="${(x(p.date) - 4).toFixed(1)}" y="${(y(p.score) - 4).toFixed(1)}" width="8" height="8" fill="#b35900"/>`);
    // Key for the two lines, top right.
    parts.push(`<line x1="${plot.right - 250}" x2="${plot.right - 222}" y1="56" y2="56" stroke="#1f4e79" stroke-width="3"/>`);
    text(plot.right - 216, 61, labels.painLegend, 'font-size="13"');
    parts.push(`<line x1="${plot.right - 120}" x2="${plot.right - 92}" y1="56" y2="56" stroke="#b35900" stroke-width="2.5" stroke-dasharray="8 5"/>`);
    text(plot.right - 86, 61, labels.limbLegend, 'font-size="13"');
  }

  // One marker per session: a letter inside a shape.
  text(plot.left, 432, labels.responsesRow, 'font-size="14" font-weight="bold"');
  for (const r of data.responses) {
    parts.push(`<g class="response" data-date="${r.date}" data-response="${r.response}">`);
    marker(x(r.date), 454, r.response);
    parts.push('</g>');
  }
  // Legend: the same markers with their meaning. Widths are estimated from the text length,
  // since SVG has no flow layout.
  let legendX = plot.left + 8;
  for (const r of ['centralized', 'local_only', 'no_change', 'could_not', 'peripheralized'] as const) {
    marker(legendX, 488, r);
    text(legendX + 14, 493, labels.responseName[r], 'font-size="13"');
    legendX += 14 + labels.responseName[r].length * 7.4 + 26;
  }

  function marker(px: number, py: number, response: MovementResponse): void {
    const style = markerStyle[response];
    parts.push(
      style.shape === 'square'
        ? `<rect x="${(px - 8).toFixed(1)}" y="${py - 8}" width="16" height="16" fill="${style.fill}" stroke="${style.stroke}" stroke-width="2"/>`
        : `<circle cx="${px.toFixed(1)}" cy="${py}" r="8.5" fill="${style.fill}" stroke="${style.stroke}" stroke-width="2"/>`,
    );
    text(px, py + 4, labels.responseLetter[response], 'font-size="11" font-weight="bold" text-anchor="middle"');
  }

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${chartWidth}" height="${chartHeight}" viewBox="0 0 ${chartWidth} ${chartHeight}" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<desc id="chart-desc">${escapeXml(alt)}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width: chartWidth, height: chartHeight, title, alt };
}

function altText(data: ProgressData, labels: ChartLabels): string {
  const facts = progressFacts(data);
  const sentences = [
    facts.painFirst !== undefined && facts.painLast !== undefined
      ? fill(labels.altPain, { first: facts.painFirst, last: facts.painLast, days: facts.days })
      : labels.altNoPain,
  ];
  if (facts.sessions > 0) sentences.push(fill(labels.altResponses, { sessions: facts.sessions, ...facts.responseCounts }));
  if (facts.limbFirst !== undefined && facts.limbLast !== undefined) sentences.push(fill(labels.altLimb, { first: facts.limbFirst, last: facts.limbLast }));
  if (facts.lastStage) sentences.push(fill(labels.altStage, { stage: facts.lastStage }));
  return sentences.join(' ');
}
