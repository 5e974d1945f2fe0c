/**
 * Spots warning signs in what a person writes. Pure and deterministic: the content's phrases and
 * concept rules are compiled once; `detect` only runs them. A flag is found three ways:
 *  - a phrase (the phrase language of content/red-flags/README.md), as before;
 *  - a concept rule: concepts of the concept lexicon combined in one clause ("urination +
 *    start-trouble"), so that paraphrases and misspellings of the same idea are caught;
 *  - a combination of other signs and concepts, in this message or the last few ("cancer.history
 *    + a new neurological sign"), which can raise the tier.
 * Each match is then read in context (mention.ts): denied and a relative's own story are dropped;
 * a "what if", a past episode that is over, an unclear person, or a vague touch of the sign's
 * concept is kept with its `mention`, so the coach asks rather than refers.
 */
import type { RedFlag } from '../content/redFlags.ts';
import { compileConcepts, type ConceptMatcher, type ConceptReading, type ConceptSpan, type ConceptVocabulary } from './concepts.ts';
import type { Span } from './matcher.ts';
import { mentionOf, mentionWordsOf, type MentionContext } from './mention.ts';
import { compileNegation, contextWordsOf, type CompiledNegation } from './negation.ts';
import { SENTENCE_BOUNDARY, tokenise, type Token } from './normalise.ts';
import { compilePattern, type CompiledPattern } from './pattern.ts';
import { crosses, joinsOf, type Join } from './messageJoins.ts';
import { compilePhraseIndex, indexText, type IndexedText } from './phraseIndex.ts';
import { prepareTokens } from './preparedText.ts';
import { compileSpelling } from './spelling.ts';
import { compareUrgency, type RedFlagUrgency } from './urgency.ts';

/**
 * How a warning sign was mentioned (ConText categories). `present` (or absent) is a disclosure
 * that refers at once; every other kind gets that sign's direct question first, never silence:
 * `hypothetical` ("what if I ever..."), `resolved` (a past episode that was looked at and has
 * gone), `vague` (touches the sign's concept without a clear disclosure), `unclear-person` (not
 * clear whose symptom it is). Negated mentions and a relative's own history are not detections.
 */
export type Mention = 'present' | 'hypothetical' | 'resolved' | 'vague' | 'unclear-person';

export interface RedFlagDetection {
  flagId: string;
  urgency: RedFlagUrgency;
  /** Absent means `present`. */
  mention?: Mention;
  /** The words of the current message that matched, as the person wrote them. */
  matched: string;
  /** When the disclosure began in an earlier message: the words it began with. */
  fromRecent?: string;
}

/** One message scanned on its own (`scan`): its detections, and its preparation for `detect` to reuse. */
export interface MessageScan {
  readonly text: string;
  readonly detections: RedFlagDetection[];
}

export interface DetectOptions {
  /** The person's previous few messages, oldest first. */
  recent?: string[];
  /**
   * The same text already scanned alone: its preparation is reused and its detections stand
   * (a flag found in the message alone is found, identically, with earlier messages too), so
   * only the other flags are tried against the earlier messages.
   */
  scan?: MessageScan;
  /**
   * Concepts the conversation already knows to be true of the person, e.g. `after-surgery` when
   * the person told the coach about a spine operation: they satisfy a flag's `conceptsRequire`.
   */
  known?: readonly string[];
}

/** How a message answers "no" to a sign's own question (`RedFlagDetector.deniedSigns`). */
export interface SignDenial {
  flagId: string;
  how: 'denied' | 'asUsual' | 'lookAlike';
}

export interface RedFlagDetector {
  detect(text: string, options?: DetectOptions): RedFlagDetection[];
  /**
   * Of the asked signs (`flagIds`), those the message answers "no" about in its own words: one of
   * the sign's phrases or concept rules said and denied ("my bum isn't numb", "no trouble peeing"),
   * read by the same context reading as a detection (`denied`), one of its `asUsual` rules said as
   * it is ("been weeing like normal", "the feeling's all there when I wipe"), or one of its
   * `lookAlike` rules ("a five-day course of prednisolone", "steroid cream, not tablets"). Only
   * asked at a warning-sign question, never on the hot path; a message that discloses or mentions
   * a sign is not asked.
   */
  deniedSigns(text: string, flagIds: readonly string[]): SignDenial[];
  /**
   * The message names a body part or function (the `topic` concept), and every such mention lies
   * outside the words of the sign's own phrases and concept rules: "my legs are fine" to the
   * question about feeling when wiping is about something else.
   */
  aboutSomethingElse(text: string, flagId: string): boolean;
  /** The message on its own, without earlier messages; pass the result to `detect` for the same text. */
  scan(text: string): MessageScan;
}

interface CompiledFlag {
  flag: RedFlag;
  order: number;
  /** Phrase ids in the detector's phrase index. */
  phrases: number[];
  requires: number[] | undefined;
  except: number[];
  /** Phrase ids (also among `phrases`) of a history flag that tell a state now: a past episode of them is not the history. */
  notHistory: number[];
  concepts: RuleShape[];
  vague: RuleShape[];
  /** A benign cause told next to a present match (`explainedBy`): the match is then asked about (`vague`). */
  explainedBy: RuleShape[];
  /** The sign's function said to be as usual: read present, a no at the sign's own question. */
  asUsual: RuleShape[];
  /** A known look-alike of the sign said instead of it: read present, a no at the sign's own question. */
  lookAlike: RuleShape[];
  conceptsRequire: string[] | undefined;
  combines: RuleShape[] | undefined;
}

/**
 * Prepared messages kept for their next turns as earlier messages. Few: everything a message's
 * preparation allocates then dies young (the cheap collection), where keeping dozens kept most of
 * each message's preparation alive past a collection, to be copied and then collected again
 * later, which cost more than the preparation itself.
 */
const PREPARED_KEPT = 8;
/** Messages before this one that may complete a phrase or satisfy `requires`. */
const RECENT_MESSAGES = 3;
const RECENT_JOINS = 2;
/** Concepts of one rule sit in one clause, at most this many words apart. */
const CONCEPT_WINDOW = 10;
/** The concept naming what a clause is about (content/lexicon/concepts/body.yaml): a clause without one carries on the one before. */
const TOPIC = 'topic';

interface Message {
  text: string;
  /** The corrected words, read against the detector's phrase index. */
  phrases: IndexedText;
  reading: ConceptReading | undefined;
  clauses: number[];
  /** Each concept's first present mention (or none), worked out once per message. */
  present: Map<string, ConceptSpan | undefined>;
  /** By rule number (`RuleShape.id`): how many of the rule's parts have one of their concepts mentioned at all. */
  partsMet: number[];
}

/** Some part of the rule has none of its concepts in the message. */
function lacksAPart(shape: RuleShape, message: Message): boolean {
  return message.partsMet[shape.id] !== shape.ruleIds.length;
}

/**
 * The parts of every rule by the concepts that fill them. A message mentions a few dozen
 * concepts, and every flag's rules are tested for being complete two or three times per message:
 * counting each rule's parts once from the concepts present replaces testing every part of every
 * rule each time.
 */
interface RuleParts {
  /** By concept number: the parts (numbered across all rules) one of whose alternatives it is. */
  partsOf: number[][];
  /** By part number: the rule (`RuleShape.id`) it belongs to. */
  ruleOf: number[];
  rules: number;
}

function rulePartsOf(shapes: readonly RuleShape[], concepts: number): RuleParts {
  const partsOf: number[][] = Array.from({ length: concepts }, () => []);
  const ruleOf: number[] = [];
  for (const shape of shapes) {
    for (const alternatives of shape.ruleIds) {
      const part = ruleOf.length;
      ruleOf.push(shape.id);
      // A concept named twice in one part fills it once.
      for (const concept of new Set(alternatives)) partsOf[concept]!.push(part);
    }
  }
  return { partsOf, ruleOf, rules: shapes.length };
}

