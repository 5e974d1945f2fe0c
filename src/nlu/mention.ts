/**
 * How a warning sign is mentioned (ConText, after Harkema et al. 2009): present, denied, a "what
 * if", over and done with, someone else's, or not clear whose. Built on the negation scopes of
 * negation.ts; the rules of English are in negationRules.ts. Knows nothing about red flags.
 */
import type { Span } from './matcher.ts';
import { sequenceAt, spanContext, type CompiledNegation } from './negation.ts';
import { SENTENCE_BOUNDARY, type Token } from './normalise.ts';
import type { Mention } from './redFlagDetector.ts';

/** A Mention, or one that is not a detection at all. */
export type MentionContext = Mention | 'negated' | 'other-person';

function sentenceBounds(tokens: Token[], span: Span): { from: number; to: number } {
  let from = span.start;
  while (from > 0 && tokens[from - 1]?.word !== SENTENCE_BOUNDARY) from -= 1;
  let to = span.end;
  while (to < tokens.length - 1 && tokens[to + 1]?.word !== SENTENCE_BOUNDARY) to += 1;
  return { from, to };
}

const IF = [['if']];
const EXAMPLE_OPENERS = new Set(['like', 'such', 'eg', 'e']);

/** The sentence ending at `to` is a "what if" or a general question. */
function previousSentenceAsks(tokens: Token[], to: number, rules: CompiledNegation): boolean {
  let from = to;
  while (from > 0 && tokens[from - 1]?.word !== SENTENCE_BOUNDARY) from -= 1;
  return anyWithin(tokens, from, to, rules.hypothetical) || anyWithin(tokens, from, to, rules.generalQuestion) || anyWithin(tokens, from, to, rules.askingAbout);
}
const USED_TO = [['used', 'to']];
const CLAUSE_JOINS = new Set(['and', 'but', 'although', 'though', 'whereas', 'so']);

/** The comma segment the span is in, also cut at "and" and "but": "I had cancer years ago, I have lost weight and my bum is numb". */
function clauseBounds(tokens: Token[], span: Span): { from: number; to: number } {
  let from = span.start;
  while (from > 0 && !tokens[from]?.afterComma && tokens[from - 1]?.word !== SENTENCE_BOUNDARY && !CLAUSE_JOINS.has(tokens[from - 1]?.word ?? '')) from -= 1;
  let to = span.end;
  while (to < tokens.length - 1 && !tokens[to + 1]?.afterComma && tokens[to + 1]?.word !== SENTENCE_BOUNDARY && !CLAUSE_JOINS.has(tokens[to + 1]?.word ?? '')) to += 1;
  return { from, to };
}

/** A list of phrases by first word, so most tokens are passed over with one lookup and the rest try only the phrases they can start. */
const byFirstWordOf = new WeakMap<string[][], Map<string, string[][]>>();
function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  let index = byFirstWordOf.get(phrases);
  if (index === undefined) {
    index = new Map();
    for (const phrase of phrases) {
      const first = phrase[0] ?? '';
      const list = index.get(first);
      if (list === undefined) index.set(first, [phrase]);
      else list.push(phrase);
    }
    byFirstWordOf.set(phrases, index);
  }
  return index;
}

function anyWithin(tokens: Token[], from: number, to: number, phrases: string[][]): boolean {
  const index = byFirstWord(phrases);
  for (let i = from; i <= to; i += 1) {
    const starting = index.get(tokens[i]?.word ?? '');
    if (starting === undefined) continue;
    for (const words of starting) if (sequenceAt(tokens, i, words)) return true;
  }
  return false;
}

const markerWords = new WeakMap<CompiledNegation, Set<string>>();
const BODY_GONE = new Set(['back', 'neck', 'disc', 'knee', 'hip', 'spine']);

/**
 * Over and done with: a marker of it having ended after the phrase, in its sentence ("had some
 * numbness last month but it went after a day"), when the sentence speaks of the past or the
 * marker follows the phrase closely. "I'm numb down there, the back pain has gone" is present.
 */
