/**
 * A lexicon compiled once (phrase sets and number words), cached per lexicon object so parsers
 * called on every message never compile a pattern twice.
 */
import type { Intent, Lexicon, MovementResponse, SpineRegion } from '../content/lexicon.ts';
import { compileNegation, type CompiledNegation } from './negation.ts';
import { compilePhraseSet, type PhraseSet } from './phraseSet.ts';

export interface CompiledLexicon {
  yesNo: PhraseSet<'yes' | 'no' | 'unsure' | 'question'>;
  regions: PhraseSet<SpineRegion>;
  movement: PhraseSet<MovementResponse>;
  intents: PhraseSet<Intent>;
  zero: PhraseSet<'zero'>;
  numberWords: ReadonlyMap<string, number>;
  /** Matches a number word as a whole word, e.g. /\b(?:zero|one|...)\b/g. */
  numberWordPattern: RegExp | undefined;
  /** Matches a unit word right after a number ("10 minutes"), at the start of the remaining text. */
  unitAfterNumber: RegExp;
}

const cache = new WeakMap<Lexicon, CompiledLexicon>();
const negations = new WeakMap<Lexicon, CompiledNegation>();

/** The lexicon's context rules (content/lexicon/context.yaml), compiled once per lexicon. */
export function negationOf(lexicon: Lexicon): CompiledNegation {
  let negation = negations.get(lexicon);
  if (negation === undefined) negations.set(lexicon, (negation = compileNegation(lexicon.context)));
  return negation;
}

/** Unit entries are plain words with an optional trailing `*`; turned into one anchored regex. */
function unitRegex(units: readonly string[]): RegExp {
  const alternatives = units.map((unit) => {
    const word = unit.replace(/[^a-z0-9*]/g, '');
    return word.endsWith('*') ? `${word.slice(0, -1)}[a-z]*` : word;
  });
  return new RegExp(`^\\s*(?:${alternatives.join('|')})\\b`);
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const cached = cache.get(lexicon);
  if (cached !== undefined) return cached;
  const numberWords = new Map(Object.entries(lexicon.scores.numbers));
  const compiled: CompiledLexicon = {
    yesNo: compilePhraseSet({ yes: lexicon.yesNo.yes, no: lexicon.yesNo.no, unsure: lexicon.yesNo.unsure, question: lexicon.yesNo.questions }, negationOf(lexicon)),
    regions: compilePhraseSet(lexicon.regions, negationOf(lexicon)),
    movement: compilePhraseSet(lexicon.movement, negationOf(lexicon)),
    intents: compilePhraseSet(lexicon.intents, negationOf(lexicon)),
    zero: compilePhraseSet({ zero: lexicon.scores.zero }, negationOf(lexicon)),
    numberWords,
    numberWordPattern: numberWords.size > 0 ? new RegExp(`\\b(?:${[...numberWords.keys()].join('|')})\\b`, 'g') : undefined,
    unitAfterNumber: unitRegex(lexicon.scores.units),
  };
  cache.set(lexicon, compiled);
  return compiled;
}
