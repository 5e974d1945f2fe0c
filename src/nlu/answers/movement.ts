/**
 * How symptoms responded to a set, read by direction, not by location (McKenzie MDT; issue 17):
 * "the pain went up into my lower back and the leg is less bad" and "tingling in my hand moved
 * back up to my shoulder" moved toward the spine (centralized), although a limb is named;
 * "spread down to my knee", "further down", "now in my foot" moved away (peripheralized);
 * reaching the toes or fingers is marked. "Back sore, legs fine" is local soreness. The words
 * and their distances from the spine are in content/lexicon/movement.yaml.
 */
import type { Lexicon, MovementResponse } from '../../content/lexicon.ts';
import { compilePhraseSet, firstAffirmedLabel, mentions, type PhraseSet } from '../phraseSet.ts';
import { SENTENCE_BOUNDARY } from '../normalise.ts';
import { prepareText, type PreparedText } from '../preparedText.ts';
import { answerText, compileAnswers } from './compiled.ts';
import { negationOf } from '../compiledLexicon.ts';
import { perLexicon } from './perLexicon.ts';
import { clauseNumbers } from './clauses.ts';

export interface MovementReading {
  response: MovementResponse;
  toesOrFingers?: boolean;
}

type Word = 'moves' | 'toward' | 'away' | 'easing' | 'worsening' | 'arising' | 'local' | 'fine' | 'atFirst';

interface CompiledMovement {
  parts: PhraseSet<string>;
  words: PhraseSet<Word>;
  outcomes: PhraseSet<MovementResponse>;
  /** Direction words that are a movement on their own ("spread", "retreated"), without a verb before them. */
  strong: Set<string>;
  levelVerbs: ReadonlySet<string>;
  functions: ReadonlySet<string>;
  partSides: ReadonlySet<string>;
  bodyMoves: PhraseSet<'bodyMove'>;
  headBendJolts: PhraseSet<'jolt'>;
}

const TOES = 7;
/** The ankle or wrist and beyond: a movement arriving there went out to the end of the limb. */
const FAR_END = 5;
/** Direction words that also say an amount ("the pain went down"). */
const LEVEL_WORDS = new Set(['up', 'down']);
/** Words after a verb of movement that make it travel between two parts (not "went numb"). */
const ROUTE_WORDS = new Set(['to', 'into', 'up', 'down', 'back', 'towards', 'toward', 'from', 'out', 'across', 'through', 'along', 'far', 'further', 'farther', 'higher', 'lower']);
/** A part as near the spine as the thigh or upper arm: reaching it is still going out along the limb. */
const REACHED_LIMB = 2;
const STRONG_WORDS = ['spread', 'spreading', 'spreads', 'further', 'farther', 'furthur', 'lower', 'retreated', 'retreating', 'receded', 'out', 'back', 'higher'];

const compileMovement = perLexicon((lexicon: Lexicon): CompiledMovement => {
  const d = lexicon.direction;
  const parts: Record<string, string[]> = {};
  for (const entry of d.distance) parts[String(entry.d)] = [...(parts[String(entry.d)] ?? []), ...entry.parts];
  const compiled: CompiledMovement = {
    parts: compilePhraseSet(parts, negationOf(lexicon)),
    words: compilePhraseSet<Word>({ toward: d.toward, away: d.away, moves: d.moves, easing: d.easing, worsening: d.worsening, arising: d.arising, local: d.local, fine: d.fine, atFirst: d.atFirst }, negationOf(lexicon)),
    outcomes: compilePhraseSet(lexicon.movement, negationOf(lexicon)),
    strong: new Set(STRONG_WORDS),
    levelVerbs: new Set(d.levelVerbs),
    functions: new Set(d.functions),
    partSides: new Set(d.partSides),
    bodyMoves: compilePhraseSet({ bodyMove: d.bodyMoves }, negationOf(lexicon)),
    headBendJolts: compilePhraseSet({ jolt: d.headBendJolts }, negationOf(lexicon)),
  };
  return compiled;
});