/** `Message.partsMet` from the concept numbers the message mentions. */
function partsMetBy(present: readonly number[], parts: RuleParts): number[] {
  const met = new Array<number>(parts.rules).fill(0);
  const filled = new Array<number>(parts.ruleOf.length).fill(0);
  for (let k = 0; k < present.length; k += 1) {
    const list = parts.partsOf[present[k]!]!;
    for (let p = 0; p < list.length; p += 1) {
      const part = list[p]!;
      if (filled[part] === 1) continue;
      filled[part] = 1;
      met[parts.ruleOf[part]!]! += 1;
    }
  }
  return met;
}

interface Found {
  matched: string;
  fromRecent?: string;
  mention: Mention;
}

/** Disclosed, for a combination: present, or a past episode of a history flag ("I had breast cancer years ago"), as `run` counts it. */
function disclosedAlone(entry: CompiledFlag, found: Found | undefined, message: Message, negation: CompiledNegation): boolean {
  return found?.mention === 'present' || (found !== undefined && asHistory(entry, found, message, negation));
}

/**
 * A past episode of a history flag is the history itself ("I had breast cancer years ago"), unless only the flag's
 * `notHistory` phrases told it: "the wound was red last week, looks fine now" is over, asked about as any sign is.
 */
function asHistory(entry: CompiledFlag, found: Found, message: Message, negation: CompiledNegation): boolean {
  if (found.mention !== 'resolved' || entry.flag.history !== true) return false;
  if (entry.notHistory.length === 0 || bestSpan(entry.notHistory, message.phrases, negation, entry.except) === undefined) return true;
  const others = entry.phrases.filter((id) => !entry.notHistory.includes(id));
  return bestSpan(others, message.phrases, negation, entry.except) !== undefined;
}

/** Best first: a present disclosure wins over every other kind of mention. */
const MENTION_RANK: Record<Mention, number> = { present: 0, 'unclear-person': 1, hypothetical: 2, resolved: 3, vague: 4 };

function better(a: Found | undefined, b: Found | undefined): Found | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return MENTION_RANK[b.mention] < MENTION_RANK[a.mention] ? b : a;
}

/** No concepts known of the person, the usual case: one shared empty set, not a new one per call. */
const NOTHING_KNOWN: ReadonlySet<string> = new Set();

const isDetection = (context: MentionContext): context is Mention => context !== 'negated' && context !== 'other-person';

function vocabularyOf(flags: readonly RedFlag[]): ConceptVocabulary | undefined {
  return flags.find((flag) => flag.vocabulary !== undefined)?.vocabulary;
}

/** A rule split once into its parts: the ones to find, "!" ones that must be absent, "~" ones found anywhere. */
interface RuleShape {
  /** The rule's number among all the detector's rules (`Message.partsMet`), set once they are all split. */
  id: number;
  full: string[][];
  rule: string[][];
  /** `rule` by the detector's concept numbers (`RuleParts`), set once the concepts are numbered. */
  ruleIds: Int32Array[];
  excluded: string[];
  context: string[][];
}
const bare = (name: string) => name.replace(/^[!~]/, '');
function shapeOf(full: string[][]): RuleShape {
  return {
    id: -1,
    full,
    rule: full.filter((part) => !part[0]?.startsWith('!') && !part[0]?.startsWith('~')),
    ruleIds: [],
    excluded: full.filter((part) => part[0]?.startsWith('!')).flatMap((part) => part.map(bare)),
    context: full.filter((part) => part[0]?.startsWith('~')).map((part) => part.map(bare)),
  };
}

const parts = (rules: readonly string[] | undefined): string[][][] =>
  (rules ?? []).map((rule) => rule.split('+').map((part) => part.trim().split('|').map((name) => name.trim())));

// Plain arrays, not typed ones, for what is made per message: a typed array past 64 bytes is a
// separate allocation outside the heap, slower to make and to collect than young objects.
function clausesOf(tokens: Token[], words: CompiledNegation): number[] {
  const clauses = new Array<number>(tokens.length).fill(0);
  let clause = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const previous = tokens[index - 1];
    if (token.word === SENTENCE_BOUNDARY || words.clauseBreakWords.has(token.word)) clause += 1;
    else if (previous !== undefined && words.clauseOpenersAfterJoin.has(token.word) && (token.afterComma || words.clauseJoiningWords.has(previous.word))) clause += 1;
    // a question asked of someone: the opener before "I", "it", "you" ("can I", "do I"), not an inability ("can not get comfy")
    else if (previous !== undefined && token.afterComma && words.questionOpenersAfterComma.has(token.word) && words.subjects.has(tokens[index + 1]?.word ?? '')) clause += 1;
    clauses[index] = clause;
  }
  return clauses;
}

