/**
 * The vignettes' own disclosures told the way real messages carry them: after the answer to the question asked
 * ("6, ..."), after a "no" to something else ("No. ..."), played down first ("probably nothing but ..."), with an
 * apology, with the coaching news after them, typed in lower case without a stop, with the longest word misspelt,
 * or in text-speak. Each must still be referred at
 * its tier: a check that a warning sign does not hang on being the whole message, as in the vignettes.
 *
 *   npm run nlu:frames             the figure, and the rewrites lost by framing
 *   npm run nlu:frames -- --show   and each rewrite that lost its tier, with what was found
 *   npm run nlu:frames -- --dev    the development corpus's present disclosures instead of the vignettes
 *
 * A report, not a gate.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createBot } from '../tests/nlu/corpus/harness.ts';
import { loadCorpus } from '../tests/nlu/corpus/load.ts';

const bot = createBot();
const rank: Record<string, number> = { none: 0, soon: 1, urgent: 2, emergency: 3 };
type Disclosure = { expect: string; text: string; recent?: string[]; mention?: string; known?: string[] };
// States whose question the disclosure answers ("yes, both legs"): a sign only with the question asked, not framed alone
const ANSWERED_BY_STATE = new Set(['redFlagQuestion', 'checkInWarning', 'sides', 'reach', 'age', 'confirm']);
// `--dev`: the development corpus's present disclosures with no earlier messages and no profile, instead of the vignettes
// (never the locked part)
const fromDev = (): Disclosure[] =>
  loadCorpus({ parts: ['dev'] }).dev.flatMap((entry) =>
    entry.sign?.expect === 'refer' && entry.sign.tier && !entry.recent && !entry.profile && (entry.sign.how === undefined || entry.sign.how === 'present') && !ANSWERED_BY_STATE.has(entry.state) ? [{ expect: entry.sign.tier, text: entry.text }] : [],
  );
const disclosures: Disclosure[] = process.argv.includes('--dev') ? fromDev() : (parse(readFileSync(new URL('../tests/nlu/vignettes.yaml', import.meta.url), 'utf8')) as Disclosure[]);
const plain = (t: string) => t.toLowerCase().replace(/[.!?]+\s*$/, '').replace(/[.!?]/g, ',');
/** The longest word misspelt the commonest way, two letters in its middle swapped ("bladder" -> "bladedr"). */
function typo(t: string): string {
  const words = t.match(/[A-Za-z]{6,}/g);
  if (!words) return t;
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const at = Math.floor(longest.length / 2);
  const swapped = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
  return t.replace(longest, swapped);
}
const TEXT_SPEAK: Array<[RegExp, string]> = [[/\byou\b/gi, 'u'], [/\bare\b/gi, 'r'], [/\bbecause\b/gi, 'cos'], [/\byour\b/gi, 'ur'], [/\bnight\b/gi, 'nite'], [/\bplease\b/gi, 'pls'], [/\bbefore\b/gi, 'b4'], [/\bwith\b/gi, 'w'], [/\bthe\b/gi, 'da'], [/\bI'm\b/g, 'im'], [/\bdon't\b/gi, 'dont'], [/\bcan't\b/gi, 'cant'], [/\bthough\b/gi, 'tho']];
const textSpeak = (t: string) => TEXT_SPEAK.reduce((text, [from, to]) => text.replace(from, to), t.toLowerCase());
const frames: Array<[string, (t: string) => string]> = [
  ['misspelt', typo],
  ['text-speak', textSpeak],
  ['score first', (t) => `about a 6 today. ${t}`],
  ['no first', (t) => `No. ${t}`],
  ['no but', (t) => `no, but ${plain(t)}`],
  ['played down', (t) => `probably nothing but ${plain(t)}`],
  ['apology', (t) => `Sorry to bother you. ${t}`],
  ['news after', (t) => `${t.replace(/[.!?]*\s*$/, '')}. Anyway the exercises went ok today.`],
  ['lower case', (t) => plain(t).replace(/,/g, '')],
];
type Hit = ReturnType<typeof bot.nlu.redFlags>[number];
const best = (hits: Hit[]) => Math.max(0, ...hits.filter((h) => !h.mention || h.mention === 'present').map((h) => rank[h.urgency]!));
const tierOf = (text: string, known?: string[]) => best(bot.nlu.redFlags(text, [], undefined, known));
let total = 0;
let lost = 0;
const lostByFrame: Record<string, number> = {};
const show = process.argv.includes('--show');
for (const v of disclosures) {
  if (!(v.expect in rank) || v.expect === 'none' || v.recent || v.mention) continue;
  // only what is caught as written: the framing, not the disclosure itself, is what is measured
  if (tierOf(v.text, v.known) < rank[v.expect]!) continue;
  for (const [name, frame] of frames) {
    const text = frame(v.text);
    total += 1;
    const hits = bot.nlu.redFlags(text, [], undefined, v.known);
    if (best(hits) < rank[v.expect]!) {
      lost += 1;
      lostByFrame[name] = (lostByFrame[name] ?? 0) + 1;
      if (show) console.log(`${v.expect.padEnd(9)} ${name.padEnd(11)} ${hits.map((h) => `${h.flagId}:${h.urgency}${h.mention ? '(' + h.mention + ')' : ''}`).join(',') || '-'} | ${text}`);
    }
  }
}
console.log(`framed disclosures: ${total - lost}/${total} keep their tier; lost by frame`, lostByFrame);