interface Found<L> {
  label: L;
  start: number;
  end: number;
}

/** Clause number per token: a sentence end, a comma, "but" or "then" starts a new one. */
/** "it eased, but then it spread": "but" and "then" start a clause of their own. */
const CLAUSE_BREAKS = new Set(['but', 'then']);
const clauses = (text: PreparedText) => clauseNumbers(text, CLAUSE_BREAKS);

interface Signal {
  clause: number;
  response: 'centralized' | 'peripheralized';
  toes: boolean;
  early: boolean;
  /** For a change in a part ("worse in the calf"): how far that part is from the spine. */
  distance?: number;
}

/** Words that place a part in the past ("it was in my calf", "it used to reach my foot"). */
const PAST = new Set(['was', 'were', 'before', 'earlier', 'previously', 'used', 'initially', 'originally', 'longer']);
/** Words after a change word that point at the part that follows ("less in my foot"). */
const POINTING = new Set(['in', 'into', 'down', 'at', 'around', 'round', 'across', 'through', 'on', 'of']);
const CHANGE_REACH = 4;
/** How far before a change word a denial reaches ("isn't any better": "is not any better"). */
const CHANGE_DENIAL_REACH = 3;
/** The only words between "now" and a part that place it there ("now it's in my knee", not "now and less in my back"). */
const PLACING = new Set(['it', 'is', 'its', 'in', 'into', 'at', 'to', 'my', 'the', 'just', 'only', 'mostly', 'mainly', 'sitting', 'felt', 'feel']);
/** Words between "not" and a part that still deny the place ("not in the leg"). */
const NOT_PLACE = new Set(['in', 'into', 'my', 'the', 'down', 'so', 'much']);
/** Words before a body part that make it the part named ("my back", "the back"). */
const PART_LEADS = new Set(['my', 'the', 'his', 'her', 'your', 'their', 'lower', 'low', 'upper', 'whole']);
/** Words that deny the movement after them ("nothing went down my leg"). */
const DENIALS = new Set(['not', 'never', 'no', 'nothing', 'none', 'nowt']);

/** The part a change word is said of: the one it points at, else the nearest (the one before on a tie). */
function partOfChange(prepared: PreparedText, change: Found<Word>, clauseParts: Found<number>[]): Found<number> | undefined {
  if (POINTING.has(prepared.tokens[change.end + 1]?.word ?? '')) {
    const after = clauseParts.find((p) => p.start > change.end && p.start - change.end <= CHANGE_REACH + 1);
    if (after) return after;
  }
  let best: { part: Found<number>; distance: number } | undefined;
  for (const part of clauseParts) {
    const distance = part.end < change.start ? change.start - part.end : part.start - change.end;
    if (distance > CHANGE_REACH) continue;
    if (!best || distance < best.distance) best = { part, distance };
  }
  return best?.part;
}

/** The part said, with a past word just before it, earlier in the message than `at` (not in this clause after "now"). */
function earlierPart(prepared: PreparedText, parts: Found<number>[], at: number, clauseOf: number[], clause: number): Found<number> | undefined {
  const sentenceOf = (index: number) => prepared.tokens.slice(0, index).filter((t) => t.word === SENTENCE_BOUNDARY).length;
  const candidates = parts.filter((p) => p.end < at && sentenceOf(at) - sentenceOf(p.start) <= 1 && (clauseOf[p.start] ?? 0) <= clause);
  for (const part of candidates.reverse()) {
    const lead = prepared.tokens.slice(Math.max(0, part.start - 5), part.start).map((t) => t.word);
    if (lead.some((word) => PAST.has(word))) return part;
  }
  return undefined;
}