export function compileRedFlagDetector(flags: readonly RedFlag[]): RedFlagDetector {
  const sources = flags.map((flag) => ({
    phrases: flag.phrases.map((phrase) => compilePattern(phrase)),
    requires: flag.requires?.map((phrase) => compilePattern(phrase)),
    except: (flag.except ?? []).map((phrase) => compilePattern(phrase)),
    notHistory: (flag.notHistory ?? []).map((phrase) => compilePattern(phrase)),
  }));
  const patterns = sources.flatMap((entry) => [...entry.phrases, ...entry.notHistory, ...(entry.requires ?? []), ...entry.except]);
  const phraseIndex = compilePhraseIndex(patterns);
  const ids = (list: CompiledPattern[]) => list.map((pattern) => phraseIndex.idOf.get(pattern)!);
  // A phrase crossing from an earlier message into this one lies within this many words of the join.
  const joinReach = Math.max(0, ...patterns.map((pattern) => pattern.maxWords));
  const compiled: CompiledFlag[] = flags.map((flag, order) => ({
    flag,
    order,
    phrases: ids([...sources[order]!.phrases, ...sources[order]!.notHistory]),
    notHistory: ids(sources[order]!.notHistory),
    requires: sources[order]!.requires === undefined ? undefined : ids(sources[order]!.requires!),
    except: ids(sources[order]!.except),
    concepts: parts(flag.concepts).map(shapeOf),
    vague: parts(flag.vague).map(shapeOf),
    explainedBy: parts(flag.explainedBy).map(shapeOf),
    asUsual: parts(flag.asUsual).map(shapeOf),
    lookAlike: parts(flag.lookAlike).map(shapeOf),
    conceptsRequire: flag.conceptsRequire,
    combines: flag.combines === undefined ? undefined : parts(flag.combines).map(shapeOf),
  }));
  const literals = patterns.flatMap((pattern) => pattern.literals);
  const vocabulary = vocabularyOf(flags);
  // The context rules come with the concept vocabulary the loader gives every flag (content/lexicon/context.yaml).
  const rules = vocabulary?.context;
  if (rules === undefined) throw new Error('compileRedFlagDetector: no context rules; load the flags with loadRedFlags (content/lexicon/context.yaml)');
  const negation = compileNegation(rules);
  const correct = compileSpelling(literals, contextWordsOf(rules, mentionWordsOf(rules)));
  // Only the concepts some rule uses are read (with those they refer to).
  const used = new Set<string>();
  for (const entry of compiled) {
    for (const { full } of [...entry.concepts, ...entry.vague, ...entry.explainedBy, ...entry.asUsual, ...entry.lookAlike, ...(entry.combines ?? [])]) for (const part of full) for (const name of part) used.add(name.replace(/^[!~]/, ''));
    for (const name of entry.conceptsRequire ?? []) used.add(name);
  }
  if (vocabulary?.concepts.has(TOPIC)) used.add(TOPIC);
  // Rules test their parts' presence by number, not by name, for every flag of every message.
  const conceptNumber = new Map([...used].map((name, number) => [name, number]));
  const shapes = compiled.flatMap((entry) => [...entry.concepts, ...entry.vague, ...entry.explainedBy, ...entry.asUsual, ...entry.lookAlike, ...(entry.combines ?? [])]);
  shapes.forEach((shape, id) => {
    shape.id = id;
    shape.ruleIds = shape.rule.map((alternatives) => Int32Array.from(alternatives.map((name) => conceptNumber.get(name)!)));
  });
  const ruleParts = rulePartsOf(shapes, conceptNumber.size);
  const concepts: ConceptMatcher | undefined = vocabulary === undefined ? undefined : compileConcepts(vocabulary, literals, used);
  const usesConcepts = compiled.some((entry) => entry.concepts.length + entry.vague.length > 0 || entry.combines !== undefined);
  const singles = compiled.filter((entry) => entry.combines === undefined);
  const combos = compiled.filter((entry) => entry.combines !== undefined);

  // Earlier messages come back on every turn: their preparation is remembered (bounded).
  const preparedCache = new Map<string, Message>();
  const prepare = (text: string): Message => {
    const cached = preparedCache.get(text);
    if (cached !== undefined) return cached;
    const tokens = tokenise(text);
    const reading = concepts !== undefined && usesConcepts ? concepts.read(tokens) : undefined;
    const present: number[] = [];
    for (const name of reading?.spans.keys() ?? []) {
      const number = conceptNumber.get(name);
      if (number !== undefined) present.push(number);
    }
    const message: Message = {
      text,
      phrases: indexText(phraseIndex, prepareTokens(correct(tokens))),
      reading,
      clauses: clausesOf(tokens, negation),
      present: new Map(),
      partsMet: partsMetBy(present, ruleParts),
    };
    if (preparedCache.size >= PREPARED_KEPT) preparedCache.delete(preparedCache.keys().next().value!);
    preparedCache.set(text, message);
    return message;
  };

  const prepared = new WeakMap<MessageScan, Message>();

  /** The flags disclosed (present) in one earlier message alone, for combinations. */
  const aloneCache = new Map<string, Set<string>>();
  function presentAlone(message: Message): Set<string> {
    const cached = aloneCache.get(message.text);
    if (cached !== undefined) return cached;
    const present = new Set<string>();
    for (const entry of singles) if (disclosedAlone(entry, findFlag(entry, message, [], [], negation, new Set()), message, negation)) present.add(entry.flag.id);
    rememberAlone(message.text, present);
    return present;
  }
  function rememberAlone(text: string, present: Set<string>): void {
    if (aloneCache.size >= PREPARED_KEPT) aloneCache.delete(aloneCache.keys().next().value!);
    aloneCache.set(text, present);
  }

  function run(current: Message, recentTexts: string[], known: RedFlagDetection[] | undefined, knownConcepts: ReadonlySet<string>): RedFlagDetection[] {
    const recent = recentTexts.slice(-RECENT_MESSAGES).map(prepare);
    const joins = joinsOf(current, recent, phraseIndex, joinReach, RECENT_JOINS);
    const detections: Array<RedFlagDetection & { order: number }> = [];
    const push = (entry: CompiledFlag, found: Pick<RedFlagDetection, 'matched' | 'fromRecent' | 'mention'>) => {
      const mention = found.mention === 'present' ? undefined : found.mention;
      detections.push({
        flagId: entry.flag.id,
        urgency: entry.flag.urgency,
        ...(mention !== undefined ? { mention } : {}),
        matched: found.matched,
        ...(found.fromRecent !== undefined ? { fromRecent: found.fromRecent } : {}),
        order: entry.order,
      });
    };
    // A flag the scan of this message alone found stands as it was found.
    const pushedFromScan = (entry: CompiledFlag): boolean => {
      const already = known?.find((detection) => detection.flagId === entry.flag.id);
      if (already !== undefined) push(entry, already);
      return already !== undefined;
    };
    // The message alone, with nothing known (a scan): the same search as `presentAlone` makes of it when it
    // comes back as an earlier message, so its outcome is kept for then.
    const alone = recent.length === 0 && known === undefined && knownConcepts.size === 0 && !aloneCache.has(current.text) ? new Set<string>() : undefined;
    for (const entry of singles) {
      if (pushedFromScan(entry)) continue;
      const found = findFlag(entry, current, recent, joins, negation, knownConcepts);
      if (alone !== undefined && disclosedAlone(entry, found, current, negation)) alone.add(entry.flag.id);
      if (found !== undefined) push(entry, asHistory(entry, found, current, negation) ? { ...found, mention: 'present' } : found);
    }
    if (alone !== undefined) rememberAlone(current.text, alone);
    if (combos.length > 0) {
      // A vague touch counts as a component: with a cancer history, "my bladder isn't right" is enough.
      const here = new Set(detections.filter((detection) => detection.mention === undefined || detection.mention === 'vague').map((detection) => detection.flagId));
      // The earlier messages' own signs are worked out only when a combination can use them (each a whole reading).
      let beforeSigns: Set<string>[] | undefined;
      const before = (): Set<string>[] => (beforeSigns ??= recent.map(presentAlone));
      for (const entry of combos) {
        if (pushedFromScan(entry)) continue;
        // A combination flag may have phrases and concept rules of its own too.
        const own = findFlag(entry, current, recent, joins, negation, knownConcepts);
        const combined = own?.mention === 'present' ? undefined : findCombination(entry, current, recent, here, before, negation);
        const found = combined !== undefined ? { mention: 'present' as const, ...combined } : own;
        if (found !== undefined) push(entry, found);
      }
    }
    // Present disclosures first (they refer), then the most urgent.
    detections.sort((a, b) => Number(a.mention !== undefined) - Number(b.mention !== undefined) || compareUrgency(a.urgency, b.urgency) || a.order - b.order);
    return detections.map(({ order: _order, ...detection }) => detection);
  }

  return {
    detect(text, options = {}) {
      const scanned = options.scan?.text === text ? options.scan : undefined;
      const current = (scanned && prepared.get(scanned)) ?? prepare(text);
      const recent = options.recent ?? [];
      const knownConcepts = options.known === undefined || options.known.length === 0 ? NOTHING_KNOWN : new Set(options.known);
      if (scanned && recent.length === 0 && knownConcepts.size === 0) return scanned.detections;
      return run(current, recent, knownConcepts.size === 0 ? scanned?.detections : undefined, knownConcepts);
    },
    deniedSigns(text, flagIds) {
      const asked = new Set(flagIds);
      const message = prepare(text);
      const denials: SignDenial[] = [];
      for (const entry of compiled) {
        if (!asked.has(entry.flag.id)) continue;
        const how: SignDenial['how'] | undefined =
          deniedInPhrases(entry, message, negation) || deniedInRules([...entry.concepts, ...entry.vague], message, negation) ? 'denied'
          : asUsualInRules(entry.asUsual, message, negation) ? 'asUsual'
          : asUsualInRules(entry.lookAlike, message, negation) ? 'lookAlike'
          : undefined;
        if (how !== undefined) denials.push({ flagId: entry.flag.id, how });
      }
      return denials;
    },
    aboutSomethingElse(text, flagId) {
      const entry = compiled.find((candidate) => candidate.flag.id === flagId);
      const message = prepare(text);
      const topics = message.reading?.spans.get(TOPIC) ?? [];
      if (entry === undefined || message.reading === undefined || topics.length === 0) return false;
      const own = ownWords(entry, message);
      return topics.every((topic) => !own.some((span) => span.start <= topic.end && span.end >= topic.start));
    },
    scan(text) {
      const current = prepare(text);
      const result: MessageScan = { text, detections: run(current, [], undefined, NOTHING_KNOWN) };
      prepared.set(result, current);
      return result;
    },
  };
}

/**
 * A known look-alike ("stretch both legs") cancels only the match it overlaps, never the rest of
 * the sentence: a real disclosure next to a look-alike must still be found.
 */
function isExcepted(except: number[], text: IndexedText, span: Span): boolean {
  for (let k = 0; k < except.length; k += 1) {
    const others = text.spansOf(except[k]!);
    for (let o = 0; o < others.length; o += 1) if (others[o]!.end >= span.start && others[o]!.start <= span.end) return true;
  }
  return false;
}

/**
 * How each phrase match is mentioned, once: a match belongs to one prepared message (its spans
 * are remembered with it), and earlier messages come back on every turn.
 */
