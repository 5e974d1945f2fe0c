/**
 * How far symptoms reach, and on which side, from the body parts a person names
 * (content/lexicon/body.yaml): "down to my right ankle" reaches below the knee on the right;
 * "just my back" stays in the spine; "round my ribs to the front" is the trunk. The furthest
 * part named decides. A part that sits between two answers ("down my leg", "to the knee",
 * "my shoulder") is not guessed: the reading names both options and the question that settles it.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import type { ReachLevel } from '../../content/answerLexicon.ts';
import { compilePhraseSet, mentions, type PhraseSet } from '../phraseSet.ts';
import { prepareText, type PreparedText } from '../preparedText.ts';
import { answerText, compileAnswers } from './compiled.ts';
import type { Span } from '../matcher.ts';
import { negationOf } from '../compiledLexicon.ts';
import { perLexicon } from './perLexicon.ts';
import { clauseNumbers } from './clauses.ts';
import { SENTENCE_BOUNDARY } from '../normalise.ts';

export type Side = 'left' | 'right' | 'both';

export interface ReachReading {
  reach?: ReachLevel;
  side?: Side;
  /** Between two answers: the options and the short question that settles it. */
  between?: { options: [ReachLevel, ReachLevel]; question: string };
}

interface CompiledBody {
  reach: PhraseSet<ReachLevel>;
  between: { words: Set<string>; options: [ReachLevel, ReachLevel]; question: string }[];
  sides: PhraseSet<'left' | 'right' | 'both' | 'one'>;
  notSide: PhraseSet<'notSide'>;
  functions: PhraseSet<'function'>;
  limbs: PhraseSet<'limb'>;
  noFurther: PhraseSet<'noFurther'>;
  similes: PhraseSet<'simile'>;
  symptoms: PhraseSet<'symptom'>;
  /** What makes words not the answer (another story, another person) and what places them now. */
  context: PhraseSet<'aside' | 'others' | 'now' | 'before' | 'also'>;
}

const compileBody = perLexicon((lexicon: Lexicon): CompiledBody => {
  const body = lexicon.answers.body;
  const compiled: CompiledBody = {
    // Furthest first, so a longer phrase of a nearer level never hides a further one at the same place.
    reach: compilePhraseSet({ below_knee: body.reach.below_knee, arm_hand: body.reach.arm_hand, buttock_thigh: body.reach.buttock_thigh, trunk: body.reach.trunk, spine_only: body.reach.spine_only }, negationOf(lexicon)),
    between: body.between.map((entry) => ({ words: new Set(entry.words), options: entry.options, question: entry.question })),
    sides: compilePhraseSet(body.sides, negationOf(lexicon)),
    notSide: compilePhraseSet({ notSide: body.notSide }, negationOf(lexicon)),
    functions: compilePhraseSet({ function: body.functions }, negationOf(lexicon)),
    limbs: compilePhraseSet({ limb: body.limbs }, negationOf(lexicon)),
    noFurther: compilePhraseSet({ noFurther: body.noFurther }, negationOf(lexicon)),
    similes: compilePhraseSet({ simile: body.similes }, negationOf(lexicon)),
    symptoms: compilePhraseSet({ symptom: body.symptoms }, negationOf(lexicon)),
    context: compilePhraseSet({ aside: body.aside, others: body.others, now: body.now, before: body.before, also: body.also }, negationOf(lexicon)),
  };
  return compiled;
});

/** How far each answer reaches from the spine; the trunk and the arm are their own ways out. */
const DISTANCE: Record<ReachLevel, number> = { spine_only: 0, trunk: 1, buttock_thigh: 1, arm_hand: 2, below_knee: 2 };
const NOT = new Set(['no', 'not', 'nothing', 'without', 'never']);
const FINE = new Set(['fine', 'ok', 'okay', 'good', 'normal', 'alright', 'clear', 'better']);

/** Fine without a comparison: "the left is better" still has symptoms, "the left is fine" has none. */
const FINE_OUTRIGHT = new Set([...FINE].filter((word) => word !== 'better'));

