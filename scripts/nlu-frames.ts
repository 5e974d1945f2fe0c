/**
 * The vignettes' own disclosures told the way real messages carry them: after the answer to the question asked
 * ("6, ..."), after a "no" to something else ("No. ..."), played down first ("probably nothing but ..."), with an
 * apology, with the coaching news after them, or typed in lower case without a stop. Each must still be referred at
 * its tier: a check that a warning sign does not hang on being the whole message, as in the vignettes.
 *
 *   npm run nlu:frames             the figure, and the rewrites lost by framing
 *   npm run nlu:frames -- --show   and each rewrite that lost its tier, with what was found
 *
 * A report, not a gate.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createBot } from '../tests/nlu/corpus/harness.ts';

const bot = createBot();
const rank: Record<string, number> = { none: 0, soon: 1, urgent: 2, emergency: 3 };
const vignettes = parse(readFileSync(new URL('../tests/nlu/vignettes.yaml', import.meta.url), 'utf8')) as Array<{ expect: string; text: string; recent?: string[]; mention?: string; known?: string[] }>;
const plain = (t: string) => t.toLowerCase().replace(/[.!?]+\s*$/, '').replace(/[.!?]/g, ',');
const frames: Array<[string, (t: string) => string]> = [
  ['score first', (t) => `about a 6 today. ${t}`],
  ['no first', (t) => `No. ${t}`],
  ['no but', (t) => `no, but ${plain(t)}`],
  ['played down', (t) => `probably nothing but ${plain(t)}`],
  ['apology', (t) => `Sorry to bother you. ${t}`],
  ['news after', (t) => `${t.replace(/[.!?]*\s*$/, '')}. Anyway the exercises went ok today.`],
  ['lower case', (t) => plain(t).replace(/,/g, '')],
];
let total = 0;
let lost = 0;
const lostByFrame: Record<string, number> = {};
const show = process.argv.includes('--show');
for (const v of vignettes) {
  if (!(v.expect in rank) || v.expect === 'none' || v.recent || v.mention) continue;
  for (const [name, frame] of frames) {
    const text = frame(v.text);
    total += 1;
    const hits = bot.nlu.redFlags(text, [], undefined, v.known);
    const best = Math.max(0, ...hits.filter((h) => !h.mention || h.mention === 'present').map((h) => rank[h.urgency]!));
    if (best < rank[v.expect]!) {
      lost += 1;
      lostByFrame[name] = (lostByFrame[name] ?? 0) + 1;
      if (show) console.log(`${v.expect.padEnd(9)} ${name.padEnd(11)} ${hits.map((h) => `${h.flagId}:${h.urgency}${h.mention ? '(' + h.mention + ')' : ''}`).join(',') || '-'} | ${text}`);
    }
  }
}
console.log(`framed disclosures: ${total - lost}/${total} keep their tier; lost by frame`, lostByFrame);