function mentionOfSpan(text: IndexedText, span: Span, negation: CompiledNegation): MentionContext {
  let mention = text.mentions.get(span) as MentionContext | undefined;
  if (mention === undefined) text.mentions.set(span, (mention = mentionOf(text.prepared.tokens, span, negation)));
  return mention;
}

/**
 * The best-mentioned match of any of the patterns: a present one as soon as it is found. Only
 * matches no `except` phrase overlaps count and, with `crossing`, only those crossing that join.
 */
function bestSpan(patterns: number[], text: IndexedText, negation: CompiledNegation, except: number[] | undefined, crossing = -1, explain?: (span: Span) => boolean): { span: Span; mention: Mention } | undefined {
  let bestFound: Span | undefined;
  let bestMention: Mention = 'present';
  for (let p = 0; p < patterns.length; p += 1) {
    const pattern = patterns[p]!;
    if (text.possible[pattern] === 0) continue;
    const spans = text.spansOf(pattern);
    for (let k = 0; k < spans.length; k += 1) {
      const span = spans[k]!;
      if (crossing >= 0 && !crosses(span, crossing)) continue;
      if (except !== undefined && except.length > 0 && isExcepted(except, text, span)) continue;
      const read = mentionOfSpan(text, span, negation);
      if (!isDetection(read)) continue;
      // a present match whose benign cause is told beside it is asked about, and a clearer match may follow
      const mention: Mention = read === 'present' && explain !== undefined && explain(span) ? 'vague' : read;
      if (mention === 'present') return { span, mention };
      if (bestFound === undefined || MENTION_RANK[mention] < MENTION_RANK[bestMention]) {
        bestFound = span;
        bestMention = mention;
      }
    }
  }
  return bestFound === undefined ? undefined : { span: bestFound, mention: bestMention };
}

function presentSpan(patterns: number[], text: IndexedText, negation: CompiledNegation, except?: number[], crossing = -1): Span | undefined {
  const best = bestSpan(patterns, text, negation, except, crossing);
  return best?.mention === 'present' ? best.span : undefined;
}

/**
 * Nothing of the flag can be found in this message on its own: none of its phrases' anchors is in
 * it, and every concept rule lacks one of its parts. Most flags, for most messages: they are then
 * passed over in one test instead of the whole search (which would find nothing either).
 */
function silentAlone(entry: CompiledFlag, message: Message): boolean {
  const possible = message.phrases.possible;
  for (let k = 0; k < entry.phrases.length; k += 1) if (possible[entry.phrases[k]!] === 1) return false;
  return everyLacksAPart(entry.concepts, message) && everyLacksAPart(entry.vague, message);
}

function everyLacksAPart(shapes: RuleShape[], message: Message): boolean {
  for (let k = 0; k < shapes.length; k += 1) if (!lacksAPart(shapes[k]!, message)) return false;
  return true;
}

/**
 * Where a "~" part of a rule may be met: the concepts known of the person, this message and the
 * last few. One per flag tried, not a closure per flag per message.
 */
interface Surroundings {
  current: Message;
  recent: Message[];
  known: ReadonlySet<string>;
  negation: CompiledNegation;
}

function inContext(name: string, around: Surroundings): boolean {
  if (around.known.has(name)) return true;
  if (conceptPresent(around.current, name, around.negation) !== undefined) return true;
  for (let k = 0; k < around.recent.length; k += 1) if (conceptPresent(around.recent[k]!, name, around.negation) !== undefined) return true;
  return false;
}

/**
 * With earlier messages, nothing of the flag can be found either when, besides `silentAlone`, no
 * phrase of it can cross a join (none has its anchor in the words around the join, where a
 * crossing match lies whole), and no `requires` phrase is possible here
 * (it is what lets a phrase of an earlier message count). Concept rules read this message only.
 */
function silentWithRecent(entry: CompiledFlag, current: Message, joins: Join<Message>[]): boolean {
  if (!silentAlone(entry, current)) return false;
  for (const id of entry.requires ?? []) if (current.phrases.possible[id] === 1) return false;
  for (const join of joins) {
    const possible = join.window().text.possible;
    for (const id of entry.phrases) if (possible[id] === 1) return false;
  }
  return true;
}

function findFlag(entry: CompiledFlag, current: Message, recent: Message[], joins: Join<Message>[], negation: CompiledNegation, knownConcepts: ReadonlySet<string>): Found | undefined {
  // Without earlier messages, a phrase needs its anchor here (its `requires` cannot complete it
  // from elsewhere), and a concept rule needs all of its parts here.
  if (recent.length === 0 ? silentAlone(entry, current) : silentWithRecent(entry, current, joins)) return undefined;
  let found = entry.phrases.length > 0 ? findWithRequirement(entry, current, recent, joins, negation) : undefined;
  if (found?.mention === 'present') return found;
  const around: Surroundings = { current, recent, known: knownConcepts, negation };
  // A rule lacking a part here finds nothing whatever the requirement: it is not worked out then (its concepts' mentions cost a reading each).
  if (entry.concepts.length > 0 && !everyLacksAPart(entry.concepts, current) && requirementMet(entry, current, recent, negation, knownConcepts)) {
    found = better(found, findConceptRules(entry.concepts, current, negation, around, entry.explainedBy.length === 0 ? undefined : entry));
    if (found?.mention === 'present') return found;
  }
  if (entry.vague.length > 0 && !everyLacksAPart(entry.vague, current)) {
    const vague = findConceptRules(entry.vague, current, negation, around);
    if (vague !== undefined) found = better(found, { ...vague, mention: vague.mention === 'present' ? 'vague' : vague.mention });
  }
  return found;
}

/** `conceptsRequire`: one of the concepts said, not denied, here or in the last few messages, or known. */
function requirementMet(entry: CompiledFlag, current: Message, recent: Message[], negation: CompiledNegation, knownConcepts: ReadonlySet<string>): boolean {
  const required = entry.conceptsRequire;
  if (required === undefined) return true;
  if (required.some((name) => knownConcepts.has(name))) return true;
  return [current, ...recent].some((message) => required.some((name) => conceptPresent(message, name, negation)));
}

function conceptPresent(message: Message, name: string, negation: CompiledNegation): ConceptSpan | undefined {
  const reading = message.reading;
  if (reading === undefined) return undefined;
  if (message.present.has(name)) return message.present.get(name);
  const span = reading.spans.get(name)?.find((candidate) => mentionOf(reading.tokens, { ...candidate, gapTokens: [] }, negation) === 'present');
  message.present.set(name, span);
  return span;
}

/**
 * A concept rule: one mention of each part in one clause, close together. The covering span is
 * read in context; the words between the concepts count as a gap, so "down there is not numb"
 * is a denial.
 */
