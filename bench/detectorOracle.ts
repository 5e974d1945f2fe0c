/**
 * Byte-identical behaviour of the warning-sign detector after an engine change: runs this tree's
 * detector and a frozen copy of the tree before the change (the oracle, outside the repository)
 * on the same messages, and counts every difference of detect() and scan() (JSON equality:
 * flag, urgency, mention, matched, fromRecent, order). Speed work must end with 0 differences.
 *
 *   git archive <commit> | tar -x -C /tmp/oracle && ln -s "$PWD/node_modules" /tmp/oracle/
 *   ORACLE=/tmp/oracle npx tsx bench/detectorOracle.ts [generated-count]
 *
 * The messages: every text (with its `recent` and `known`) of the development corpus, the
 * vignettes and the probes, the speed benchmark's messages, and generated ones (corpus sentences
 * stitched together, shuffled words, misspelt words, emoji and accents, 20,000-character texts),
 * with earlier messages and known concepts drawn at random. The locked corpus is never read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { messages, random } from './detectorMessages.ts';

interface Case {
  text: string;
  recent?: string[];
  known?: string[];
}

interface Detector {
  detect(text: string, options?: { recent?: string[]; known?: readonly string[]; scan?: unknown }): unknown[];
  scan(text: string): { text: string; detections: unknown[] };
}

async function detectorAt(root: string): Promise<Detector> {
  const { loadContent } = await import(join(root, 'src/content/index.ts'));
  const { compileRedFlagDetector } = await import(join(root, 'src/nlu/index.ts'));
  const loaded = loadContent(join(root, 'content'));
  if (!loaded.content) throw new Error(loaded.problems.join('\n'));
  return compileRedFlagDetector(loaded.content.redFlags.list);
}

/** Every `text` (with `recent`, `known` beside it) anywhere in a YAML document. */
function casesIn(value: unknown, into: Case[]): void {
  if (Array.isArray(value)) for (const item of value) casesIn(item, into);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.text === 'string') {
      const recent = Array.isArray(record.recent) ? record.recent.filter((item): item is string => typeof item === 'string') : undefined;
      const known = Array.isArray(record.known) ? record.known.filter((item): item is string => typeof item === 'string') : undefined;
      into.push({ text: record.text, ...(recent ? { recent } : {}), ...(known ? { known } : {}) });
    }
    for (const item of Object.values(record)) if (item !== null && typeof item === 'object') casesIn(item, into);
  }
}

function yamlCases(root: string): Case[] {
  const files = [
    ...readdirSync(join(root, 'tests/nlu/corpus/dev')).map((name) => join(root, 'tests/nlu/corpus/dev', name)),
    join(root, 'tests/nlu/vignettes.yaml'),
    ...readdirSync(join(root, 'tests/nlu/probes')).map((name) => join(root, 'tests/nlu/probes', name)),
  ].filter((file) => file.endsWith('.yaml'));
  const cases: Case[] = [];
  for (const file of files) casesIn(parse(readFileSync(file, 'utf8')), cases);
  return cases;
}

const EXTRAS = ['😀', '🙂👍', 'café', 'naïve', 'Ærø', '’', '‘', '“quoted”', '—', '–', ' - ', '...', '!!', '?', ';', '\n', '38.5', '10/10', "can't", 'dont', "it's", "pee'd", '(', ')', ':', '#', '  '];
const KNOWN = ['after-surgery', 'cancer-history', 'topic', 'urination', 'numb'];

function generated(base: Case[], count: number, seed: number): Case[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const texts = base.map((entry) => entry.text);
  const words = texts.flatMap((text) => text.split(/\s+/)).filter((word) => word.length > 0);
  const misspell = (word: string): string => {
    if (word.length < 4) return word;
    const at = 1 + Math.floor(next() * (word.length - 1));
    const letter = String.fromCharCode(97 + Math.floor(next() * 26));
    switch (Math.floor(next() * 4)) {
      case 0: return word.slice(0, at) + word.slice(at + 1);
      case 1: return word.slice(0, at) + letter + word.slice(at);
      case 2: return word.slice(0, at) + letter + word.slice(at + 1);
      default: return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
    }
  };
  const cases: Case[] = [];
  for (let index = 0; index < count; index += 1) {
    const kind = index % 6;
    let text: string;
    if (kind === 0) text = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(texts)).join(pick([' ', '. ', ', ', ' and ', ' but ', '\n']));
    else if (kind === 1) text = Array.from({ length: 3 + Math.floor(next() * 25) }, () => pick(words)).join(' ');
    else if (kind === 2) text = pick(texts).split(' ').map((word) => (next() < 0.35 ? misspell(word) : word)).join(' ');
    else if (kind === 3) text = pick(texts).split(' ').map((word) => (next() < 0.2 ? `${word}${pick(EXTRAS)}` : next() < 0.1 ? word.toUpperCase() : word)).join(' ');
    else if (kind === 4) {
      text = '';
      const length = next() < 0.1 ? 20_000 : 200 + Math.floor(next() * 3000);
      while (text.length < length) text += `${pick(texts)}${pick(['. ', ', ', ' ', ' and '])}`;
    } else text = `${pick(texts)} ${pick(texts).split(' ').map(misspell).join(' ')}`;
    const recent = next() < 0.4 ? Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < 0.3 ? misspell(pick(texts)) : pick(texts))) : undefined;
    const known = next() < 0.1 ? [pick(KNOWN)] : undefined;
    cases.push({ text, ...(recent ? { recent } : {}), ...(known ? { known } : {}) });
  }
  return cases;
}

const oracleRoot = process.env.ORACLE;
if (oracleRoot === undefined) throw new Error('set ORACLE to the frozen copy of the tree before the change');
const here = resolve(import.meta.dirname, '..');
const [mine, oracle] = [await detectorAt(here), await detectorAt(resolve(oracleRoot))];
const base = yamlCases(here);
const bench = [...messages(60, 1000, 17), ...messages(60, 120, 23), ...messages(4, 20_000, 29)];
const benchRecent = messages(60, 120, 31);
const cases: Case[] = [
  ...base,
  ...bench.map((text, index) => ({ text, ...(index % 2 === 0 ? { recent: benchRecent.slice(index % 57, (index % 57) + 3) } : {}) })),
  ...generated(base, Number(process.argv[2] ?? 3000), 7),
];

let differences = 0;
let calls = 0;
const compare = (label: string, entry: Case, run: (detector: Detector) => unknown): void => {
  calls += 1;
  const [a, b] = [JSON.stringify(run(mine)), JSON.stringify(run(oracle))];
  if (a === b) return;
  differences += 1;
  if (differences <= 20) console.log(`DIFFERENCE (${label}) ${JSON.stringify(entry).slice(0, 300)}\n  now:    ${a.slice(0, 400)}\n  oracle: ${b.slice(0, 400)}`);
};
for (const entry of cases) {
  const options = { ...(entry.recent ? { recent: entry.recent } : {}), ...(entry.known ? { known: entry.known } : {}) };
  compare('detect', entry, (detector) => detector.detect(entry.text, options));
  compare('scan', entry, (detector) => detector.scan(entry.text));
  compare('detect after scan', entry, (detector) => detector.detect(entry.text, { ...options, scan: detector.scan(entry.text) }));
}
console.log(`${cases.length} messages (${base.length} from the corpus, vignettes and probes), ${calls} compared calls, ${differences} differences`);
process.exitCode = differences === 0 ? 0 : 1;
