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
import { perLexicon } from './perLexicon.ts';

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
  symptoms: PhraseSet<'symptom'>;
}

const compileBody = perLexicon((lexicon: Lexicon): CompiledBody => {
  const body = lexicon.answers.body;
  const compiled: CompiledBody = {
    // Furthest first, so a longer phrase of a nearer level never hides a further one at the same place.
    reach: compilePhraseSet({ below_knee: body.reach.below_knee, arm_hand: body.reach.arm_hand, buttock_thigh: body.reach.buttock_thigh, trunk: body.reach.trunk, spine_only: body.reach.spine_only }),
    between: body.between.map((entry) => ({ words: new Set(entry.words), options: entry.options, question: entry.question })),
    sides: compilePhraseSet(body.sides),
    notSide: compilePhraseSet({ notSide: body.notSide }),
    functions: compilePhraseSet({ function: body.functions }),
    symptoms: compilePhraseSet({ symptom: body.symptoms }),
  };
  return compiled;
});

/** How far each answer reaches from the spine; the trunk and the arm are their own ways out. */
const DISTANCE: Record<ReachLevel, number> = { spine_only: 0, trunk: 1, buttock_thigh: 1, arm_hand: 2, below_knee: 2 };
const NOT = new Set(['no', 'not', 'nothing', 'without', 'never']);
const FINE = new Set(['fine', 'ok', 'okay', 'good', 'normal', 'alright', 'clear', 'better']);

/** Fine without a comparison: "the left is better" still has symptoms, "the left is fine" has none. */
const FINE_OUTRIGHT = new Set([...FINE].filter((word) => word !== 'better'));

/** "legs fine", "my arm is ok": a part said to be fine names no reach. */
function saidFine(text: PreparedText, span: Span, fine: ReadonlySet<string> = FINE): boolean {
  for (let i = span.end + 1; i <= span.end + 3 && i < text.tokens.length; i += 1) {
    const word = text.tokens[i]!.word;
    // The fine word must be in the part's own clause: "just right, left's ok" says nothing of the right.
    if (word === '.' || text.tokens[i]!.afterComma) return false;
    if (fine.has(word)) return true;
  }
  return false;
}

export function readSide(text: string | PreparedText, lexicon: Lexicon): Side | 'one' | undefined {
  const prepared = typeof text === 'string' ? prepareText(answerText(text, compileAnswers(lexicon), true)) : text;
  // "just the right, left's ok": a side said to be fine is not one with symptoms.
  const body = compileBody(lexicon);
  // "on the right, down to my knee" is a side: the comma parts them.
  const intensifiers = mentions(body.notSide, prepared, false).filter((m) => !prepared.tokens[m.span.start + 1]?.afterComma);
  const intensifier = (span: Span) => intensifiers.some((m) => span.start >= m.span.start && span.end <= m.span.end);
  const named = new Set(mentions(body.sides, prepared, true).filter((m) => !saidFine(prepared, m.span, FINE_OUTRIGHT) && !intensifier(m.span)).map((m) => m.label));
  if (named.has('both') || (named.has('left') && named.has('right'))) return 'both';
  if (named.has('left')) return 'left';
  if (named.has('right')) return 'right';
  return named.has('one') ? 'one' : undefined;
}

/** The clause (comma, sentence end or "but" apart) of each token. */
function clauseOf(prepared: PreparedText): number[] {
  let clause = 0;
  return prepared.tokens.map((token, i) => {
    if (i > 0 && (token.word === '.' || token.afterComma || token.word === 'but' || token.word === 'though')) clause += 1;
    return clause;
  });
}

/** "my hand doesn't grip right": a part whose clause tells only what it can do, with no symptom. */
function onlyFunction(span: Span, clauses: number[], functions: Span[], symptoms: Span[]): boolean {
  const clause = clauses[span.start];
  const inClause = (s: Span) => clauses[s.start] === clause;
  return functions.some((f) => inClause(f) && f.start > span.end && f.start - span.end <= 4) && !symptoms.some(inClause);
}

export function readReach(text: string, lexicon: Lexicon): ReachReading {
  const body = compileBody(lexicon);
  const prepared = prepareText(answerText(text, compileAnswers(lexicon), true));
  const clauses = clauseOf(prepared);
  const functions = mentions(body.functions, prepared, false).map((m) => m.span);
  const symptoms = mentions(body.symptoms, prepared, false).map((m) => m.span);
  const functionOnly = (span: Span) => onlyFunction(span, clauses, functions, symptoms);
  const found = mentions(body.reach, prepared, true).filter((m) => !saidFine(prepared, m.span) && !functionOnly(m.span));
  const side = readSide(prepared, lexicon);
  const sideOf = side && side !== 'one' ? { side } : {};
  const limbs = found.filter((m) => m.label !== 'spine_only');
  if (limbs.length > 0) {
    const furthest = limbs.reduce((a, b) => (DISTANCE[b.label] > DISTANCE[a.label] ? b : a));
    // "down my leg to the knee": a part between two answers, further than what else was named, is asked about.
    const between = betweenPart(prepared, body, found, functionOnly);
    if (between && DISTANCE[between.options[1]] > DISTANCE[furthest.label] && between.options.includes(furthest.label)) return { between, ...sideOf };
    return { reach: furthest.label, ...sideOf };
  }
  const between = betweenPart(prepared, body, found, functionOnly);
  if (between) return { between, ...sideOf };
  if (found.some((m) => m.label === 'spine_only')) return { reach: 'spine_only', ...sideOf };
  return sideOf;
}

/** A word that sits between two answers, not inside a phrase already read ("below the knee"). */
function betweenPart(prepared: PreparedText, body: CompiledBody, found: { span: Span }[], functionOnly: (span: Span) => boolean = () => false): ReachReading['between'] {
  for (const [index, token] of prepared.tokens.entries()) {
    if (found.some((m) => index >= m.span.start && index <= m.span.end)) continue;
    const entry = body.between.find((candidate) => candidate.words.has(token.word));
    if (!entry) continue;
    if (saidFine(prepared, { start: index, end: index, gapTokens: [] }) || functionOnly({ start: index, end: index, gapTokens: [] })) continue;
    const before = prepared.tokens.slice(Math.max(0, index - 3), index).map((t) => t.word);
    if (before.some((word) => NOT.has(word))) continue;
    return { options: entry.options, question: entry.question };
  }
  return undefined;
}