/**
 * "legs fine", "my arm is ok": a part said to be fine names no reach. Within `reach` words, in the
 * part's own clause, with no "and" (another part may follow) and no denial ("the left is not fine").
 */
function saidFine(text: PreparedText, span: Span, fine: ReadonlySet<string> = FINE, reach = 3): boolean {
  for (let i = span.end + 1; i <= span.end + reach && i < text.tokens.length; i += 1) {
    const word = text.tokens[i]!.word;
    // The fine word must be in the part's own clause: "just right, left's ok" says nothing of the right.
    if (word === '.' || text.tokens[i]!.afterComma || word === 'but' || word === 'and' || NOT.has(word)) return false;
    if (fine.has(word)) return true;
  }
  return false;
}

/** A side is said fine a little further on: "the left leg is perfectly alright", "the right one is absolutely fine". */
const SIDE_FINE_REACH = 5;

/**
 * The answer to the sides question. 'noLimb': both sides were said, of the back or buttocks, with
 * the legs and arms only denied ("both sides of my lower back ache, nothing going into the legs"):
 * no answer about a limb, so it is asked again rather than read as both legs (which refers as
 * sciatica in both legs; pain in both buttocks or both sides of the back is not it: GIRFT 2023).
 * At the reach question the same words are both sides of the buttock, as said.
 */
export function readSide(text: string, lexicon: Lexicon): Side | 'one' | 'noLimb' | undefined {
  const read = readBody(text, lexicon);
  const side = sideIn(read, lexicon);
  return side === 'both' && onlyLimbsDenied(read.prepared, read.raw, compileBody(lexicon)) ? 'noLimb' : side;
}

interface BodyText {
  /** With a carer's "his" or "her" read as "my". */
  prepared: PreparedText;
  /** As typed: the same words, the writer's own "my" told apart. */
  raw: PreparedText;
}

function readBody(text: string, lexicon: Lexicon): BodyText {
  const compiled = compileAnswers(lexicon);
  return { prepared: prepareText(answerText(text, compiled, true)), raw: prepareText(answerText(text, compiled, false)) };
}

/** Where the body or a side is named: a clause of the writer's own body. */
function bodyMentions(prepared: PreparedText, body: CompiledBody): number[] {
  return [...mentions(body.reach, prepared, false), ...mentions(body.sides, prepared, false)].map((m) => m.span.start).concat(prepared.tokens.flatMap((token, index) => (body.between.some((entry) => entry.words.has(token.word)) ? [index] : [])));
}

function sideIn({ prepared, raw }: BodyText, lexicon: Lexicon): Side | 'one' | undefined {
  // "just the right, left's ok": a side said to be fine is not one with symptoms.
  const body = compileBody(lexicon);
  // "on the right, down to my knee" is a side: the comma parts them.
  const intensifiers = mentions(body.notSide, prepared, false).filter((m) => !prepared.tokens[m.span.start + 1]?.afterComma);
  const intensifier = (span: Span) => intensifiers.some((m) => span.start >= m.span.start && span.end <= m.span.end);
  const told = toldOfThePerson(prepared, raw, bodyMentions(prepared, body), body);
  const sides = mentions(body.sides, prepared, true).filter((m) => told.has(m.span.start) && !saidFine(prepared, m.span, FINE_OUTRIGHT, SIDE_FINE_REACH) && !intensifier(m.span));
  // "last week both legs, just the left now": a side said of now outweighs one said of before.
  // Only against a side said in the past: "both legs, but the left is worse now" is still both.
  // "now the right too" adds a side to the one before.
  const current = sides.filter((m) => told.now.has(told.clauseOf[m.span.start]!));
  const added = current.some((m) => told.also.has(told.clauseOf[m.span.start]!));
  const past = sides.filter((m) => told.before.has(told.clauseOf[m.span.start]!) && !told.now.has(told.clauseOf[m.span.start]!));
  const named = new Set((current.length > 0 && past.length > 0 && !added ? current : sides).map((m) => m.label));
  if (named.has('both') || (named.has('left') && named.has('right'))) return 'both';
  if (named.has('left')) return 'left';
  if (named.has('right')) return 'right';
  return named.has('one') ? 'one' : undefined;
}

