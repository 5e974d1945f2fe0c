/**
 * How well the coach understands what people write, measured on the corpus (tests/nlu/corpus):
 * sensitivity per tier, the asked rate, false alarms, answer accuracy per kind and the
 * wrong-direction count, for the development part and the locked part separately.
 *
 *   npm run nlu:report                      both parts (the locked part: aggregate figures only)
 *   npm run nlu:report -- --dev             the development part only (while working)
 *   npm run nlu:report -- --dev --failures  and each failure of the development part
 *   npm run nlu:report -- --probe a.yaml …  probe files outside the corpus, with their failures
 *
 * A report, not a gate: the exit code is 0 whatever the figures.
 */
import { Harness, createBot, MESSAGE_DAY } from '../tests/nlu/corpus/harness.ts';
import { loadCorpus, loadProbeFiles } from '../tests/nlu/corpus/load.ts';
import { ANSWER_KINDS, TIERS, type Entry } from '../tests/nlu/corpus/schema.ts';
import { failureOf, judge, summarise, type Judgement, type Summary } from '../tests/nlu/corpus/score.ts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const probeFiles = args.has('--probe') ? argv.filter((arg) => !arg.startsWith('--')) : [];
const devOnly = args.has('--dev');
const listFailures = args.has('--failures');

const pct = (hit: number, of: number) => (of === 0 ? '   -  ' : `${((100 * hit) / of).toFixed(1).padStart(5)}%`);
const frac = (hit: number, of: number) => `${String(hit).padStart(4)}/${String(of).padEnd(4)} ${pct(hit, of)}`;

function print(title: string, summary: Summary): void {
  const lines: string[] = [`\n== ${title}: ${summary.entries} entries ==`, 'Warning signs (referred at the tier or higher, in the same turn)'];
  for (const tier of TIERS) lines.push(`  ${tier.padEnd(10)} ${frac(summary.sensitivity[tier].hit, summary.sensitivity[tier].of)}`);
  const missed = Object.entries(summary.missedByState).sort((a, b) => b[1] - a[1]);
  if (missed.length) {
    const how = summary.missedHow;
    lines.push(`  missed, by state: ${missed.map(([state, n]) => `${state} ${n}`).join(', ')}`);
    lines.push(`  missed, what the coach did instead: referred at a lower tier ${how.lowerTier}, asked the sign's question ${how.asked}, nothing ${how.nothing}`);
  }
  lines.push(`  right flag among those referred (entries naming ids): ${frac(summary.rightFlag.hit, summary.rightFlag.of)}`);
  const { asked } = summary;
  lines.push(`Asked first (hypothetical, resolved, vague, unclear whose): ${frac(asked.asked, asked.of)}; referred instead ${asked.referredInstead}, nothing at all ${asked.silent}`);
  const fa = summary.falseAlarms;
  lines.push(`False alarms on benign look-alikes: urgent or higher ${frac(fa.urgentOrHigher, fa.of)}; soon ${frac(fa.soon, fa.of)}; asked about a sign ${frac(fa.asked, fa.of)}`);
  lines.push('Answers            right      %   not understood  misread  wrong direction');
  let right = 0;
  let total = 0;
  for (const kind of ANSWER_KINDS) {
    const v = summary.answers[kind];
    const n = v.right + v.notUnderstood + v.misread + v.wrongDirection;
    if (n === 0) continue;
    right += v.right;
    total += n;
    lines.push(`  ${kind.padEnd(13)} ${frac(v.right, n)}   ${String(v.notUnderstood).padStart(5)}        ${String(v.misread).padStart(5)}    ${String(v.wrongDirection).padStart(5)}`);
  }
  lines.push(`  ${'all'.padEnd(13)} ${frac(right, total)}   wrong direction in all: ${summary.wrongDirection}`);
  const unreachable = Object.entries(summary.unreachable);
  if (unreachable.length) {
    lines.push('States the bot does not reach (warning signs measured at idle; answers counted as not understood):');
    for (const [state, u] of unreachable) lines.push(`  ${state}: ${u.entries} entries (${u.reason})`);
  }
  console.log(lines.join('\n'));
}

function judgeAll(harness: Harness, entries: Entry[]): Judgement[] {
  return entries.map((entry) => {
    const { observation, unreachable } = harness.run(entry);
    return judge(entry, observation, unreachable);
  });
}

/** Batches written after the first set, each by a hand that had not seen the rules. */
const BATCHES = [
  { name: '2026-12', test: /-2026-12-/ },
  { name: '2026-12b', test: /-2026-12b-/ },
  { name: '2026-12c', test: /-2026-12c-/ },
  { name: '2026-12d', test: /-2026-12d-/ },
  { name: '2026-12f', test: /-2026-12f-/ },
  { name: '2026-12g', test: /-2026-12g-/ },
  { name: '2026-12e', test: /-2026-12e-/ },
  { name: '2026-12h', test: /-2026-12h-/ },
  { name: '2026-12i', test: /-2026-12i-/ },
  { name: '2026-12j', test: /-2026-12j-/ },
  { name: '2026-12k', test: /-2026-12k-/ },
  { name: '2026-12l', test: /-2026-12l-/ },
];

function probe(): void {
  const harness = new Harness(createBot());
  const judged = judgeAll(harness, loadProbeFiles(probeFiles));
  print(`Probe files (${probeFiles.join(', ')})`, summarise(judged));
  console.log('\nFailures (id, state: expected -> got):');
  for (const j of judged) for (const failure of failureOf(j)) console.log(`  ${j.id}  ${j.state}${j.unreachable ? ' (state not reached)' : ''}: ${failure.expected} -> ${failure.got}`);
}

function main(): void {
  if (probeFiles.length) return probe();
  const started = Date.now();
  const corpus = loadCorpus({ parts: devOnly ? ['dev'] : ['dev', 'locked'] });
  const harness = new Harness(createBot());
  console.log(`Understanding report (issue 17): the coach as it is, end to end through the pure core; messages sent on ${MESSAGE_DAY}.`);

  const dev = judgeAll(harness, corpus.dev);
  print('Development part', summarise(dev));
  // The newest batch's development share apart: its figures before anyone learnt from it are the honest ones.
  const newest = BATCHES[BATCHES.length - 1]!;
  print(`Development part, the ${newest.name} batch only`, summarise(dev.filter((j) => newest.test.test(j.id))));
  if (listFailures) {
    console.log('\nFailures in the development part (id, state: expected -> got):');
    for (const j of dev) for (const failure of failureOf(j)) console.log(`  ${j.id}  ${j.state}${j.unreachable ? ' (state not reached)' : ''}: ${failure.expected} -> ${failure.got}`);
  }
  if (corpus.locked) {
    // Aggregate figures only: never a message or an id of the locked part.
    const locked = judgeAll(harness, corpus.locked);
    print('Locked test part', summarise(locked));
    // The same figures for the set each locked figure before 2026-12-01 was measured on, and for each
    // batch added since by a writer who had not seen the rules (ids carry their group's name).
    print('Locked, the first set (before the 2026-12 batches)', summarise(locked.filter((j) => !BATCHES.some((b) => b.test.test(j.id)))));
    for (const b of BATCHES) print(`Locked, the ${b.name} batch only`, summarise(locked.filter((j) => b.test.test(j.id))));
    console.log(`\nLocked part SHA-256 (of locked/SHA256SUMS): ${corpus.lockedSha256}`);
  }
  if (harness.guessedQuestions.size) console.log(`\nQuestions with no neutral answer in the harness table (answered "no", "none" or the first choice): ${[...harness.guessedQuestions].join(', ')}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
process.exitCode = 0;