function findConceptRules(rules: RuleShape[], message: Message, negation: CompiledNegation, around?: Surroundings, explainedOf?: CompiledFlag): Found | undefined {
  const reading = message.reading;
  if (reading === undefined) return undefined;
  const clauses = message.clauses;
  let best: Found | undefined;
  for (let shapeIndex = 0; shapeIndex < rules.length; shapeIndex += 1) {
    const shape = rules[shapeIndex]!;
    // "!name": that concept must not be in the clause ("both legs + leg-symptom + !leg-exercise").
    // "~name": that concept anywhere in this message or the last few, or known ("chest-pain + ~after-surgery").
    const { rule, excluded, context } = shape;
    if (lacksAPart(shape, message)) continue;
    if (!contextMet(context, around)) continue;
    const candidates = candidatesOf(rule, reading);
    if (candidates === undefined) continue;
    let anchorIndex = 0;
    for (let index = 1; index < candidates.length; index += 1) if (candidates[index]!.length < candidates[anchorIndex]!.length) anchorIndex = index;
    const anchors = candidates[anchorIndex]!;
    for (let anchorAt = 0; anchorAt < anchors.length; anchorAt += 1) {
      const anchor = anchors[anchorAt]!;
      const chosen: ConceptSpan[] = [anchor];
      /** Where each part's mention sits in `chosen`. */
      const slots: number[] = [];
      let ok = true;
      for (let index = 0; index < candidates.length && ok; index += 1) {
        if (index === anchorIndex) continue;
        let nearest: ConceptSpan | undefined;
        let nearestDistance = Number.POSITIVE_INFINITY;
        const list = candidates[index]!;
        for (let k = 0; k < list.length; k += 1) {
          const span = list[k]!;
          // Each part is its own mention: "panty liner" is not both a pad and a leak.
          if (sameAsOne(chosen, span)) continue;
          const distance = distanceBetween(span, anchor);
          // (the distance first: it is one subtraction, the clause test may walk the words between)
          if (distance > CONCEPT_WINDOW || distance >= nearestDistance) continue;
          if (!readTogether(message, reading, span, anchor, negation)) continue;
          nearest = span;
          nearestDistance = distance;
        }
        if (nearest === undefined) ok = false;
        else {
          slots[index] = chosen.length;
          chosen.push(nearest);
        }
      }
      if (!ok) continue;
      let found = readChosen(chosen, excluded, message, reading, negation);
      // "I couldn't get going on the toilet, took ages to start": the nearest mention of a part may be read outside
      // the inability that another mention of it holds ("could not" then reads as a denial); its mentions that open on
      // an inability are tried too
      if (found?.mention !== 'present' && !excludedBeside(excluded, chosen, reading, clauses, negation)) {
        for (let index = 0; index < candidates.length && found?.mention !== 'present'; index += 1) {
          if (index === anchorIndex) continue;
          const slot = slots[index]!;
          const list = candidates[index]!;
          for (let k = 0; k < list.length && found?.mention !== 'present'; k += 1) {
            const span = list[k]!;
            // only a mention that holds the inability itself ("could not get going")
            if (span === chosen[slot] || !negation.inabilityBefore.has(reading.tokens[span.start]?.word ?? '')) continue;
            const others = chosen.filter((_, at) => at !== slot);
            if (sameAsOne(others, span) || distanceBetween(span, anchor) > CONCEPT_WINDOW || !readTogether(message, reading, span, anchor, negation)) continue;
            const alternative = chosen.slice();
            alternative[slot] = span;
            const read = readChosen(alternative, excluded, message, reading, negation);
            if (read !== undefined) found = found === undefined ? read : better(found, read);
          }
        }
      }
      if (found === undefined) continue;
      if (found.mention === 'present' && explainedOf !== undefined) {
        let first = chosen[0]!.start;
        let last = chosen[0]!.end;
        for (const one of chosen) {
          if (one.start < first) first = one.start;
          if (one.end > last) last = one.end;
        }
        if (explainedBeside(explainedOf, message, first, last, negation)) found = { ...found, mention: 'vague' };
      }
      if (found.mention === 'present') return found;
      best = better(best, found);
    }
  }
  return best;
}

/** The sentence each token is in (sentence ends counted from the start). */
function sentencesOf(tokens: Token[]): number[] {
  const sentences: number[] = [];
  let sentence = 0;
  for (const token of tokens) {
    sentences.push(sentence);
    if (token.word === SENTENCE_BOUNDARY) sentence += 1;
  }
  return sentences;
}

/**
 * `explainedBy`: a present match (tokens start..end) whose benign cause is told beside it. The rule's
 * first part is in the match's clauses, each other part said (not denied) outside the match in its
 * sentence or the one before or after, and no "!" part said anywhere in the message ("both legs ache,
 * did a long hike yesterday"; never with a nerve word: "both legs tingling after the run").
 */
const EXPLAINED_SENTENCES = 1;
function explainedBeside(entry: CompiledFlag, message: Message, start: number, end: number, negation: CompiledNegation): boolean {
  const reading = message.reading;
  if (reading === undefined) return false;
  const clauses = message.clauses;
  const tokens = reading.tokens;
  const sentences = sentencesOf(tokens);
  const here = sentences[start]!;
  for (const shape of entry.explainedBy) {
    if (lacksAPart(shape, message)) continue;
    if (shape.excluded.some((name) => conceptPresent(message, name, negation) !== undefined)) continue;
    const [first, ...others] = shape.rule;
    if (first === undefined) continue;
    const inMatch = first.some((name) => (reading.spans.get(name) ?? []).some((span) => clauses[span.start]! >= clauses[start]! && clauses[span.end]! <= clauses[end]!));
    if (!inMatch) continue;
    const told = (span: ConceptSpan) =>
      (span.end < start || span.start > end) &&
      Math.abs(sentences[span.start]! - here) <= EXPLAINED_SENTENCES &&
      causeSaid(tokens, clauses, span, negation);
    if (others.every((part) => part.some((name) => (reading.spans.get(name) ?? []).some(told)))) return true;
  }
  return false;
}

/** A cause said, read from its clause's start: "that's not from the gym" denies it. */
function causeSaid(tokens: Token[], clauses: readonly number[], span: ConceptSpan, negation: CompiledNegation): boolean {
  let from = span.start;
  while (from > 0 && clauses[from - 1] === clauses[span.start] && tokens[from - 1]!.word !== SENTENCE_BOUNDARY) from -= 1;
  const gapTokens: number[] = [];
  for (let index = from; index < span.start; index += 1) gapTokens.push(index);
  return mentionOf(tokens, { start: from, end: span.end, gapTokens }, negation) === 'present' && mentionOf(tokens, { ...span, gapTokens: [] }, negation) === 'present';
}

/** Words between two mentions; 0 when they overlap. */
function distanceBetween(span: ConceptSpan, anchor: ConceptSpan): number {
  return span.start > anchor.end ? span.start - anchor.end : anchor.start > span.end ? anchor.start - span.end : 0;
}

/** A mention read with the anchor: in its clause, or in a clause with no topic of its own that carries it on. */
function readTogether(message: Message, reading: ConceptReading, span: ConceptSpan, anchor: ConceptSpan, negation: CompiledNegation): boolean {
  const clauses = message.clauses;
  return (clauses[span.start] === clauses[anchor.start] && clauses[span.end] === clauses[anchor.end]) || carriesOn(message, reading, span, anchor, negation);
}

/** One choice of a mention per part, read in context: undefined when a look-alike is beside it or it is no detection. */
function readChosen(chosen: ConceptSpan[], excluded: string[], message: Message, reading: ConceptReading, negation: CompiledNegation): Found | undefined {
  if (excludedBeside(excluded, chosen, reading, message.clauses, negation)) return undefined;
  let first = chosen[0]!.start;
  let end = chosen[0]!.end;
  for (let k = 1; k < chosen.length; k += 1) {
    if (chosen[k]!.start < first) first = chosen[k]!.start;
    if (chosen[k]!.end > end) end = chosen[k]!.end;
  }
  const start = withInability(reading.tokens, first, negation);
  const gapTokens: number[] = [];
  for (let index = first; index <= end; index += 1) if (!covers(chosen, index)) gapTokens.push(index);
  const mention = mentionOf(reading.tokens, { start, end, gapTokens }, negation);
  if (!isDetection(mention)) return undefined;
  return { matched: quote(message.text, reading.tokens, start, end), mention };
}

const NO_SPANS: readonly ConceptSpan[] = Object.freeze([]);

/** Each part's mentions, its concepts' one after another; undefined when a part has none. */
function candidatesOf(rule: string[][], reading: ConceptReading): Array<readonly ConceptSpan[]> | undefined {
  const candidates: Array<readonly ConceptSpan[]> = new Array(rule.length);
  for (let part = 0; part < rule.length; part += 1) {
    const alternatives = rule[part]!;
    let list: readonly ConceptSpan[] = alternatives.length === 1 ? (reading.spans.get(alternatives[0]!) ?? NO_SPANS) : alternatives.flatMap((name) => reading.spans.get(name) ?? []);
    if (list.length === 0) return undefined;
    candidates[part] = list;
  }
  return candidates;
}

/** Every "~" part is met by one of its concepts (see `inContext`); none is without surroundings. */
function contextMet(context: string[][], around: Surroundings | undefined): boolean {
  for (let part = 0; part < context.length; part += 1) {
    const names = context[part]!;
    let met = false;
    for (let k = 0; k < names.length && !met; k += 1) met = around !== undefined && inContext(names[k]!, around);
    if (!met) return false;
  }
  return true;
}

