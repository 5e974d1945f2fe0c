/**
 * Micro-benchmarks of the pure core, in the benchmark's own process: one machine transition, the
 * warning-sign detector on a 1,000-character message, and the whole pure part of a turn.
 */
import { resolve } from 'node:path';
import { step, type StoredConversation } from '../dialogs/step.ts';
import { createCoachMachine } from '../dialogs/machine.ts';
import { buildCatalog, loadContent } from '../src/content/index.ts';
import { createNlu } from '../src/bot/nlu.ts';
import { render } from '../src/bot/render.ts';
import { eventsForMessage } from '../src/bot/understand.ts';
import { compileRedFlagDetector } from '../src/nlu/index.ts';
import type { Step } from './traffic.ts';

export interface MicroResult {
  name: string;
  /** Median over batches, microseconds of CPU per operation. */
  microseconds: number;
  operations: number;
}

/**
 * CPU time of this process (user + system) per operation, median over batches: on a shared machine
 * wall time also counts the moments another process had the core.
 */
function measure(name: string, fn: () => unknown, budgetMs = 600): MicroResult {
  for (let i = 0; i < 200; i++) fn(); // warm-up: let the JIT settle
  const batches: number[] = [];
  let operations = 0;
  const deadline = performance.now() + budgetMs;
  while (performance.now() < deadline || batches.length < 5) {
    const start = process.cpuUsage();
    for (let i = 0; i < 50; i++) fn();
    const used = process.cpuUsage(start);
    batches.push((used.user + used.system) / 50);
    operations += 50;
  }
  batches.sort((a, b) => a - b);
  return { name, microseconds: batches[batches.length >> 1]!, operations };
}

/** A 1,000-character message of ordinary words with no warning sign: the detector's common case. */
export function thousandCharacters(): string {
  const words =
    'my back has been stiff since Monday and the pain goes down into my left calf when I sit for a long time, walking helps a bit and ' +
    'the exercises from yesterday were fine although the second one made my back ache for an hour afterwards, I am sleeping better ';
  let text = '';
  while (text.length < 1000) text += words;
  return text.slice(0, 1000);
}

export function runMicro(script: Step[], contentDir = resolve(import.meta.dirname, '../content')): MicroResult[] {
  const loaded = loadContent(contentDir);
  if (!loaded.content) throw new Error(loaded.problems.join('\n'));
  const content = loaded.content;
  const machine = createCoachMachine(buildCatalog(content));
  const nlu = createNlu(content);
  const at = '2025-01-06T08:00:00.000Z';

  // Bring a conversation to the first warning-sign question of screening, through the real pure path.
  let stored: StoredConversation | null = step(machine, null, [{ type: 'START', at }]).conversation;
  const screeningAt = script.findIndex((s) => s.text === 'no');
  for (const s of script.slice(0, screeningAt)) {
    if (s.text === undefined) continue;
    stored = step(machine, stored, eventsForMessage({ text: s.text, at, maxLength: 4000 }, stored, content.conversation.questions, nlu)).conversation;
  }
  const midScreening = stored!;
  const answer = eventsForMessage({ text: 'no', at, maxLength: 4000 }, midScreening, content.conversation.questions, nlu);

  const detector = compileRedFlagDetector(content.redFlags.list);
  const long = thousandCharacters();
  const recent = ['lower back', 'down to my calf', 'just the left'];

  return [
    measure('machine: one transition (screening answer)', () => step(machine, midScreening, answer)),
    measure('detector: 1,000 characters, no recent messages', () => detector.detect(long)),
    measure('detector: 1,000 characters, 3 recent messages', () => detector.detect(long, { recent })),
    measure('pure turn: understand + transition + render ("no")', () => {
      const events = eventsForMessage({ text: 'no', at, maxLength: 4000 }, midScreening, content.conversation.questions, nlu);
      const result = step(machine, midScreening, events);
      return render(result.outputs, result.conversation.context, content);
    }),
  ];
}