function resolved(tokens: Token[], span: Span, rules: CompiledNegation, sentence: { from: number; to: number }): boolean {
  const last = Math.min(sentence.to, span.end + rules.resolvedReach);
  let first = markerWords.get(rules);
  if (first === undefined) markerWords.set(rules, (first = new Set(rules.resolvedMarkers.map((marker) => marker.words[0] ?? ''))));
  for (let j = span.end + 1; j <= last; j += 1) {
    if (!first.has(tokens[j]?.word ?? '')) continue;
    for (const marker of rules.resolvedMarkers) {
      if (!sequenceAt(tokens, j, marker.words)) continue;
      const next = tokens[j + marker.words.length];
      if (marker.endsSentence && next !== undefined && next.word !== SENTENCE_BOUNDARY && next.word !== 'now') continue;
      // "before it was fine": it is new, not over
      if ((marker.words[0] === 'was' || marker.words[0] === 'were') && [tokens[j - 1], tokens[j - 2], tokens[j + marker.words.length]].some((token) => token?.word === 'before')) continue;
      // "this is the first time my back has gone": a back that has gone gave way, it is not over
      if (marker.words[0] === 'gone' && (BODY_GONE.has(tokens[j - 1]?.word ?? '') || (['has', 'is', 'have'].includes(tokens[j - 1]?.word ?? '') && BODY_GONE.has(tokens[j - 2]?.word ?? '')))) continue;
      // "it's fine" right after the sign plays it down ("slight trouble starting to pee, it's fine really"); it is over only in a sentence about the past
      const playsDown = (marker.words.includes('is') || marker.words.includes('are')) && !marker.words.includes('now');
      if ((j - span.end <= 3 && !playsDown) || anyWithin(tokens, sentence.from, sentence.to, rules.pastMarkers)) return true;
    }
  }
  return false;
}

/**
 * Another person is named before the phrase. A carer writing for the patient ("my dad has been
 * wetting himself since his back got worse", "he can't stand up") discloses the patient's sign;
 * a relative's own story ("my mum had cancer", "my friend fell off a ladder last week") does not.
 */
function carerWriting(tokens: Token[], rules: CompiledNegation): boolean {
  const whole = wholeMessage(tokens, rules);
  return (whole.carer ??= carerWritingIn(tokens, rules));
}

function hearsayIn(tokens: Token[], rules: CompiledNegation): boolean {
  const whole = wholeMessage(tokens, rules);
  return (whole.hearsay ??= anyWithin(tokens, 0, tokens.length - 1, rules.hearsay));
}

/**
 * What holds of the whole message, whatever the phrase: read once per message (the same tokens
 * come back for every match in it), not once per match, which grew with the square of its length.
 */
interface WholeMessage {
  rules: CompiledNegation;
  carer?: boolean;
  hearsay?: boolean;
  onlyThey?: boolean;
}
const wholeMessages = new WeakMap<Token[], WholeMessage>();
function wholeMessage(tokens: Token[], rules: CompiledNegation): WholeMessage {
  let known = wholeMessages.get(tokens);
  if (known === undefined || known.rules !== rules) {
    known = { rules };
    wholeMessages.set(tokens, known);
  }
  return known;
}

function carerWritingIn(tokens: Token[], rules: CompiledNegation): boolean {
  if (anyWithin(tokens, 0, tokens.length - 1, rules.carerMarkers)) return true;
  // Only "he" or "she", never a relative named: the person written about is the patient.
  const named = tokens.some((token) => rules.otherPeople.has(token.word) && !['he', 'she', 'his', 'her', 'they', 'their'].includes(token.word));
  return !named;
}

function wordWithin(tokens: Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = from; i <= to; i += 1) if (words.has(tokens[i]?.word ?? '')) return true;
  return false;
}

/** A pet or a baby in the sign's own sentence: never the patient. */
const animalIn = (tokens: Token[], from: number, to: number, rules: CompiledNegation) => wordWithin(tokens, from, to, rules.neverThePatient);
const hasFirstPerson = (tokens: Token[], from: number, to: number, rules: CompiledNegation) => wordWithin(tokens, from, to, rules.firstPerson);

const THEY = new Set(['they', 'their', 'them', 'theirs']);

/** The words this file reads directly, kept from spelling correction with the rules' own (negation.ts `contextWordsOf`). */
export const MENTION_WORDS: readonly string[] = ['if', ...EXAMPLE_OPENERS, 'used', 'to', ...CLAUSE_JOINS, ...BODY_GONE, ...THEY];
/** The only other people named are "they". */
function onlyThey(tokens: Token[], rules: CompiledNegation): boolean {
  const whole = wholeMessage(tokens, rules);
  if (whole.onlyThey === undefined) {
    const others = tokens.filter((token) => rules.otherPeople.has(token.word));
    whole.onlyThey = others.length > 0 && others.every((token) => THEY.has(token.word));
  }
  return whole.onlyThey;
}

/** "wetting the bed, so I'm told": the "I" of the hearsay marker is not the person owning the symptom. */
function firstPersonBesidesHearsay(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  return firstPersonBesides(tokens, from, to, rules, rules.hearsay);
}

