import { daysBetween } from '../../dialogs/coaching/index.ts';
import type { MovementResponse } from '../../dialogs/coaching/index.ts';
import { progressFacts, type ProgressData } from './facts.ts';
import { defaultChartLabels, type ChartLabels } from './labels.ts';
import { fill } from '../wording/fill.ts';

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

/**
 * Drawn for a phone first: Web Chat and Teams show the picture about 340 px wide, so the chart is
 * 600 units wide and no text is smaller than 22 units (about 12 px on the phone). Three panels,
 * one idea each, stacked: pain over time with dates on the axis; what happened after each
 * session; the stages reached.
 */
export const chartWidth = 600;
/** Smallest type on the chart, in chart units. */
export const minFontSize = 22;

const margin = { left: 62, right: 22 };
const font = "font-family=\"DejaVu Sans, Arial, sans-serif\"";
const ink = '#1a1a1a';
const markerStyle: Record<MovementResponse, { shape: 'circle' | 'square'; fill: string; stroke: string }> = {
  centralized: { shape: 'circle', fill: '#c8e6c9', stroke: '#2e7d32' },
  local_only: { shape: 'circle', fill: '#e3f2fd', stroke: '#1565c0' },
  no_change: { shape: 'circle', fill: '#eeeeee', stroke: '#616161' },
  could_not: { shape: 'circle', fill: '#fff3e0', stroke: '#e65100' },
  peripheralized: { shape: 'square', fill: '#ffcdd2', stroke: '#c62828' },
};
/** The legend's order, best response first (the list itself: src/vocabulary MOVEMENT_RESPONSES). */
const RESPONSE_ORDER = ['centralized', 'local_only', 'no_change', 'could_not', 'peripheralized'] as const satisfies readonly MovementResponse[];

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** "2026-03-09" as "9 Mar" (the month names come from the labels). */
export function shortDate(date: string, months: string[]): string {
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})/.exec(date) ?? [];
  if (!month || !day) return date;
  return `${Number(day)} ${months[Number(month) - 1] ?? month}`;
}

/** Days between ticks: whole weeks, few enough that the dates never touch. */
function tickStep(days: number): number {
  const weeks = Math.ceil(days / 7);
  return 7 * Math.max(1, Math.ceil(weeks / 4));
}