function sameAsOne(chosen: ConceptSpan[], span: ConceptSpan): boolean {
  for (let k = 0; k < chosen.length; k += 1) if (chosen[k]!.start === span.start && chosen[k]!.end === span.end) return true;
  return false;
}

function covers(chosen: ConceptSpan[], index: number): boolean {
  for (let k = 0; k < chosen.length; k += 1) if (index >= chosen[k]!.start && index <= chosen[k]!.end) return true;
  return false;
}

/**
 * A "!" concept (a look-alike) in a clause one of the chosen mentions starts in, or one whose words
 * take in a mention ("tripped on the kerb but caught myself"), but not a word inside the mention
 * itself (the "hold" of "his legs won't hold him" is no leg exercise; a look-alike of the very same
 * words, "lets go" as a start word, still excludes), nor a cause only believed at first.
 */
function excludedBeside(excluded: string[], chosen: ConceptSpan[], reading: ConceptReading, clauses: readonly number[], negation: CompiledNegation): boolean {
  for (let k = 0; k < excluded.length; k += 1) {
    const spans = reading.spans.get(excluded[k]!);
    if (spans === undefined) continue;
    for (let s = 0; s < spans.length; s += 1) {
      const span = spans[s]!;
      let beside = false;
      let inside = false;
      for (let c = 0; c < chosen.length; c += 1) {
        const one = chosen[c]!;
        if (clauses[one.start] === clauses[span.start] || (span.start <= one.start && span.end >= one.end)) beside = true;
        if (span.start >= one.start && span.end <= one.end && span.end - span.start < one.end - one.start) inside = true;
      }
      if (beside && !inside && !onlyBelieved(reading.tokens, span.start, negation) && !causeDenied(reading.tokens, span.start, chosen, negation)) return true;
    }
  }
  return false;
}

/**
 * A look-alike's cause denied right before it ("it's not from the gym") explains nothing; not the "not" of the
 * sign's own words ("my legs don't go" is no denial of "go down the legs").
 */
const DENIAL_REACH = 2;
function causeDenied(tokens: Token[], at: number, chosen: readonly ConceptSpan[], words: CompiledNegation): boolean {
  const index = wordBefore(tokens, at, DENIAL_REACH, words.causeDeniedBefore);
  return index >= 0 && !chosen.some((span) => span.start <= index && span.end >= index);
}

/**
 * A look-alike's cause the person only thought of at first ("thought it was sweat at first but it's
 * definitely not") explains nothing: the belief is told because it changed.
 */
const BELIEF_REACH = 4;
const onlyBelieved = (tokens: Token[], at: number, words: CompiledNegation) => wordBefore(tokens, at, BELIEF_REACH, words.believedAtFirst) >= 0;

/** The nearest of `words` within `reach` words before `at`, in its sentence: its index, or -1. */
function wordBefore(tokens: Token[], at: number, reach: number, words: ReadonlySet<string>): number {
  for (let index = at - 1; index >= 0 && at - index <= reach; index -= 1) {
    const word = tokens[index]?.word;
    if (word === SENTENCE_BOUNDARY) return -1;
    if (word !== undefined && words.has(word)) return index;
  }
  return -1;
}

/**
 * Two mentions in nearby clauses of one sentence belong together when the clauses after the first
 * have no topic of their own (no body part or function): they say what happened to the earlier
 * one's. One clause may come between ("I keep needing to go but then I stand there and nothing
 * happens"): it too must have no topic.
 */
const CARRY_CLAUSES = 2;
const FRAGMENT_CLAUSES = 3;
function carriesOn(message: Message, reading: ConceptReading, one: ConceptSpan, other: ConceptSpan, negation: CompiledNegation): boolean {
  const first = one.start < other.start ? one : other;
  const second = one.start < other.start ? other : one;
  const clauses = message.clauses;
  const later = clauses[second.start]!;
  // The earlier mention may end on the word that opens the next clause ("needing to go but").
  const earlier = clauses[first.start]!;
  if (clauses[first.end]! - earlier > 1 || clauses[second.end] !== later || later <= earlier || later - earlier > FRAGMENT_CLAUSES) return false;
  // Across a sentence end only in fragments (one test, whatever the number of ends between).
  let fragments = false;
  let pointsBack = false;
  for (let index = first.end + 1; index < second.start && !fragments; index += 1) {
    if (reading.tokens[index]?.word !== SENTENCE_BOUNDARY) continue;
    if (telegraphic(reading.tokens, first.start, second.end, negation)) fragments = true;
    else if (goesOnAbout(message, reading.tokens, index, second, negation)) pointsBack = true;
    else return false;
  }
  // Notes of a word or two each run over one clause more: "Legs. Both. Heavy. Worse."
  if (later - earlier > CARRY_CLAUSES && !fragments) return false;
  // In fragments the later mention may itself name the topic: "Numb. Down there."; and a topic after it goes on to
  // the next note, it says nothing of what came between: "Legs. Both. Weak since last night, back sore"
  const own = (span: ConceptSpan) => fragments && span.start <= second.end && span.end >= second.start;
  // ... as after a sentence pointing back: "Needed the loo. It just wouldn't get going.. walked my dog"
  const after = (span: ConceptSpan) => (fragments || pointsBack) && span.start > second.end;
  return !(reading.spans.get(TOPIC) ?? []).some((span) => !own(span) && !after(span) && ((clauses[span.start]! > earlier && clauses[span.start]! <= later) || (clauses[span.end]! > earlier && clauses[span.end]! <= later)));
}

/**
 * A sentence that opens on a word pointing back ("it", "nothing") goes on about the sentence before
 * it: "Tried to pee. It took forever to start." Only across this one sentence end, and only for a
 * mention in the new sentence's first clause (the topic test of `carriesOn` still applies).
 */
function goesOnAbout(message: Message, tokens: Token[], boundary: number, second: ConceptSpan, rules: CompiledNegation): boolean {
  const opener = boundary + 1;
  if (!rules.anaphoricOpeners.has(tokens[opener]?.word ?? '')) return false;
  for (let index = opener; index < second.start; index += 1) if (tokens[index]?.word === SENTENCE_BOUNDARY) return false;
  return message.clauses[second.end] === message.clauses[opener];
}

/**
 * Notes typed in fragments ("Legs.. both. Weak.", "Bladder. Can't go.") are one clause split by
 * full stops: across a sentence end two mentions still belong together when every sentence from
 * the first's to the second's is a fragment of a few words (a topic in a later one still stops it).
 */
const FRAGMENT_WORDS = 3;
function telegraphic(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  let start = from;
  while (start > 0 && tokens[start - 1]?.word !== SENTENCE_BOUNDARY) start -= 1;
  let words = 0;
  // the last fragment may run on after the second mention: "Weak since last night"
  for (let index = start; index <= to; index += 1) {
    if (tokens[index]?.word === SENTENCE_BOUNDARY) words = 0;
    else if (rules.fragmentAllClear.has(tokens[index]!.word)) return false;
    else if (!rules.fragmentDegree.has(tokens[index]!.word) && (words += 1) > FRAGMENT_WORDS) return false;
  }
  return true;
}

/** Moves a span's start back over "can not (seem to)" so that the inability is part of it. */
function withInability(tokens: Token[], start: number, words: CompiledNegation): number {
  let from = start;
  while (from > 0 && words.inabilityTail.has(tokens[from - 1]!.word) && start - from < 5) from -= 1;
  if (from > 0 && words.inabilityBefore.has(tokens[from - 1]!.word)) return from - 1;
  for (let index = from; index < start; index += 1) if (words.inabilityBefore.has(tokens[index]!.word)) return index;
  return start;
}

/**
 * A combination: every part met by a present sign (a flag id, `*` for a group) or a present
 * concept, in this message or the last few, at least one of them in this message.
 */
function matchesFlag(pattern: string, ids: Set<string>): boolean {
  if (!pattern.endsWith('*')) return ids.has(pattern);
  const group = pattern.slice(0, -1);
  for (const id of ids) if (id.startsWith(group)) return true;
  return false;
}