/** A part told after `at` in the same sentence as where it was ("used to be the foot", "it was in my calf before"). */
function pastPartAfter(prepared: PreparedText, parts: Found<number>[], at: number): Found<number> | undefined {
  const sentenceEnd = prepared.tokens.findIndex((t, i) => i > at && t.word === SENTENCE_BOUNDARY);
  return parts.find((p) => p.start > at && (sentenceEnd < 0 || p.start < sentenceEnd) && prepared.tokens.slice(Math.max(at + 1, p.start - 5), p.start).some((t) => PAST.has(t.word)) && !prepared.tokens.slice(at + 1, p.start).some((t) => t.word === 'now'));
}

/** "not my hand", "not in the leg": a part denied as the place, right after a "not". */
function deniedPlace(prepared: PreparedText, part: Found<number>): boolean {
  for (let i = part.start - 1; i >= Math.max(0, part.start - 4); i -= 1) {
    const word = prepared.tokens[i]?.word ?? '';
    if (word === 'not') return true;
    if (!NOT_PLACE.has(word)) return false;
  }
  return false;
}

export function readMovement(text: string, lexicon: Lexicon): MovementReading | undefined {
  const compiled = compileMovement(lexicon);
  const prepared = prepareText(answerText(text, compileAnswers(lexicon), true));
  if (prepared.tokens.length === 0) return undefined;
  const clauseOf = clauses(prepared);
  // "get down on the floor and back up", "my legs just went": the person moved or gave way, the symptoms did not.
  const bodyMoves = mentions(compiled.bodyMoves, prepared, false);
  // "every time I tip my head down I get an electric shock down my back": what bending the neck
  // does (a warning sign the detector reads), not where the symptoms went; its clause is left out.
  // Only a jolt that runs along the spine (a part at distance 0 in its clause): "the zaps go further
  // down my arm" when the head bends is the arm's symptoms spreading.
  const partsNamed = mentions(compiled.parts, prepared, false);
  const spineClauses = new Set(partsNamed.filter((m) => m.label === '0').map((m) => clauseOf[m.span.start]!));
  const joltClauses = new Set(mentions(compiled.headBendJolts, prepared, false).map((m) => clauseOf[m.span.start]!).filter((clause) => spineClauses.has(clause)));
  const inBodyMove = (start: number, end: number) => bodyMoves.some((m) => start >= m.span.start && end <= m.span.end) || joltClauses.has(clauseOf[start]!);
  // "the back of my calf": a side of a part (movement.yaml `partSides`) names the part after "of".
  const tokens = prepared.tokens;
  const partAfterOf = (at: number, all: Array<{ start: number }>) => tokens[at]?.word === 'of' && all.some((q) => q.start > at && q.start - at <= 2);
  const sideOfPart = (p: Found<number>, all: Array<{ start: number }>) => p.start === p.end && compiled.partSides.has(tokens[p.start]!.word) && partAfterOf(p.end + 1, all);
  const partsSaid = (affirmedOnly: boolean): Found<number>[] => {
    const all = (affirmedOnly ? mentions(compiled.parts, prepared, true) : partsNamed).map((m) => ({ label: Number(m.label), start: m.span.start, end: m.span.end }));
    return all.filter((p) => !inBodyMove(p.start, p.end) && !sideOfPart(p, all));
  };
  const parts = partsSaid(true);
  // "My foot feels normal again": a part said to be fine is still the part that eased.
  const namedParts = partsSaid(false);
  // A word inside a body part's name is not a direction ("lower" in "lower back").
  // "down my back into my bum": a direction phrase that opens on a part said as one ("my back",
  // after a possessive or "the") is that part, not a direction ("back into"); "went back into my leg" is one.
  const opensOnPart = (start: number, end: number) => end > start && parts.some((p) => start >= p.start && start <= p.end && end > p.end && PART_LEADS.has(prepared.tokens[p.start - 1]?.word ?? ''));
  const inPart = (start: number, end: number) => parts.some((p) => start >= p.start && end <= p.end) || opensOnPart(start, end);
  // "less power", "more feeling": a change of what the part can do, not of the symptoms.
  const ofFunction = (w: Found<Word>) => (w.label === 'easing' || w.label === 'worsening' || w.label === 'arising') && compiled.functions.has(prepared.tokens[w.end + 1]?.word ?? '');
  // "my leg is no better", "the calf isn't any worse": a change denied is no change, in neither direction.
  const deniedChange = (w: Found<Word>) => {
    if (w.label !== 'easing' && w.label !== 'worsening') return false;
    for (let i = w.start - 1; i >= Math.max(0, w.start - CHANGE_DENIAL_REACH) && clauseOf[i] === clauseOf[w.start]; i -= 1) if (DENIALS.has(prepared.tokens[i]!.word)) return true;
    return false;
  };
  const allWords: Found<Word>[] = mentions(compiled.words, prepared, false)
    .map((m) => ({ label: m.label, start: m.span.start, end: m.span.end }))
    .filter((w) => !inPart(w.start, w.end) && !ofFunction(w) && !inBodyMove(w.start, w.end));
  const words = allWords.filter((w) => !deniedChange(w));
  const changeDenied = allWords.some(deniedChange);
  const clauseCount = (clauseOf.at(-1) ?? 0) + 1;
  const signals: Signal[] = [];
  const earlyClauses = new Set(words.filter((w) => w.label === 'atFirst').map((w) => clauseOf[w.start]!));

  for (let clause = 0; clause < clauseCount; clause += 1) {
    const inClause = <T extends { start: number }>(list: T[]) => list.filter((item) => clauseOf[item.start] === clause);
    // "now it's in my hip rather than my calf": the part after "rather than" / "instead of" is where it was.
    const ratherThan = (p: Found<number>) => {
      const lead = prepared.tokens.slice(Math.max(0, p.start - 3), p.start).map((t) => t.word);
      return (lead.includes('than') && (lead.includes('rather') || lead.includes('not'))) || (lead.includes('instead') && lead.includes('of')) || deniedPlace(prepared, p);
    };
    const clauseParts = inClause(parts).filter((p) => !ratherThan(p));
    // "in my shoulder now, not my hand": the part denied just after is where it was.
    // A denied part is not among the affirmed ones: look among all those named.
    const formerParts = [...inClause(parts).filter(ratherThan), ...namedParts.filter((p) => (clauseOf[p.start] === clause || clauseOf[p.start] === clause + 1) && deniedPlace(prepared, p))];
    const clauseWords = inClause(words);
    const has = (label: Word) => clauseWords.filter((w) => w.label === label);
    const moves = has('moves');
    const verbBefore = (at: number) => moves.some((m) => m.end < at && at - m.end <= 3) || words.some((w) => w.label === 'moves' && w.end < at && at - w.end <= 3);
    const partAfter = (at: number) => clauseParts.find((p) => p.start > at && p.start - at <= 6);
    const isStrong = (w: Found<Word>) => compiled.strong.has(prepared.tokens[w.start]?.word ?? '') || w.end > w.start;
    const toes = clauseParts.some((p) => p.label >= TOES);
    const early = earlyClauses.has(clause);
    const push = (response: Signal['response'], toesReached = false, distance?: number) => signals.push({ clause, response, toes: toesReached, early, ...(distance !== undefined ? { distance } : {}) });

    // A route: "from my foot up to my knee", "in my hand moved back up to my shoulder".
    const first = clauseParts[0];
    const last = clauseParts.at(-1);
    // "from the side of my calf": the side words before the part are passed over.
    let lead = first?.start ?? 0;
    for (let i = lead - 1; i >= Math.max(0, lead - 4); i -= 1) if (tokens[i]!.word === 'of' && compiled.partSides.has(tokens[i - 1]?.word ?? '')) lead = i - 1;
    const fromFirst = first !== undefined && prepared.tokens.slice(Math.max(0, lead - 3), lead).some((t) => t.word === 'from');
    // "went up to my calf" travels; "my toes went numb and my legs feel weak" tells two things, no route.
    const travels = (m: Found<Word>) => prepared.tokens.slice(m.end + 1, m.end + 5).some((t) => ROUTE_WORDS.has(t.word)) || clauseParts.some((p) => p.start > m.end && p.start - m.end <= 2);
    if (first && last && first !== last && first.label !== last.label && (fromFirst || moves.some((m) => m.start > first.end && m.start < last.start && travels(m)))) {
      push(last.label < first.label ? 'centralized' : 'peripheralized', last.label >= TOES && last.label > first.label);
      continue;
    }
    // A direction: "went up into my lower back", "spread down to my knee", "pulled back out of my calf".
    // "it didn't go further down": a denied movement is not one.
    const denied = (at: number) => prepared.tokens.slice(Math.max(0, at - 4), at).some((t) => DENIALS.has(t.word));
    // "the pain went down", "it's gone up a notch": how much, not where (no part after, a verb of amount).
    const amountOnly = (w: Found<Word>) => w.end === w.start && LEVEL_WORDS.has(prepared.tokens[w.start]?.word ?? '') && !partAfter(w.end) && prepared.tokens.slice(Math.max(0, w.start - 2), w.start).some((t) => compiled.levelVerbs.has(t.word));
    const directions = clauseWords.filter((w) => (w.label === 'toward' || w.label === 'away') && (verbBefore(w.start) || isStrong(w)) && !denied(w.start) && !amountOnly(w));
    // "out of breath", "out of nowhere": "out" is a direction only out of a part ("out of my calf").
    // "towards" says where to, not which way: "further down towards my foot" and "up towards my back"
    // go the way of the word before it; "crept towards my toes" goes out along the limb.
    const towards = (w: Found<Word>) => w.start === w.end && /^toward/.test(prepared.tokens[w.start]?.word ?? '');
    const aimed = directions.flatMap((w): Found<Word>[] => {
      if (!towards(w)) return [w];
      if (directions.some((d) => d !== w && d.end === w.start - 1)) return [];
      const target = clauseParts.find((p) => p.start > w.end && p.start - w.end <= 3);
      return [target && target.label >= REACHED_LIMB ? { ...w, label: 'away' } : w];
    });
    // "shot down my whole spine", "ran down my back": along the spine itself, away from no part of it
    // (a limb named further on still counts: "down my back into my leg").
    const alongSpine = (w: Found<Word>) => w.label === 'away' && partAfter(w.end)?.label === 0 && !clauseParts.some((p) => p.start > w.end && p.label > 0);
    const direction = aimed.filter((w) => (prepared.tokens[w.start]?.word !== 'out' || partAfter(w.end)) && !alongSpine(w)).at(-1);
    if (direction && (partAfter(direction.end) || isStrong(direction) || verbBefore(direction.start))) {
      push(direction.label === 'toward' ? 'centralized' : 'peripheralized', direction.label === 'away' && toes);
      continue;
    }
    // "It was in my calf, now it's in my thigh": where it is now, against where it was.
    const nowAt = prepared.tokens.findIndex((t, i) => clauseOf[i] === clause && t.word === 'now');
    const nowPart = nowAt >= 0 ? clauseParts.find((p) => p.start > nowAt && p.start - nowAt <= 6) ?? clauseParts.findLast((p) => p.end < nowAt && nowAt - p.end <= 3) : undefined;
    // "the foot pain is now in my knee": the part named before "now" is where it was.
    const placedNow = nowPart !== undefined && nowPart.start > nowAt && prepared.tokens.slice(nowAt + 1, nowPart.start).every((t) => PLACING.has(t.word));
    const subjectPart = placedNow ? clauseParts.findLast((p) => p.end < nowAt) : undefined;
    // "as far as the knee now, used to be the foot": where it was, told just after.
    const toldAfter = nowPart ? pastPartAfter(prepared, parts, Math.max(nowPart.end, nowAt)) : undefined;
    const before = nowPart ? earlierPart(prepared, parts, nowPart.start, clauseOf, clause) ?? formerParts[0] ?? subjectPart ?? toldAfter : undefined;
    if (nowPart && before && before.label !== nowPart.label) {
      push(nowPart.label < before.label ? 'centralized' : 'peripheralized', nowPart.label >= TOES && nowPart.label > before.label);
      continue;
    }
    // Reaching a far part, or "now in my foot": further out. "Now just in my buttock": back toward the spine.
    // "reached my calf", "it went into my foot": arriving at the far end of the limb.
    const arrivedFar = (m: Found<Word>) => ['into', 'to', 'in'].includes(prepared.tokens[m.end + 1]?.word ?? '') && (partAfter(m.end)?.label ?? 0) >= FAR_END;
    const reachVerb = moves.some((m) => /^reach/.test(prepared.tokens[m.start]?.word ?? '') && partAfter(m.end));
    const reached = reachVerb || moves.some(arrivedFar);
    const now = clauseWords.length >= 0 && prepared.tokens.some((t, i) => clauseOf[i] === clause && t.word === 'now');
    const only = prepared.tokens.some((t, i) => clauseOf[i] === clause && (t.word === 'just' || t.word === 'only'));
    const farthest = clauseParts.reduce<number | undefined>((max, p) => (max === undefined || p.label > max ? p.label : max), undefined);
    // "the ache reached my elbow": reached along the limb; "it only reached my knee" says less than before.
    if (reached && farthest !== undefined && (farthest >= 4 || (reachVerb && !only && farthest >= REACHED_LIMB))) {
      push('peripheralized', toes);
      continue;
    }
    if (now && farthest !== undefined) {
      if (only && farthest <= 1) {
        push('centralized');
        continue;
      }
      // "now the foot is better" eases the foot; "less in my back and now in my toes" does not.
      const farPartEases = has('easing').some((w) => (partOfChange(prepared, w, clauseParts)?.label ?? -1) === farthest);
      if (!only && farthest >= 4 && !farPartEases) {
        push('peripheralized', toes);
        continue;
      }
    }
    // A change in a part: "the leg is less bad", "less in the foot, more in the back", "worse in the calf".
    // Each change belongs to its own part: "more in my leg now and less in my back" is more in the leg.
    // "is gone" with no direction after it is gone away, not gone somewhere ("gone down to my knee").
    // "the calf pain went" (at the end of what is said): went away.
    const endsClause = (at: number) => at + 1 >= prepared.tokens.length || clauseOf[at + 1] !== clause;
    const goneAway = moves.filter((m) => {
      const word = prepared.tokens[m.start]?.word;
      if (word !== 'gone' && !(word === 'went' && endsClause(m.end))) return false;
      return !words.some((w) => (w.label === 'toward' || w.label === 'away') && w.start > m.end && w.start - m.end <= 2) && !['to', 'into', 'in'].includes(prepared.tokens[m.end + 1]?.word ?? '');
    });
    const eased = [...has('easing'), ...goneAway.map((m) => ({ ...m, label: 'easing' as const }))];
    // "the leg is not better, it's worse": "it" is the limb of the clause before.
    const carried = clauseParts.length === 0 && ['it', 'its'].includes(prepared.tokens.find((_, i) => clauseOf[i] === clause)?.word ?? '') ? parts.filter((p) => clauseOf[p.start] === clause - 1 && p.label >= REACHED_LIMB).at(-1) : undefined;
    for (const change of [...eased, ...has('worsening'), ...has('arising')].sort((a, b) => a.start - b.start)) {
      const part = partOfChange(prepared, change, change.label === 'easing' ? inClause(namedParts) : clauseParts) ?? carried;
      if (!part) continue;
      const limb = part.label >= 2;
      if (change.label === 'easing' && limb) push('centralized', false, part.label);
      else if ((change.label === 'worsening' || change.label === 'arising') && limb) push('peripheralized', part.label >= TOES, part.label);
      else if (change.label === 'worsening' && part.label === 0) push('centralized', false, 0);
    }
  }

  // Toes or fingers reached is never outweighed; otherwise the last change said wins, the start of the set least.
  const reachedEnd = signals.find((s) => s.response === 'peripheralized' && s.toes && !s.early);
  if (reachedEnd) return { response: 'peripheralized', toesOrFingers: true };
  const late = signals.filter((s) => !s.early);
  const said = late.length > 0 ? late : signals;
  // Changes in several parts ("worse in the calf but better in the thigh"): the part furthest out
  // decides, for that is where the symptoms went; otherwise the last change said wins.
  const changes = said.filter((s) => s.distance !== undefined);
  const mixed = changes.length === said.length && new Set(changes.map((s) => s.response)).size > 1;
  const decisive = mixed ? changes.reduce((a, b) => (b.distance! >= a.distance! ? b : a)) : said.at(-1);
  // "couldn't do it ... dropped to the floor, legs just went": a set said not done before the change
  // is not read as centralized, the reading that lets the plan go on ("it eased, moved up into my
  // bum, but I can't lift my foot" tells of something else after it); a peripheralized one stands.
  const notDone = mentions(compiled.outcomes, prepared, true).filter((m) => m.label === 'could_not');
  if (decisive?.response === 'centralized' && notDone.some((m) => (clauseOf[m.span.start] ?? 0) <= decisive.clause)) return { response: 'could_not' };
  // "hand buzzing's worse, right into my fingertips": a worsening with the toes or fingers named in
  // the message (not said fine) reached them, though the change word sits in the clause before.
  const endNamed = parts.some((p) => p.label >= TOES && !words.some((w) => w.label === 'fine' && clauseOf[w.start] === clauseOf[p.start]));
  if (decisive) return { response: decisive.response, ...(decisive.toes || (decisive.response === 'peripheralized' && endNamed) ? { toesOrFingers: true } : {}) };

  // No direction, but the toes or fingers named (not said to be fine): reached, the stop-at-once sign.
  if (parts.some((p) => p.label >= TOES)) return { response: 'peripheralized', toesOrFingers: true };
  // No direction: a sore back with the limb fine, could not, no change, or better said outright.
  const outright = firstAffirmedLabel(compiled.outcomes, prepared);
  // All parts named, for "sore in my back, legs are fine" takes the "fine" as said of the back too.
  const saidNot = (w: Found<Word>) => prepared.tokens.slice(Math.max(0, w.start - 2), w.start).some((t) => DENIALS.has(t.word));
  const spineSore = namedParts.some((p) => p.label === 0 && words.some((w) => w.label === 'local' && clauseOf[w.start] === clauseOf[p.start] && !saidNot(w)));
  const limbNamed = parts.filter((p) => p.label >= 1);
  const limbFine = limbNamed.every((p) => words.some((w) => w.label === 'fine' && clauseOf[w.start] === clauseOf[p.start]));
  // "it hurt in my lower back but nothing went down my leg": the back sore, the limb denied, is local.
  const limbDenied = limbNamed.length === 0 && namedParts.some((p) => p.label >= 1);
  if (outright === 'no_change' && spineSore && limbDenied) return { response: 'local_only' };
  if (outright === 'could_not' || outright === 'no_change' || outright === 'peripheralized' || outright === 'centralized') return { response: outright };
  // "my leg is no better": only a denied change said of a limb.
  if (changeDenied && namedParts.some((p) => p.label >= REACHED_LIMB)) return { response: 'no_change' };
  if ((spineSore && limbFine) || outright === 'local_only') return { response: 'local_only' };
  return undefined;
}
