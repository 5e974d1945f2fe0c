/**
 * A 0-10 score in the person's words: "6", "6/10", "six", "sevn", "about a 7", "5-6",
 * "between 4 and 5", "eight, maybe more". The rules are written for clinicians in
 * content/lexicon/scores.yaml; in short: a range records its higher number (approximate), a
 * number with a unit is not a score, the score said for now beats one said for the past, a
 * number inside a question back is not a score, and "nothing eases it" is not pain 0.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { mentions } from '../phraseSet.ts';
import { prepareText } from '../preparedText.ts';
import { compileAnswers, isScoreUnit } from './compiled.ts';
import { readNumbers, type NumberMention } from './numbers.ts';
import { readWords, type Word } from './words.ts';

export interface ScoreAnswer {
  score: number;
  /** Said roughly ("about 6", "6ish") or as a range. */
  approximate: boolean;
  /** Said as a range ("5-6"): the higher number was taken. */
  range: boolean;
}

const RANGE_JOINERS = new Set(['-', '\u2013', '\u2014', 'to', 'or', '~']);
/** At most this many joining or hedging words between the two numbers of a range ("7 or maybe 8"). */
const MAX_RANGE_GAP = 3;
const OUT_OF = [['/'], ['out', 'of'], ['outta'], ['from']];
const PAST = new Set(['was', 'were', 'yesterday', 'earlier', 'before', 'used', 'last', 'had', 'been', 'ago']);
const NOW = new Set(['now', 'today', 'currently', 'moment', 'tonight', 'is', 'am']);
const QUESTION_STARTS = new Set(['how', 'what', 'why', 'when', 'where', 'who', 'which', 'is', 'are', 'does', 'do', 'can', 'could', 'should', 'would', 'will', 'if']);

interface Candidate {
  value: number;
  approximate: boolean;
  range: boolean;
  clause: number;
  /** -1 said for the past, 1 for now, 0 not said. */
  time: number;
}

const toScore = (value: number) => Math.floor(value + 0.5);
const inScale = (value: number) => Number.isFinite(value) && value >= 0 && value <= 10;

function followsAt(words: Word[], index: number, sequence: string[]): boolean {
  return sequence.every((word, offset) => words[index + offset]?.text === word);
}

/** The time word of the clause nearest to the number: said for now (1), for the past (-1), or neither (0). */
function timeAt(words: Word[], at: number): number {
  const clause = words[at]?.clause;
  let best = { distance: Infinity, time: 0 };
  words.forEach((word, index) => {
    if (word.clause !== clause) return;
    const time = NOW.has(word.text) ? 1 : PAST.has(word.text) ? -1 : 0;
    const distance = Math.abs(index - at);
    if (time !== 0 && distance < best.distance) best = { distance, time };
  });
  return best.time;
}

/** The sentence asks something back ("is 10 the worst?"): its numbers are not an answer. */
function askedBack(words: Word[], at: number): boolean {
  const word = words[at];
  if (!word?.inQuestion) return false;
  const first = words.find((w) => w.sentence === word.sentence);
  return first !== undefined && QUESTION_STARTS.has(first.text);
}

/** Words that may stand around a score said alone ("I'd say a for", "about ate"). */
const SLOT_WORDS = new Set(['sort', 'of', 'kind', 'leg', 'arm', 'back', 'neck', 'feels', 'pain', 'score', 'level', 'my', 'a', 'an', 'about', 'around', 'maybe', 'like', 'i', 'd', 'would', 'say', 'its', 'it', 'is', 'probably', 'roughly', 'prob', 'ish', 'today', 'now', 'right', 'at', 'the', 'moment', 'id', 'ok', 'so', 'um', 'erm']);

/**
 * A word that sounds like a number ("for", "ate") read as it where a score stands: the whole
 * answer, or right before "out of" / "/". Everywhere else it keeps its everyday sense.
 */
