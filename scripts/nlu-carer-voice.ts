/**
 * The vignettes' own disclosures told in a carer's voice: each written in the first person is rewritten in the
 * third ("I can't feel when I wipe" -> "my husband says he can't feel when he wipes") under three framings, and
 * each must still be referred at its tier. A check that understanding does not hang on "I" and "my": a quarter of
 * real writers are carers. Mechanical English, so some rewrites read oddly ("he keep losings"); those are counted
 * too, as a carer's typing would be.
 *
 *   npm run nlu:carers             the figure, and the rewrites lost by framing
 *   npm run nlu:carers -- --show   and each rewrite that lost its tier, with what was found
 *
 * A report, not a gate.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createBot } from '../tests/nlu/corpus/harness.ts';
const bot = createBot();
const rank: Record<string, number> = { none: 0, soon: 1, urgent: 2, emergency: 3 };
const vignettes = parse(readFileSync(new URL('../tests/nlu/vignettes.yaml', import.meta.url), 'utf8')) as Array<{ expect: string; text: string; recent?: string[] }>;
const ADVERBS = new Set(['just', 'really', 'still', 'also', 'never', 'always', 'sometimes', 'often', 'only', 'actually', 'even', 'literally', 'suddenly', 'then', 'now', 'basically', 'honestly', 'definitely', 'probably', 'usually', 'genuinely', 'kinda', 'kind', 'sort', 'sorta', 'barely', 'hardly', 'keep']);
const AUX = new Set(['can', 'could', 'will', 'would', 'should', 'might', 'must', 'had', 'was', 'did', "can't", 'cant', "couldn't", "won't", "wouldn't", "didn't", 'didnt', "wasn't", 'cannot', 'may', 'has', 'is', 'does', "doesn't"]);
const VERB_FIX: Record<string, string> = { have: 'has', do: 'does', "don't": "doesn't", dont: 'doesnt', "haven't": "hasn't", havent: 'hasnt', were: 'was', am: 'is', "i'm": "he's", go: 'goes', try: 'tries' };
function third(text: string, he: string, his: string, him: string, himself: string): string {
  const words = text.split(/(\s+)/);
  let fixNext = false;
  return words.map((raw) => {
    if (/^\s+$/.test(raw)) return raw;
    const m = raw.match(/^([^A-Za-z']*)([A-Za-z']+)(.*)$/);
    if (!m) return raw;
    const [, pre, word, post] = m as unknown as [string, string, string, string];
    const lower = word.toLowerCase();
    let out = word;
    const wasFix = fixNext;
    fixNext = false;
    if (lower === 'i') { out = he; fixNext = true; }
    else if (lower === "i'm" || lower === 'im') out = `${he}'s`;
    else if (lower === "i've" || lower === 'ive') out = `${he}'s`;
    else if (lower === "i'd") out = `${he}'d`;
    else if (lower === "i'll") out = `${he}'ll`;
    else if (lower === 'my') out = his;
    else if (lower === 'mine') out = his;
    else if (lower === 'me') out = him;
    else if (lower === 'myself') out = himself;
    else if (wasFix) {
      if (ADVERBS.has(lower)) { fixNext = true; out = word; }
      else if (VERB_FIX[lower]) out = VERB_FIX[lower]!;
      else if (!AUX.has(lower) && /^[a-z]+$/.test(lower) && !lower.endsWith('ed')) out = /(s|sh|ch|x)$/.test(lower) ? `${word}es` : `${word}s`;
    }
    return pre + out + post;
  }).join('');
}
const frames: Array<[string, (t: string) => string]> = [
  ['husband', (t) => `my husband says ${third(t, 'he', 'his', 'him', 'himself')}`],
  ['wife', (t) => `Writing for my wife. ${third(t, 'she', 'her', 'her', 'herself')}`],
  ['dad', (t) => `its about my dad, ${third(t, 'he', 'his', 'him', 'himself')}`],
];
let total = 0; let lost = 0;
const lostByFrame: Record<string, number> = {};
const show = process.argv.includes('--show');
for (const v of vignettes) {
  if (!(v.expect in rank) || v.expect === 'none' || v.recent) continue;
  if (!/\b(i|my|me|i'm|im|i've|ive|myself)\b/i.test(v.text)) continue;
  for (const [name, frame] of frames) {
    const text = frame(v.text);
    total += 1;
    const hits = bot.nlu.redFlags(text, []);
    const best = Math.max(0, ...hits.filter((h) => !h.mention || h.mention === 'present').map((h) => rank[h.urgency]!));
    if (best < rank[v.expect]!) {
      lost += 1; lostByFrame[name] = (lostByFrame[name] ?? 0) + 1;
      if (show) console.log(`${v.expect.padEnd(9)} ${hits.map((h) => `${h.flagId}:${h.urgency}${h.mention ? '(' + h.mention + ')' : ''}`).join(',') || '-'} | ${text}`);
    }
  }
}
console.log(`carer rewrites: ${total - lost}/${total} keep their tier; lost by frame`, lostByFrame);
