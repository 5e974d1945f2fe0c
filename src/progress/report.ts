import type { StoredEvent } from '../store/events.ts';
import type { Content } from '../content/index.ts';
import { sessionSummaries, type MovementResponse } from '../../dialogs/coaching/index.ts';
import { renderProgressChart } from './chart.ts';
import { svgToPng } from './png.ts';
import type { ProgressData } from './facts.ts';

export interface ProgressReport {
  text: string;
  image: { png: Buffer; alt: string; title: string };
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * The person's progress from the clinical log: pain trend, the worst answer of each session
 * and the stages reached, drawn as a chart with its alt text, plus the plain summary.
 */
export function progressReport(events: StoredEvent[], content: Content): ProgressReport {
  const pain = events.filter((e) => e.type === 'pain.score' && typeof e.data.score === 'number').map((e) => ({ date: day(e.at), score: e.data.score as number }));
  const answers = events
    .filter((e) => e.type === 'movement.response')
    .map((e) => ({ exerciseId: String(e.data.exerciseId), stageId: String(e.data.stageId), response: e.data.response as MovementResponse, sessionDate: day(e.at), at: e.at }));
  const responses = sessionSummaries(answers).map((session) => ({ date: session.sessionDate, response: session.response }));
  const stages = answers
    .filter((a) => a.response === 'centralized' || a.response === 'local_only')
    .map((a) => {
      const exercise = content.exercises.byId[a.exerciseId];
      return { date: a.sessionDate, label: exercise?.stages.find((s) => s.id === a.stageId)?.name ?? exercise?.name ?? a.stageId };
    });
  const dates = [...pain.map((p) => p.date), ...responses.map((r) => r.date)].sort();
  const start = dates[0] ?? day(new Date(0).toISOString());
  const last = dates.at(-1) ?? start;
  const days = Math.max(7, Math.round((Date.parse(last) - Date.parse(start)) / 86_400_000) + 1);
  const data: ProgressData = { start, days, pain, responses, stages };
  const chart = renderProgressChart(data);
  return { text: chart.alt, image: { png: svgToPng(chart.svg), alt: chart.alt, title: chart.title } };
}
