/**
 * `npm run bench:detector-ab -- <before-ref> [after-ref]`: one change's effect on the warning-sign
 * detector as a ratio. Both commits are exported side by side (git archive into a temporary
 * folder sharing this node_modules; after-ref defaults to the working tree), both detectors are
 * loaded into this one process, and batches of the same messages as bench/detector.ts alternate
 * A B A B ..., so the machine's drift (other processes on a shared CPU) hits both alike; the
 * median of the per-pair ratios is printed. One heap serves both sides, so a change that only
 * cuts garbage-collector work is understated here: measure that in separate processes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { messages } from './detectorMessages.ts';

const root = resolve(import.meta.dirname, '..');
const [before = 'HEAD', after] = process.argv.slice(2);
const seconds = Number(process.env.DETECTOR_AB_SECONDS ?? 5);

function exported(ref: string): { dir: string; remove: () => void } {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), `disc-coach-detector-ab-${commit}-`));
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: root, stdio: 'inherit' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Detector {
  detect(text: string, options?: { recent?: string[]; scan?: unknown }): unknown;
  scan(text: string): unknown;
}

/** As the bot reads a turn (src/bot/nlu.ts): the message scanned alone, then read with the three before it. */
const CONVERSATION = 'conversation';

async function detectorIn(dir: string): Promise<Detector> {
  const { loadContent } = await import(join(dir, 'src/content/index.ts'));
  const { compileRedFlagDetector } = await import(join(dir, 'src/nlu/index.ts'));
  const loaded = loadContent(join(dir, 'content'));
  if (!loaded.content) throw new Error(loaded.problems.join('\n'));
  return compileRedFlagDetector(loaded.content.redFlags.list);
}

/**
 * CPU µs per call over `count` calls, continuing through the texts from `next` (with the earlier
 * messages of bench/detector.ts when `recent`; as turns of one conversation with CONVERSATION).
 */
function batch(detector: Detector, texts: string[], next: { at: number }, count: number, recent?: string[] | typeof CONVERSATION): number {
  const start = process.cpuUsage();
  for (let k = 0; k < count; k += 1) {
    const turn = next.at++;
    const text = texts[turn % texts.length]!;
    if (recent === undefined) detector.detect(text);
    else if (recent === CONVERSATION) {
      const before = [3, 2, 1].map((back) => texts[(turn + texts.length - back) % texts.length]!);
      detector.detect(text, { recent: before, scan: detector.scan(text) });
    }
    else detector.detect(text, { recent: [recent[turn % recent.length]!, recent[(turn + 1) % recent.length]!, recent[(turn + 2) % recent.length]!] });
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;

const a = exported(before);
const b = after === undefined ? undefined : exported(after);
try {
  const detectors = { A: await detectorIn(a.dir), B: await detectorIn(b?.dir ?? root) };
  console.log(`# detector A/B: A = ${before}, B = ${after ?? 'working tree'}; ${seconds} s per case`);
  const cases: Array<[string, string[], number, (string[] | typeof CONVERSATION)?]> = [
    ['1,000 characters', messages(500, 1000, 17), 50],
    ['1,000 + 3 recent', messages(500, 1000, 17), 50, messages(500, 120, 31)],
    ['1,000, conversation', messages(500, 1000, 17), 50, CONVERSATION],
    ['120 characters', messages(500, 120, 23), 50],
    ['20,000 characters', messages(100, 20_000, 29), 5],
  ];
  for (const [name, texts, count, recent] of cases) {
    const characters = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
    const next = { A: { at: 0 }, B: { at: 0 } };
    for (let k = 0; k < 300 / count; k += 1) for (const side of ['A', 'B'] as const) batch(detectors[side], texts, next[side], count, recent); // warm-up
    const times = { A: [] as number[], B: [] as number[] };
    const ratios: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    while (performance.now() < deadline || ratios.length < 9) {
      // Which side goes first alternates: the second batch of a pair ran measurably faster (a same-tree run read B/A 0.96).
      const bFirst = ratios.length % 2 === 1;
      const early = bFirst ? batch(detectors.B, texts, next.B, count, recent) : batch(detectors.A, texts, next.A, count, recent);
      const late = bFirst ? batch(detectors.A, texts, next.A, count, recent) : batch(detectors.B, texts, next.B, count, recent);
      const [timeA, timeB] = bFirst ? [late, early] : [early, late];
      times.A.push(timeA);
      times.B.push(timeB);
      ratios.push(timeB / timeA);
    }
    const per1000 = (micros: number) => ((micros * 1000) / characters).toFixed(1).padStart(7);
    console.log(`  ${name.padEnd(18)} A ${per1000(median(times.A))}  B ${per1000(median(times.B))} µs per 1,000 characters   B/A ${median(ratios).toFixed(3)} (${ratios.length} pairs)`);
  }
} finally {
  a.remove();
  b?.remove();
}