function scoreSoundsRead(words: Word[], allSounds: Readonly<Record<string, number>>, numberNames: ReadonlyMap<number, string>, afterA: Readonly<Record<string, number>> = {}): Word[] {
  const sounds = { ...allSounds, ...afterA };
  const counts = (index: number) => Object.hasOwn(allSounds, words[index]!.text) || (Object.hasOwn(afterA, words[index]!.text) && words[index - 1]?.text === 'a');
  const at = words.flatMap((word, index) => (Object.hasOwn(sounds, word.text) && counts(index) ? [index] : []));
  if (at.length === 0) return words;
  // Alone in its sentence: "pain is a sex. Also my foot drags" is a six.
  const alone = (index: number) => at.filter((i) => words[i]!.sentence === words[index]!.sentence).length === 1 && words.every((word, i) => i === index || word.sentence !== words[index]!.sentence || SLOT_WORDS.has(word.text));
  return words.map((word, index) => {
    if (!at.includes(index)) return word;
    const beforeOutOf = OUT_OF.some((sequence) => followsAt(words, index + 1, sequence));
    const name = numberNames.get(sounds[word.text]!);
    return (alone(index) || beforeOutOf) && name ? { ...word, text: name } : word;
  });
}

export function parseScoreAnswer(text: string, lexicon: Lexicon): ScoreAnswer | undefined {
  const compiled = compileAnswers(lexicon);
  const prepared = prepareText(text);
  const { numbers: numberLexicon } = lexicon.answers;
  const numberNames = new Map(Object.entries({ ...numberLexicon.units, ...numberLexicon.teens }).map(([name, value]) => [value, name] as const));
  const words = scoreSoundsRead(readWords(text, compiled.textSpeak).words, numberLexicon.scoreSounds, numberNames, numberLexicon.scoreSoundsAfterA);
  // "the one leg", "the other one", "one side": "one" that points at a thing is no score.
  const { before: oneBefore, after: oneAfter } = numberLexicon.pronounOne;
  const pointsAtAThing = (number: NumberMention) => number.from === number.to && words[number.from]?.text === 'one' && (oneBefore.includes(words[number.from - 1]?.text ?? '') || oneAfter.includes(words[number.to + 1]?.text ?? ''));
  const numbers = readNumbers(words, lexicon.answers).filter((number) => !number.article && !pointsAtAThing(number));
  const hedgeWords = compiled.approximateWords;
  const candidates: Candidate[] = [];
  let poisoned = false;
  for (let n = 0; n < numbers.length; n += 1) {
    const number = numbers[n]!;
    if (askedBack(words, number.from)) continue;
    // "-1": a minus sign, not a range ("5-6" has a number before the dash).
    if (words[number.from - 1]?.text === '-' && words[number.from - 2]?.digits === undefined) {
      poisoned = true;
      continue;
    }
    let at = number.to + 1;
    let value = number.value;
    let range = false;
    let approximate = number.vague;
    // "6/10", "7 out of 10"
    const outOf = OUT_OF.find((sequence) => followsAt(words, at, sequence));
    if (outOf) {
      const total = numbers[n + 1];
      // "6/7", "5/6": two neighbouring scores, a range (the higher), not a score out of 7.
      const neighbours = outOf[0] === '/' && total !== undefined && total.from === at + 1 && total.value === value + 1 && total.value < 10 && inScale(value) && words[total.to + 1]?.text !== '/';
      if (neighbours) {
        n += 1;
        candidates.push({ value: toScore(total.value), approximate: true, range: true, clause: words[number.from]!.clause, time: timeAt(words, number.from) });
        continue;
      }
      if (total && total.from === at + outOf.length) {
        n += 1;
        if (total.value !== 10 || !inScale(value)) {
          poisoned = true;
          continue;
        }
        candidates.push({ value: toScore(value), approximate, range, clause: words[number.from]!.clause, time: timeAt(words, number.from) });
        continue;
      }
    }
    // "5-6", "6 or 7", "between 4 and 5", and a hedged second number: "3, maybe 4", "7 or maybe 8"
    const joiner = words[at]?.text ?? '';
    // "between 4 and 5", "between a 6 and a 7"
    const articleBefore = ['a', 'an'].includes(words[number.from - 1]?.text ?? '') ? 1 : 0;
    const between = words[number.from - 1 - articleBefore]?.text === 'between' && joiner === 'and';
    const next = numbers[n + 1];
    const gap = next ? words.slice(at, next.from) : [];
    // "5 or a 6", "between a 6 and a 7": an article before the second number.
    const articleAfter = ['a', 'an'].includes(words[at + 1]?.text ?? '') ? 1 : 0;
    const joined = next !== undefined && (RANGE_JOINERS.has(joiner) || between) && next.from === at + 1 + articleAfter;
    // A hedged pair is a range only when both are scores ("I'm 45, probably a 6" is not 6-45).
    const hedgedGap = !joined && next !== undefined && inScale(value) && inScale(next.value) && gap.length > 0 && gap.length <= MAX_RANGE_GAP && gap.every((word) => RANGE_JOINERS.has(word.text) || hedgeWords.has(word.text));
    // "eight nine", "6 7": two neighbouring numbers said one after the other.
    const neighbours = !joined && next !== undefined && gap.length === 0 && next.from === at && next.value === value + 1 && inScale(next.value) && words[number.from]!.clause === words[next.from]!.clause;
    if (next && (joined || hedgedGap || neighbours)) {
      const afterRange = words[next.to + 1]?.text ?? '';
      if (isScoreUnit(afterRange, compiled) && afterRange !== 'ish') {
        n += 1;
        continue;
      }
      if (!inScale(value) || !inScale(next.value)) {
        poisoned = true;
        n += 1;
        continue;
      }
      value = Math.max(value, next.value);
      range = value !== Math.min(number.value, next.value);
      approximate = true;
      at = next.to + 1;
      n += 1;
      // "6-7/10", "3-4 out of 10": the total belongs to the range.
      const tail = OUT_OF.find((sequence) => followsAt(words, at, sequence));
      const total = numbers[n + 1];
      if (tail && total && total.from === at + tail.length && total.value === 10) {
        n += 1;
        at = total.to + 1;
      }
    }
    const after = words[at]?.text ?? '';
    if (after === 'ish') approximate = true;
    else if (isScoreUnit(after, compiled) || after === '%' || after === 'percent') continue;
    if (!inScale(value)) continue;
    const clause = words[number.from]!.clause;
    candidates.push({ value: toScore(value), approximate, range, clause, time: timeAt(words, number.from) });
  }
  if (poisoned) return undefined;
  if (candidates.length === 0) {
    // "Nothing I do eases it" describes pain; it is not pain 0.
    if (mentions(compiled.notScore, prepared, true).length > 0) return undefined;
    return mentions(compiled.zero, prepared, true).length > 0 ? { score: 0, approximate: false, range: false } : undefined;
  }
  const chosen = choose(candidates);
  if (!chosen) return undefined;
  // "about", "-ish", "maybe more" said with the number, in its clause ("numb around my bottom" is not "around 5").
  const clauseText = (n: number) => prepareText(words.filter((word) => word.clause === n).map((word) => word.text).join(' '));
  const hedged = (n: number) => mentions(compiled.approximate, clauseText(n), false);
  // The hedge may follow in its own short clause: "eight, maybe more".
  const approximately = hedged(chosen.clause).length > 0 || hedged(chosen.clause + 1).some((m) => m.span.start === 0);
  return { score: chosen.value, approximate: chosen.approximate || approximately, range: chosen.range };
}

/**
 * One value, or the one said for now, or else the highest of those not said for the past ("a 6,
 * maybe a 7 when I move", "daytime 4 but nights are a 7": the worse time counts, the cautious
 * side); never a past score over a present one.
 */
function choose(candidates: Candidate[]): Candidate | undefined {
  const values = new Set(candidates.map((c) => c.value));
  if (values.size === 1) return candidates[0];
  const notPast = candidates.filter((c) => c.time >= 0);
  const now = notPast.filter((c) => c.time > 0);
  if (now.length > 0 && new Set(now.map((c) => c.value)).size === 1) return now[0];
  if (notPast.length === 0) return candidates[0];
  const highest = notPast.reduce((best, c) => (c.value > best.value ? c : best));
  // Two scores said for two times are a span: the higher, marked approximate.
  return new Set(notPast.map((c) => c.value)).size > 1 ? { ...highest, approximate: true } : highest;
}

export type { NumberMention };
