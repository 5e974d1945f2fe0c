/**
 * Speed of the warning-sign detector (issue 17: under 100 µs per 1,000 characters), in this
 * process, CPU time (user + system) per call, median over batches. The messages are all
 * different (sentences of everyday back-pain talk, some with a warning sign, shuffled by a
 * fixed seed), so that nothing the detector remembers between messages flatters the figure.
 *
 *   npm run bench:detector
 */
import { resolve } from 'node:path';
import { loadContent } from '../src/content/index.ts';
import { compileRedFlagDetector } from '../src/nlu/index.ts';
import { messages } from './detectorMessages.ts';

function measure(name: string, texts: string[], run: (text: string) => unknown): { name: string; microseconds: number; per1000: number } {
  let index = 0;
  const call = () => run(texts[index++ % texts.length]!);
  for (let i = 0; i < 300; i++) call(); // warm-up: let the JIT settle
  const batches: number[] = [];
  const deadline = performance.now() + 1500;
  while (performance.now() < deadline || batches.length < 7) {
    const start = process.cpuUsage();
    for (let i = 0; i < 50; i++) call();
    const used = process.cpuUsage(start);
    batches.push((used.user + used.system) / 50);
  }
  batches.sort((a, b) => a - b);
  const microseconds = batches[batches.length >> 1]!;
  const characters = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  return { name, microseconds, per1000: (microseconds * 1000) / characters };
}

const loaded = loadContent(resolve(import.meta.dirname, '../content'));
if (!loaded.content) throw new Error(loaded.problems.join('\n'));
const detector = compileRedFlagDetector(loaded.content.redFlags.list);

const thousand = messages(500, 1000, 17);
const short = messages(500, 120, 23);
// More distinct long messages than the detector keeps prepared (8), so none is measured from its cache.
const long = messages(100, 20_000, 29);
const recent = messages(500, 120, 31);
let turn = 0;
const results = [
  measure('1,000 characters, no recent messages', thousand, (text) => detector.detect(text)),
  measure('1,000 characters, 3 recent messages', thousand, (text) => {
    turn += 1;
    return detector.detect(text, { recent: [recent[turn % 500]!, recent[(turn + 1) % 500]!, recent[(turn + 2) % 500]!] });
  }),
  measure('120 characters (a typical message)', short, (text) => detector.detect(text)),
  measure('20,000 characters', long, (text) => detector.detect(text)),
];

console.log('Warning-sign detector, CPU per call (median of batches), distinct messages');
for (const result of results) {
  const verdict = result.per1000 <= 100 ? 'within' : 'OVER';
  console.log(`  ${result.name.padEnd(40)} ${result.microseconds.toFixed(1).padStart(8)} µs   ${result.per1000.toFixed(1).padStart(6)} µs per 1,000 characters (${verdict} the 100 µs budget)`);
}