/** "is a numb bum a sign of something serious, should I worry?": the "I" asking is not the person with the sign. */
function firstPersonBesidesAsker(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  return firstPersonBesides(tokens, from, to, rules, rules.asker);
}

function firstPersonBesides(tokens: Token[], from: number, to: number, rules: CompiledNegation, markers: string[][]): boolean {
  const marker = new Set<number>();
  for (let i = from; i <= to; i += 1) for (const words of markers) if (sequenceAt(tokens, i, words)) words.forEach((_, offset) => marker.add(i + offset));
  for (let i = from; i <= to; i += 1) if (!marker.has(i) && rules.firstPerson.has(tokens[i]?.word ?? '')) return true;
  return false;
}

export function mentionOf(tokens: Token[], span: Span, rules: CompiledNegation): MentionContext {
  const mention = mentionInSentence(tokens, span, rules);
  if (mention !== 'hypothetical') return mention;
  // "can a herniated disc make sex feel numb? it does now": the question was about the writer
  const sentence = sentenceBounds(tokens, span);
  if (anyWithin(tokens, span.end + 1, sentence.to, rules.affirmedLater)) return 'present';
  return rules.affirmedNext.some((words) => sequenceAt(tokens, sentence.to + 2, words)) ? 'present' : mention;
}

function mentionInSentence(tokens: Token[], span: Span, rules: CompiledNegation): MentionContext {
  const context = spanContext(tokens, span, rules, true);
  if (context === 'negated') return 'negated';
  if (context === 'hypothetical') return 'hypothetical';
  if (context === 'resolved') return 'resolved';
  const sentence = sentenceBounds(tokens, span);
  if (anyWithin(tokens, sentence.from, span.start - 1, rules.generalQuestion) && !firstPersonBesidesAsker(tokens, sentence.from, sentence.to, rules)) return 'hypothetical';
  // "is losing bladder control a sign of something serious?": the sign in general, asked after it
  if (anyWithin(tokens, span.end + 1, sentence.to, rules.generalAfter) && !firstPersonBesidesAsker(tokens, sentence.from, sentence.to, rules) && context !== 'someone-else') return 'hypothetical';
  // "how do I know if I'm getting cauda equina? like numbness down below?": an example for the question before
  if (EXAMPLE_OPENERS.has(tokens[sentence.from]?.word ?? '') && sentence.from >= 2 && previousSentenceAsks(tokens, sentence.from - 2, rules)) return 'hypothetical';
  if (anyWithin(tokens, span.end + 1, sentence.to, rules.hypotheticalAfter)) return 'hypothetical';
  // "is it serious if you lose control of your bladder?": anyone, not the writer ("is it normal to have
  // pins and needles between your legs?" is a disclosure asked as a question)
  if (anyWithin(tokens, sentence.from, span.start - 1, IF) && anyWithin(tokens, sentence.from, sentence.to, rules.generic) && !hasFirstPerson(tokens, sentence.from, sentence.to, rules)) return 'hypothetical';
  if (resolved(tokens, span, rules, sentence)) return 'resolved';
  // "my family would be better off without me": the phrase itself is about the writer.
  // "they keep dropping things": singular or plural, the patient or not; asked
  if (context === 'someone-else' && !firstPersonBesidesAsker(tokens, sentence.from, sentence.to, rules) && onlyThey(tokens, rules)) return 'unclear-person';
  // "my dog can't use his back legs": an animal's, not the patient's. Only an animal in the same
  // sentence counts: "walked the dog. my dad says both his legs are weak" is still the dad's, told by a carer.
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && (animalIn(tokens, sentence.from, sentence.to, rules) || !carerWriting(tokens, rules))) return 'other-person';
  // "when I was a kid I wet the bed": long over, asked about; "years ago I hurt my back and now I can't pee" is now.
  const clause = clauseBounds(tokens, span);
  if (anyWithin(tokens, clause.from, clause.to, rules.longAgo) && !anyWithin(tokens, sentence.from, sentence.to, rules.stillNow)) return 'resolved';
  if (anyWithin(tokens, sentence.from, sentence.to, rules.longStanding)) return 'resolved';
  // "I used to have sciatica in both legs": over
  if (anyWithin(tokens, clause.from, span.start - 1, USED_TO)) return 'resolved';
  if (context === 'someone-else') return 'present';
  if (hearsayIn(tokens, rules) && !firstPersonBesidesHearsay(tokens, sentence.from, sentence.to, rules)) return 'unclear-person';
  return 'present';
}