/** The signs each earlier message discloses on its own, worked out when first asked for. */
type EarlierSigns = () => Set<string>[];

function matchesFlagBefore(pattern: string, earlier: EarlierSigns): boolean {
  const before = earlier();
  for (let k = 0; k < before.length; k += 1) if (matchesFlag(pattern, before[k]!)) return true;
  return false;
}

/**
 * Some part of the rule can be met in this message (a sign found here, or a concept mentioned here):
 * a combination needs one of them here, so without any it is passed over before the earlier
 * messages' signs are worked out.
 */
function somePartHere(rule: string[][], current: Message, here: Set<string>): boolean {
  for (let part = 0; part < rule.length; part += 1) {
    const alternatives = rule[part]!;
    for (let k = 0; k < alternatives.length; k += 1) {
      const name = alternatives[k]!;
      if (name.includes('.') ? matchesFlag(name, here) : current.reading?.spans.has(name) === true) return true;
    }
  }
  return false;
}

/** The concept has a mention at all (present or not) in this message or the last few. */
function mentionedAround(name: string, current: Message, recent: Message[]): boolean {
  if (current.reading?.spans.has(name) === true) return true;
  for (let k = 0; k < recent.length; k += 1) if (recent[k]!.reading?.spans.has(name) === true) return true;
  return false;
}

/**
 * A concept with no mention at all in a message is not present there: a shape with a part no
 * sign and no mentioned concept can meet fails, and is passed over before any mention is read.
 */
function everyPartCanMeet(rule: string[][], current: Message, recent: Message[], here: Set<string>, before: EarlierSigns): boolean {
  for (let part = 0; part < rule.length; part += 1) {
    const alternatives = rule[part]!;
    let can = false;
    // (what this message and the concepts say first: the earlier messages' signs are the costly test)
    for (let k = 0; k < alternatives.length && !can; k += 1) {
      const name = alternatives[k]!;
      can = name.includes('.') ? matchesFlag(name, here) : mentionedAround(name, current, recent);
    }
    for (let k = 0; k < alternatives.length && !can; k += 1) if (alternatives[k]!.includes('.')) can = matchesFlagBefore(alternatives[k]!, before);
    if (!can) return false;
  }
  return true;
}

/**
 * A `!name` of a combination: that concept in this message; for a name ending in `-alone`, this message is that
 * concept and nothing else ("No change", the movement answer, not "about the same. 14 weeks despite everything").
 */
function excludes(current: Message, name: string, negation: CompiledNegation): boolean {
  const span = conceptPresent(current, name, negation);
  if (span === undefined || !name.endsWith(ALONE)) return span !== undefined;
  const tokens = current.reading!.tokens;
  for (let i = 0; i < tokens.length; i += 1) if ((i < span.start || i > span.end) && tokens[i]!.word !== SENTENCE_BOUNDARY) return false;
  return true;
}
const ALONE = '-alone';

function findCombination(entry: CompiledFlag, current: Message, recent: Message[], here: Set<string>, before: EarlierSigns, negation: CompiledNegation): Pick<Found, 'matched' | 'fromRecent'> | undefined {
  for (const shape of entry.combines ?? []) {
    if (!somePartHere(shape.rule, current, here) || !everyPartCanMeet(shape.rule, current, recent, here, before)) continue;
    let inCurrent: string | undefined;
    let fromRecent: string | undefined;
    // "!name": not when that concept is in this message ("chest-pain + breathless + !exertion").
    const { rule, excluded } = shape;
    if (excluded.some((name) => excludes(current, name, negation))) continue;
    let ok = true;
    for (const alternatives of rule) {
      let met = false;
      for (const name of alternatives) {
        if (name.includes('.')) {
          if (matchesFlag(name, here)) {
            met = true;
            inCurrent ??= name;
          } else if (matchesFlagBefore(name, before)) {
            met = true;
            fromRecent ??= name;
          }
        } else {
          const span = conceptPresent(current, name, negation);
          if (span !== undefined) {
            met = true;
            inCurrent ??= quote(current.text, current.reading!.tokens, span.start, span.end);
          } else {
            const earlier = recent.find((message) => conceptPresent(message, name, negation) !== undefined);
            if (earlier !== undefined) {
              met = true;
              fromRecent ??= name;
            }
          }
        }
        if (met) break;
      }
      if (!met) ok = false;
    }
    if (ok && inCurrent !== undefined) return { matched: inCurrent, ...(fromRecent !== undefined ? { fromRecent } : {}) };
  }
  return undefined;
}

/**
 * A flag with `requires` needs both parts, in any order, with at least one of them in the
 * current message: "I'm 58" then "this pain is new" is as clear as saying both at once.
 */
function findWithRequirement(entry: CompiledFlag, current: Message, recent: Message[], joins: Join<Message>[], negation: CompiledNegation): Found | undefined {
  const found = better(findInCurrent(entry, current, negation), findAcrossMessages(entry, current, joins, negation));
  const requires = entry.requires;
  if (requires === undefined) return found;
  if (found !== undefined && (presentSpan(requires, current.phrases, negation) !== undefined || recent.some((message) => presentSpan(requires, message.phrases, negation) !== undefined))) return found;
  const requirement = presentSpan(requires, current.phrases, negation);
  if (requirement === undefined) return undefined;
  for (const earlier of [...recent].reverse()) {
    const span = presentSpan(entry.phrases, earlier.phrases, negation, entry.except);
    if (span !== undefined) {
      return {
        matched: quote(current.text, current.phrases.prepared.tokens, requirement.start, requirement.end),
        fromRecent: quote(earlier.text, earlier.phrases.prepared.tokens, span.start, span.end),
        mention: 'present',
      };
    }
  }
  return undefined;
}

function quote(text: string, tokens: Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to];
  return first === undefined || last === undefined ? '' : text.slice(first.start, last.end);
}

function findInCurrent(entry: CompiledFlag, current: Message, negation: CompiledNegation): Found | undefined {
  const explain = entry.explainedBy.length === 0 ? undefined : (span: Span) => explainedBeside(entry, current, span.start, span.end, negation);
  const best = bestSpan(entry.phrases, current.phrases, negation, entry.except, -1, explain);
  return best === undefined ? undefined : { matched: quote(current.text, current.phrases.prepared.tokens, best.span.start, best.span.end), mention: best.mention };
}

/** A match of one of the phrases in the words around a join crosses it (only a phrase whose anchor is there can match). */
function crossesJoin(phrases: number[], window: { text: IndexedText; boundary: number }): boolean {
  const possible = window.text.possible;
  for (let p = 0; p < phrases.length; p += 1) {
    if (possible[phrases[p]!] === 0) continue;
    const spans = window.text.spansOf(phrases[p]!);
    for (let k = 0; k < spans.length; k += 1) if (crosses(spans[k]!, window.boundary)) return true;
  }
  return false;
}

/** "something odd happens when I wipe" + "I can't feel it": a phrase split over two messages. */
function findAcrossMessages(entry: CompiledFlag, current: Message, joins: Join<Message>[], negation: CompiledNegation): Found | undefined {
  for (let j = 0; j < joins.length; j += 1) {
    const join = joins[j]!;
    if (!crossesJoin(entry.phrases, join.window())) continue;
    const { earlier, boundary } = join;
    const joined = join.joined();
    const span = presentSpan(entry.phrases, joined, negation, entry.except, boundary);
    if (span === undefined) continue;
    return {
      matched: quote(current.text, joined.prepared.tokens, boundary, span.end),
      fromRecent: quote(earlier.text, joined.prepared.tokens, span.start, boundary - 1),
      mention: 'present',
    };
  }
  return undefined;
}

/**
 * One of the flag's phrases said and denied ("my bum isn't numb"): the answer "no" to its own
 * question. Look-alikes (`except`) do not count; a match read any other way is the detection's.
 */
