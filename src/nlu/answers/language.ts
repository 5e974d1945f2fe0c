/**
 * Whether a message is in another language, or holds nothing but emoji and symbols
 * (content/lexicon/languages.yaml). Pure word counting: no model, nothing downloaded.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { foldText } from '../normalise.ts';
import { compilePhraseSet, mentions, type PhraseSet } from '../phraseSet.ts';
import { prepareText } from '../preparedText.ts';
import { negationOf } from '../compiledLexicon.ts';
import { perLexicon } from './perLexicon.ts';

interface CompiledLanguages {
  english: ReadonlySet<string>;
  other: ReadonlySet<string>;
  minWords: number;
  requests: PhraseSet<'request'>;
}

const compile = perLexicon((lexicon: Lexicon): CompiledLanguages => {
  const languages = lexicon.answers.languages;
  const english = new Set(languages.english);
  // A word that is also English ("me", "no", "a") says nothing about the language.
  const other = new Set(Object.values(languages.other).flat().filter((word) => !english.has(word)));
  const compiled = { english, other, minWords: languages.minWords, requests: compilePhraseSet({ request: languages.requests }, negationOf(lexicon)) };
  return compiled;
});

/** Letters of scripts other than Latin (Cyrillic, Greek, Arabic, Hebrew, Devanagari, CJK, ...). */
const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
const LETTER = /\p{L}/gu;

/** Written mostly in another script or language, or asking in English to go on in another one. */
export function isOtherLanguage(text: string, lexicon: Lexicon): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return false;
  if ((text.match(OTHER_SCRIPT)?.length ?? 0) > letters / 2) return true;
  const { english, other, minWords, requests } = compile(lexicon);
  // "Can we talk in Polish please?": asked in English to go on in another language.
  if (mentions(requests, prepareText(text), true).length > 0) return true;
  const words = foldText(text).match(/[a-z]+/g) ?? [];
  const foreign = words.filter((word) => other.has(word)).length;
  const ours = words.filter((word) => english.has(word)).length;
  return foreign >= minWords && foreign > ours;
}

/** Nothing to read but emoji, symbols or punctuation ("😣", "👍👍", "?!"). */
export function isSymbolsOnly(text: string): boolean {
  return text.trim().length > 0 && !/[\p{L}\p{N}]/u.test(text);
}

/** A wave or a raised hand: a greeting without words. */
export function isWave(text: string): boolean {
  return /^[\s\u{1F44B}\u{1F64B}\u{270B}\u{1F590}\u{1F91A}\u{1F3FB}-\u{1F3FF}\u{200D}\u{2642}\u{2640}\u{FE0F}]+$/u.test(text);
}