export function renderProgressChart(data: ProgressData, labelOverrides: Partial<ChartLabels> = {}): Chart {
  const labels = { ...defaultChartLabels, ...labelOverrides };
  const days = Math.max(1, data.days);
  const left = margin.left;
  const right = chartWidth - margin.right;
  const x = (date: string) => left + (Math.min(days, Math.max(0, daysBetween(data.start, date))) / days) * (right - left);
  const title = fill(labels.title, { days });
  const alt = altText(data, labels);
  const parts: string[] = [];
  const text = (px: number, py: number, content: string, attrs = '', size = minFontSize) =>
    parts.push(`<text x="${px.toFixed(1)}" y="${py.toFixed(1)}" ${font} font-size="${Math.max(minFontSize, size)}" fill="${ink}" ${attrs}>${escapeXml(content)}</text>`);
  const heading = (py: number, content: string) => text(16, py, content, 'font-weight="bold"', 24);
  const divider = (py: number) => parts.push(`<line x1="0" x2="${chartWidth}" y1="${py}" y2="${py}" stroke="#bdbdbd" stroke-width="2"/>`);
  const dateTicks = (py: number) => {
    const step = tickStep(days);
    for (let day = 0; day <= days; day += step) {
      const px = left + (day / days) * (right - left);
      parts.push(`<line x1="${px.toFixed(1)}" x2="${px.toFixed(1)}" y1="${py}" y2="${py + 8}" stroke="${ink}" stroke-width="2"/>`);
      const anchor = day === 0 ? 'start' : px > right - 30 ? 'end' : 'middle';
      text(px, py + 32, shortDate(addDaysIso(data.start, day), labels.months), `class="date-tick" text-anchor="${anchor}"`);
    }
  };

  text(chartWidth / 2, 42, title, 'font-weight="bold" text-anchor="middle"', 28);

  // Panel 1: pain over time, numbers on the axis every 2 points, dates below.
  let top = 64;
  divider(top);
  heading(top + 34, labels.painAxis);
  const limb = [...(data.limb ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  // With a leg or arm line, a key for the two lines gets its own row under the heading.
  const plotTop = top + 64 + (limb.length ? 36 : 0);
  const plotBottom = plotTop + 200;
  const y = (score: number) => plotBottom - (Math.min(10, Math.max(0, score)) / 10) * (plotBottom - plotTop);
  for (let score = 0; score <= 10; score += 2) {
    parts.push(`<line x1="${left}" x2="${right}" y1="${y(score)}" y2="${y(score)}" stroke="#d0d0d0" stroke-width="1.5"/>`);
    text(left - 12, y(score) + 8, String(score), 'text-anchor="end"');
  }
  parts.push(`<line x1="${left}" x2="${right}" y1="${plotBottom}" y2="${plotBottom}" stroke="${ink}" stroke-width="2"/>`);
  dateTicks(plotBottom);
  const pain = [...data.pain].sort((a, b) => a.date.localeCompare(b.date));
  if (pain.length > 1)
    parts.push(`<polyline points="${pain.map((p) => `${x(p.date).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}" fill="none" stroke="#1f4e79" stroke-width="4" stroke-linejoin="round"/>`);
  pain.forEach((p, i) => {
    parts.push(`<circle class="pain-point" data-date="${p.date}" data-score="${p.score}" cx="${x(p.date).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="5" fill="#1f4e79"/>`);
    if (i === 0 || i === pain.length - 1) text(x(p.date), Math.max(plotTop - 6, y(p.score) - 14), String(p.score), `font-weight="bold" text-anchor="${i === 0 ? 'start' : 'end'}"`, 28);
  });
  if (pain.length === 0) text((left + right) / 2, (plotTop + plotBottom) / 2, labels.altNoPain, 'text-anchor="middle"');
  // Leg or arm score: a dashed line with square points, so it reads apart from pain without colour.
  if (limb.length) {
    if (limb.length > 1)
      parts.push(`<polyline class="limb-line" points="${limb.map((p) => `${x(p.date).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}" fill="none" stroke="#b35900" stroke-width="3.5" stroke-dasharray="10 6"/>`);
    for (const p of limb) parts.push(`<rect class="limb-point" data-date="${p.date}" data-score="${p.score}" x="${(x(p.date) - 5).toFixed(1)}" y="${(y(p.score) - 5).toFixed(1)}" width="10" height="10" fill="#b35900"/>`);
    const keyY = top + 70;
    parts.push(`<line x1="16" x2="48" y1="${keyY}" y2="${keyY}" stroke="#1f4e79" stroke-width="4"/>`);
    text(56, keyY + 8, labels.painLegend);
    parts.push(`<line x1="250" x2="282" y1="${keyY}" y2="${keyY}" stroke="#b35900" stroke-width="3.5" stroke-dasharray="10 6"/>`);
    text(290, keyY + 8, labels.limbLegend);
  }

  // Panel 2: after each session, a letter in a shape, in rows; the legend one meaning a line, with its count.
  top = plotBottom + 56;
  divider(top);
  heading(top + 34, labels.responsesRow);
  const perRow = 12;
  const cell = (right - left + 24) / perRow;
  const rowsTop = top + 74;
  data.responses.forEach((r, i) => {
    const row = Math.floor(i / perRow);
    const px = left - 12 + cell / 2 + (i % perRow) * cell;
    const py = rowsTop + row * 50;
    parts.push(`<g class="response" data-date="${r.date}" data-response="${r.response}">`);
    marker(px, py, r.response);
    parts.push('</g>');
  });
  const rows = Math.max(1, Math.ceil(data.responses.length / perRow));
  if (data.responses.length === 0) text(16, rowsTop + 8, labels.noSessions);
  let legendY = rowsTop + rows * 50 + 16;
  const counts = progressFacts(data).responseCounts as Record<MovementResponse, number>;
  for (const r of RESPONSE_ORDER) {
    marker(30, legendY, r);
    text(56, legendY + 8, labels.responseName[r]);
    text(right, legendY + 8, `${counts[r] ?? 0}×`, 'font-weight="bold" text-anchor="end"');
    legendY += 40;
  }

  // Panel 3: the stages reached, one a line with its date (the latest four).
  top = legendY + 8;
  divider(top);
  heading(top + 34, labels.stagesRow);
  const stages = [...data.stages].sort((a, b) => a.date.localeCompare(b.date));
  const shownStages = stages.slice(-4);
  let stageY = top + 72;
  if (shownStages.length === 0) {
    text(16, stageY, labels.noStage);
    stageY += 36;
  }
  for (const stage of shownStages) {
    parts.push(`<path class="stage" data-date="${stage.date}" d="M30 ${stageY - 22} l9 12 l-9 12 l-9 -12 z" fill="#6a1b9a"/>`);
    text(50, stageY - 2, `${shortDate(stage.date, labels.months)}: ${stage.label}`);
    stageY += 38;
  }
  const height = Math.ceil(stageY + 6);

  function marker(px: number, py: number, response: MovementResponse): void {
    const style = markerStyle[response];
    parts.push(
      style.shape === 'square'
        ? `<rect x="${(px - 15).toFixed(1)}" y="${py - 15}" width="30" height="30" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"/>`
        : `<circle cx="${px.toFixed(1)}" cy="${py}" r="16" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"/>`,
    );
    text(px, py + 8, labels.responseLetter[response], 'font-weight="bold" text-anchor="middle"');
  }

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${chartWidth}" height="${height}" viewBox="0 0 ${chartWidth} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<desc id="chart-desc">${escapeXml(alt)}</desc>`,
    `<rect width="${chartWidth}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width: chartWidth, height, title, alt };
}

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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