/**
 * "both sides of my lower back ache, nothing going into the legs": the limbs are named only to be
 * denied (or said fine), so both sides said are of the back or buttocks, not of the legs or arms. A denial with a
 * side between it and the limb ("not just one, both legs") denies the side, not the limb.
 */
function onlyLimbsDenied(prepared: PreparedText, raw: PreparedText, body: CompiledBody): boolean {
  const told = toldOfThePerson(prepared, raw, bodyMentions(prepared, body), body);
  const sides = mentions(body.sides, prepared, false);
  const limbs = mentions(body.limbs, prepared, false).filter((m) => told.has(m.span.start));
  // "both buttocks but no further than that": a buttock or hip named, no limb, and the symptoms said to stop there
  if (limbs.length === 0) return mentions(body.noFurther, prepared, false).length > 0 && mentions(body.reach, prepared, false).some((m) => m.label === 'buttock_thigh' && told.has(m.span.start));
  const denied = (span: Span) => saidFine(prepared, span) || limbDenied(prepared, span.start, sides);
  return limbs.every((m) => denied(m.span));
}

function limbDenied(prepared: PreparedText, index: number, sides: { span: Span }[]): boolean {
  for (let i = index - 1; i >= Math.max(0, index - DENIAL_REACH); i -= 1) {
    const token = prepared.tokens[i]!;
    if (token.word === SENTENCE_BOUNDARY || sides.some((m) => i >= m.span.start && i <= m.span.end)) return false;
    if (NOT.has(token.word)) return true;
    if (token.afterComma) return false;
  }
  return false;
}

/** The clause (comma, sentence end or "but" apart) of each token. */
/** A sentence end, a comma, "but" or "though" starts a clause. */
const CLAUSE_BREAKS = new Set(['but', 'though']);

/** "my hand doesn't grip right": a part whose clause tells only what it can do, with no symptom. */
function onlyFunction(span: Span, clauses: number[], functions: Span[], symptoms: Span[]): boolean {
  const clause = clauses[span.start];
  const inClause = (s: Span) => clauses[s.start] === clause;
  return functions.some((f) => inClause(f) && f.start > span.end && f.start - span.end <= 4) && !symptoms.some(inClause);
}

export function readReach(text: string, lexicon: Lexicon): ReachReading {
  const body = compileBody(lexicon);
  const read = readBody(text, lexicon);
  const { prepared } = read;
  const told = toldOfThePerson(prepared, read.raw, bodyMentions(prepared, body), body);
  const functions = mentions(body.functions, prepared, false).map((m) => m.span);
  const symptoms = mentions(body.symptoms, prepared, false).map((m) => m.span);
  const functionOnly = (span: Span) => onlyFunction(span, told.clauseOf, functions, symptoms);
  const found = mentions(body.reach, prepared, true).filter((m) => told.has(m.span.start) && !saidFine(prepared, m.span) && !functionOnly(m.span));
  const side = sideIn(read, lexicon);
  const sideOf = side && side !== 'one' ? { side } : {};
  const limbs = found.filter((m) => m.label !== 'spine_only');
  if (limbs.length > 0) {
    const furthest = limbs.reduce((a, b) => (DISTANCE[b.label] > DISTANCE[a.label] ? b : a));
    // "down my leg to the knee": a part between two answers, further than what else was named, is asked about.
    // "into the front of my thigh, like a toothache in the leg": not one said in a comparison beside a part named.
    const similes = mentions(body.similes, prepared, false);
    // Only a part placed ("in the leg", "on my knee"), not one travelled to ("like a weight down my leg").
    const placed = (span: Span) => PLACED.has(prepared.tokens[span.start - 2]?.word ?? '') || PLACED.has(prepared.tokens[span.start - 1]?.word ?? '');
    const inSimile = (span: Span) => placed(span) && similes.some((m) => m.span.start < span.start && told.clauseOf[m.span.start] === told.clauseOf[span.start]);
    const between = betweenPart(prepared, body, found, told, (span) => functionOnly(span) || inSimile(span));
    if (between && DISTANCE[between.options[1]] > DISTANCE[furthest.label] && between.options.includes(furthest.label)) return { between, ...sideOf };
    return { reach: furthest.label, ...sideOf };
  }
  const between = betweenPart(prepared, body, found, told, functionOnly);
  if (between) return { between, ...sideOf };
  if (found.some((m) => m.label === 'spine_only')) return { reach: 'spine_only', ...sideOf };
  return sideOf;
}