function deniedInPhrases(entry: CompiledFlag, message: Message, negation: CompiledNegation): boolean {
  const text = message.phrases;
  for (const pattern of entry.phrases) {
    if (text.possible[pattern] === 0) continue;
    for (const span of text.spansOf(pattern)) {
      if (entry.except.length > 0 && isExcepted(entry.except, text, span)) continue;
      if (mentionOfSpan(text, span, negation) === 'negated') return true;
    }
  }
  return false;
}

/**
 * Each way a concept rule is met in the message: the nearest mention of each part to an anchor of
 * the first, in one clause (as `findConceptRules` chooses them), one per part in the rule's order.
 * Rules that need the conversation around ("~name") are passed over: an answer is read from this
 * message alone.
 */
function* chosenMentions(shape: RuleShape, message: Message, reading: ConceptReading, negation: CompiledNegation): Generator<ConceptSpan[]> {
  if (shape.context.length > 0 || lacksAPart(shape, message)) return;
  const candidates = candidatesOf(shape.rule, reading);
  if (candidates === undefined) return;
  for (const anchor of candidates[0]!) {
    const chosen: ConceptSpan[] = [anchor];
    for (let index = 1; index < candidates.length && chosen.length === index; index += 1) {
      let nearest: ConceptSpan | undefined;
      let nearestDistance = Number.POSITIVE_INFINITY;
      for (const span of candidates[index]!) {
        if (sameAsOne(chosen, span)) continue;
        const distance = distanceBetween(span, anchor);
        if (distance > CONCEPT_WINDOW || distance >= nearestDistance || !readTogether(message, reading, span, anchor, negation)) continue;
        nearest = span;
        nearestDistance = distance;
      }
      if (nearest !== undefined) chosen.push(nearest);
    }
    if (chosen.length === candidates.length) yield chosen;
  }
}

/** A concept rule met in the message and read in context as denied ("my bum isn't numb", "no trouble peeing"). */
function deniedInRules(rules: RuleShape[], message: Message, negation: CompiledNegation): boolean {
  const reading = message.reading;
  if (reading === undefined) return false;
  for (const shape of rules) {
    for (const chosen of chosenMentions(shape, message, reading, negation)) {
      if (contextOfChosen(chosen, shape.excluded, message, reading, negation) === 'negated' && !functionDenied(chosen, message, reading, negation)) return true;
    }
  }
  return false;
}

/** Words before a body part or function within which a denial is of it: "not been intimate", "haven't had sex". */
const FUNCTION_DENIAL_REACH = 3;

/**
 * The denial is of the function the rule names, not of the sign: "not been intimate since, so I
 * can't answer", "haven't had sex since it started" say the person cannot tell, never that the sign
 * is absent. The rule's first mention is a body part or function (the `topic` concept), and a
 * denial word (the detector's own) sits just before it.
 */
function functionDenied(chosen: ConceptSpan[], message: Message, reading: ConceptReading, negation: CompiledNegation): boolean {
  let first = chosen[0]!;
  for (const span of chosen) if (span.start < first.start) first = span;
  const topic = (reading.spans.get(TOPIC) ?? []).some((span) => span.start <= first.end && span.end >= first.start);
  if (!topic) return false;
  for (let index = first.start - 1; index >= 0 && first.start - index <= FUNCTION_DENIAL_REACH; index -= 1) {
    const word = reading.tokens[index]!.word;
    if (word === SENTENCE_BOUNDARY || message.clauses[index] !== message.clauses[first.start]) return false;
    if (negation.singleWordBefore.has(word)) return true;
  }
  return false;
}

/**
 * How an as-usual statement may be read and still stand: as it is, "denied" (the reading takes an
 * all-clear after a function for the denial of a sign of it: "my bladder is fine"), or "over" (an
 * all-clear after it: "made it to the loo every time, fine now"). Past times said in words ("last
 * month", "used to") are left out by the answer reader (`saysPlainly`) before this is asked.
 */
const SAID_AS_IT_IS: ReadonlySet<MentionContext | undefined> = new Set(['present', 'negated', 'resolved']);

/** Words before the as-usual words that may deny them ("not normal", "never fine"): as far back as a denial reaches. */
const AS_USUAL_DENIAL_REACH = 3;

/**
 * An `asUsual` (or `lookAlike`) rule met and said as it is: "been weeing like normal", "the feeling's all there when
 * I wipe". Its last part is the as-usual words. The context reading counts an all-clear after a
 * function as its denial ("my bladder is fine" denies a bladder sign), so the rule reads present or
 * denied; what must not be denied is the as-usual words themselves: no denial word (the detector's
 * own) from the rule's first mention, or a few words before them, up to them ("not weeing
 * normally", "weeing isn't normal", "can not always feel when"). Not a "what if" or someone
 * else's, read of the rule and of the as-usual words alone ("if wiping feels normal, can I...").
 */
function asUsualInRules(rules: RuleShape[], message: Message, negation: CompiledNegation): boolean {
  const reading = message.reading;
  if (reading === undefined) return false;
  const tokens = reading.tokens;
  for (const shape of rules) {
    for (const chosen of chosenMentions(shape, message, reading, negation)) {
      const context = contextOfChosen(chosen, shape.excluded, message, reading, negation);
      if (!SAID_AS_IT_IS.has(context)) continue;
      const usual = chosen[chosen.length - 1]!;
      // The as-usual words read alone must be said of the person, as it is: not "if it feels normal".
      if (!SAID_AS_IT_IS.has(mentionOf(tokens, { start: usual.start, end: usual.end, gapTokens: [] }, negation))) continue;
      let from = usual.start - AS_USUAL_DENIAL_REACH;
      for (const span of chosen) if (span.start < from) from = span.start;
      let denied = false;
      for (let index = Math.max(0, from); index < usual.start && !denied; index += 1) {
        if (negation.singleWordBefore.has(tokens[index]!.word) && message.clauses[index] === message.clauses[usual.start]) denied = true;
      }
      if (!denied && !turnsAfter(tokens, chosen, negation)) return true;
    }
  }
  return false;
}

/**
 * A clause break with words after it follows the rule's mentions ("a course of pred for 5 days,
 * but I've been on it for months"): what comes after may take the statement back, so it is no
 * plain answer. A "though" that only ends the message ("got there in time tho") takes nothing back.
 */
function turnsAfter(tokens: Token[], chosen: ConceptSpan[], negation: CompiledNegation): boolean {
  let last = 0;
  for (const span of chosen) if (span.end > last) last = span.end;
  for (let index = last + 1; index < tokens.length; index += 1) {
    if (!negation.clauseBreakWords.has(tokens[index]!.word)) continue;
    for (let next = index + 1; next < tokens.length; next += 1) if (tokens[next]!.word !== SENTENCE_BOUNDARY) return true;
  }
  return false;
}

/** As `readChosen`, but every reading is told, denied and someone else's too (undefined: a look-alike beside it). */
function contextOfChosen(chosen: ConceptSpan[], excluded: string[], message: Message, reading: ConceptReading, negation: CompiledNegation): MentionContext | undefined {
  if (excludedBeside(excluded, chosen, reading, message.clauses, negation)) return undefined;
  let first = chosen[0]!.start;
  let end = chosen[0]!.end;
  for (const span of chosen) {
    if (span.start < first) first = span.start;
    if (span.end > end) end = span.end;
  }
  const start = withInability(reading.tokens, first, negation);
  const gapTokens: number[] = [];
  for (let index = first; index <= end; index += 1) if (!covers(chosen, index)) gapTokens.push(index);
  return mentionOf(reading.tokens, { start, end, gapTokens }, negation);
}

/** The spans of the message that the flag's own phrases and concept rules (their named parts, not "!" or "~" ones) take in. */
function ownWords(entry: CompiledFlag, message: Message): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const pattern of [...entry.phrases, ...entry.except]) if (message.phrases.possible[pattern] !== 0) spans.push(...message.phrases.spansOf(pattern));
  const reading = message.reading;
  if (reading === undefined) return spans;
  for (const shape of [...entry.concepts, ...entry.vague, ...entry.asUsual, ...entry.lookAlike]) for (const part of shape.rule) for (const name of part) spans.push(...(reading.spans.get(name) ?? []));
  return spans;
}
