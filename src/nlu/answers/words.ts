/**
 * A typed answer split into words the answer parsers read: sentences (and whether each asks
 * something), clauses, and words with digits kept apart from the letters glued to them
 * ("10kg", "6ish", "7.30pm"). Spinal levels ("L5", "T7") stay one word. Contractions are expanded
 * the same way as everywhere else in the NLU ("don't" is "do not").
 */
import { expandWord, foldText } from '../normalise.ts';

export interface Word {
  /** The word in lower case ("10", "6.5", "kg", "not"), or a sign: "/", "-", "~", "+". */
  text: string;
  /** The number it is, for digits ("6.5" and "6,5" are 6.5). */
  digits?: number;
  sentence: number;
  /** Clause number across the whole message: a comma, "but", "and now" start a new one. */
  clause: number;
  /** The sentence this word is in ended with a question mark. */
  inQuestion: boolean;
}

export interface Words {
  words: Word[];
  /** How many sentences; each with whether it asks something. */
  sentences: { question: boolean; from: number; to: number }[];
}

const SENTENCE_END = /(?<!\d)[.!?;]+|[.!?;]+(?!\d)|\n+/g;
/** A clock time typed with a colon ("7:30", "19:30pm"): one word, not a number ("later on at 7:30pm" is no pain 7). */
const CLOCK = /^\d{1,2}:\d{2}$/;
const TOKEN = /\d{1,2}:\d{2}(?!\d)|[a-z]\d{1,2}(?![\d.])|\d+(?:[.,]\d+)?|[a-z]+(?:'[a-z]+)*|[/~+\-\u2013\u2014]|,/g;
const CLAUSE_WORDS = new Set(['but', 'though', 'although', 'whereas']);

/** Splits and normalises; `textSpeak` maps whole typed words first ("2day" is "today"). */
export function readWords(text: string, textSpeak: ReadonlyMap<string, string> = new Map()): Words {
  const folded = splitGlued(foldText(text).replace(/[a-z0-9]+/g, (word) => textSpeak.get(word) ?? word));
  const words: Word[] = [];
  const sentences: Words['sentences'] = [];
  let clause = 0;
  let sentence = 0;
  let last = 0;
  const pieces: { body: string; question: boolean }[] = [];
  for (const end of folded.matchAll(SENTENCE_END)) {
    pieces.push({ body: folded.slice(last, end.index), question: end[0].includes('?') });
    last = end.index + end[0].length;
  }
  pieces.push({ body: folded.slice(last), question: false });
  for (const piece of pieces) {
    const from = words.length;
    let newClause = true;
    for (const match of piece.body.matchAll(TOKEN)) {
      let raw = match[0];
      if (raw === ',') {
        newClause = true;
        continue;
      }
      const expanded = /^\d/.test(raw) ? [raw] : expandWord(raw);
      for (const part of expanded) {
        if (newClause || CLAUSE_WORDS.has(part)) {
          clause += words.length > 0 ? 1 : 0;
          newClause = false;
        }
        const word: Word = { text: part, sentence, clause, inQuestion: piece.question };
        if (/^\d/.test(part) && !CLOCK.test(part)) word.digits = Number(part.replace(',', '.'));
        words.push(word);
      }
    }
    if (words.length > from) {
      sentences.push({ question: piece.question, from, to: words.length - 1 });
      sentence += 1;
      newClause = true;
    }
  }
  return { words, sentences };
}

/** Glued digits and letters ("10kg", "6ish", "3rd") come apart, so "kg" and "ish" are words. */
function splitGlued(text: string): string {
  return text.replace(/(\d)([a-z])/g, '$1 $2');
}

/** Text-speak spelled out in a message ("2day" is "today", "cudnt" is "could not"), for the phrase readers. */
export function spelledOut(text: string, textSpeak: ReadonlyMap<string, string>): string {
  if (textSpeak.size === 0) return text;
  return text.replace(/[A-Za-z0-9]+/g, (word) => textSpeak.get(word.toLowerCase()) ?? word);
}

/** A carer's "his", "her" ("down his left leg") read as the person's own body: "my". */
export function asOwnBody(text: string, possessives: ReadonlySet<string>): string {
  if (possessives.size === 0) return text;
  return text.replace(/[A-Za-z]+/g, (word) => (possessives.has(word.toLowerCase()) ? 'my' : word));
}