/** A word that sits between two answers, not inside a phrase already read ("below the knee"). */
function betweenPart(prepared: PreparedText, body: CompiledBody, found: { span: Span }[], told: Told, functionOnly: (span: Span) => boolean = () => false): ReachReading['between'] {
  for (const [index, token] of prepared.tokens.entries()) {
    if (!told.has(index) || found.some((m) => index >= m.span.start && index <= m.span.end)) continue;
    const entry = body.between.find((candidate) => candidate.words.has(token.word));
    if (!entry) continue;
    if (saidFine(prepared, { start: index, end: index, gapTokens: [] }) || functionOnly({ start: index, end: index, gapTokens: [] })) continue;
    // "nothing goes down the legs though": a denial earlier in the part's clause.
    if (deniedInClause(prepared, index)) continue;
    return { options: entry.options, question: entry.question };
  }
  return undefined;
}

interface Told {
  /** Whether the word at this index tells of the person's own symptoms. */
  has(index: number): boolean;
  clauseOf: number[];
  /** Clauses placed in the present ("just the left now") and in the past ("last week it went into both"). */
  now: Set<number>;
  before: Set<number>;
  /** Clauses that add to what was said ("now the right too"). */
  also: Set<number>;
}

/**
 * The words that tell of the person's own symptoms: not a sentence after the first that says it is
 * about something else ("but that's a separate thing"), nor a clause about another person ("my mate
 * says his went into both legs").
 */
function toldOfThePerson(prepared: PreparedText, raw: PreparedText, bodyAt: number[], body: CompiledBody): Told {
  const clauseOf = clauseNumbers(prepared, CLAUSE_BREAKS);
  let sentence = 0;
  const sentenceOf = prepared.tokens.map((token) => (token.word === SENTENCE_BOUNDARY ? (sentence += 1) : sentence));
  const context = mentions(body.context, prepared, false);
  const asideSentences = new Set(context.filter((m) => m.label === 'aside' && sentenceOf[m.span.start]! > 0).map((m) => sentenceOf[m.span.start]!));
  // A carer writes of the patient ("my husband has pain down his left leg"): another person's clause
  // is dropped only when the writer also tells of their own body in another clause ("it reaches my
  // left knee. My mate says his went into both legs").
  const named = new Set(context.filter((m) => m.label === 'others').map((m) => clauseOf[m.span.start]!));
  const ownClause = (clause: number) => !named.has(clause) && raw.tokens.some((token, index) => clauseOf[index] === clause && OWN.has(token.word)) && bodyAt.some((index) => clauseOf[index] === clause);
  const otherClauses = [...clauseOf].some(ownClause) ? named : new Set<number>();
  const clausesOf = (label: 'now' | 'before' | 'also') => new Set(context.filter((m) => m.label === label).map((m) => clauseOf[m.span.start]!));
  return { has: (index) => !asideSentences.has(sentenceOf[index]!) && !otherClauses.has(clauseOf[index]!), clauseOf, now: clausesOf('now'), before: clausesOf('before'), also: clausesOf('also') };
}

const DENIAL_REACH = 5;
/** Words that place a part rather than travel to it ("in the leg", "on my knee"). */
const PLACED = new Set(['in', 'on', 'at']);
/** The writer's own body, as typed (before a carer's "his" is read as "my"). */
const OWN = new Set(['my', 'mine']);

/** A denial up to a few words before, in the same clause ("nothing goes down the legs", "no knee pain"). */
function deniedInClause(prepared: PreparedText, index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - DENIAL_REACH); i -= 1) {
    const token = prepared.tokens[i]!;
    if (token.word === SENTENCE_BOUNDARY) return false;
    if (NOT.has(token.word)) return true;
    if (token.afterComma) return false;
  }
  return false;
}
