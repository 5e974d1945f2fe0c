/**
 * Spots warning signs in what a person writes. Pure and deterministic: the content's phrases
 * are compiled once; `detect` only runs them, then asks negation.ts whether each match is
 * affirmed. A flag is detected when any of its phrases is affirmed in the current message, or
 * completed by it (a phrase that starts in one of the last messages and ends in this one).
 */
import type { RedFlag } from '../content/redFlags.ts';
import { findSpans, type Span } from './matcher.ts';
import { compileNegation, spanContext, type CompiledNegation } from './negation.ts';
import { tokenise, type Token } from './normalise.ts';
import { compilePattern, type CompiledPattern } from './pattern.ts';
import { prepareTokens, type PreparedText } from './preparedText.ts';
import { compileSpelling, type SpellingCorrector } from './spelling.ts';
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
}

export interface RedFlagDetector {
  detect(text: string, options?: DetectOptions): RedFlagDetection[];
  /** The message on its own, without earlier messages; pass the result to `detect` for the same text. */
  scan(text: string): MessageScan;
}

interface CompiledFlag {
  flag: RedFlag;
  order: number;
  phrases: CompiledPattern[];
  requires: CompiledPattern[] | undefined;
  except: CompiledPattern[];
}

/** Messages before this one that may complete a phrase or satisfy `requires`. */
const RECENT_MESSAGES = 3;
const RECENT_JOINS = 2;

interface Message {
  text: string;
  prepared: PreparedText;
}

export function compileRedFlagDetector(flags: readonly RedFlag[]): RedFlagDetector {
  const negation = compileNegation();
  const compiled: CompiledFlag[] = flags.map((flag, order) => ({
    flag,
    order,
    phrases: flag.phrases.map((phrase) => compilePattern(phrase)),
    requires: flag.requires?.map((phrase) => compilePattern(phrase)),
    except: (flag.except ?? []).map((phrase) => compilePattern(phrase)),
  }));
  const vocabulary = compiled.flatMap((entry) => [...entry.phrases, ...(entry.requires ?? []), ...entry.except].flatMap((pattern) => pattern.literals));
  const correct = compileSpelling(vocabulary);
  const prepare = (text: string): Message => ({ text, prepared: prepareTokens(correct(tokenise(text))) });

  const prepared = new WeakMap<MessageScan, Message>();

  function run(current: Message, recentTexts: string[], known: RedFlagDetection[] | undefined): RedFlagDetection[] {
    const recent = recentTexts.slice(-RECENT_MESSAGES).map(prepare);
    const joins = joinsOf(current, recent);
    const detections: Array<RedFlagDetection & { order: number }> = [];
    for (const entry of compiled) {
      const already = known?.find((detection) => detection.flagId === entry.flag.id);
      const found = already ?? findWithRequirement(entry, current, recent, joins, negation);
      if (found !== undefined) detections.push({ flagId: entry.flag.id, urgency: entry.flag.urgency, matched: found.matched, ...(found.fromRecent !== undefined ? { fromRecent: found.fromRecent } : {}), order: entry.order });
    }
    detections.sort((a, b) => compareUrgency(a.urgency, b.urgency) || a.order - b.order);
    return detections.map(({ order: _order, ...detection }) => detection);
  }

  return {
    detect(text, options = {}) {
      const scanned = options.scan?.text === text ? options.scan : undefined;
      const current = (scanned && prepared.get(scanned)) ?? prepare(text);
      const recent = options.recent ?? [];
      if (scanned && recent.length === 0) return scanned.detections;
      return run(current, recent, scanned?.detections);
    },
    scan(text) {
      const current = prepare(text);
      const result: MessageScan = { text, detections: run(current, [], undefined) };
      prepared.set(result, current);
      return result;
    },
  };
}

/**
 * A known look-alike ("stretch both legs") cancels only the match it overlaps, never the rest of
 * the sentence: a real disclosure next to a look-alike must still be found.
 */
function isExcepted(entry: CompiledFlag, prepared: PreparedText, span: Span): boolean {
  return entry.except.some((pattern) => findSpans(pattern, prepared).some((other) => other.end >= span.start && other.start <= span.end));
}

function affirmedSpans(patterns: CompiledPattern[], prepared: PreparedText, negation: CompiledNegation, keep: (span: Span) => boolean): Span | undefined {
  for (const pattern of patterns) {
    for (const span of findSpans(pattern, prepared)) {
      if (keep(span) && spanContext(prepared.tokens, span, negation) === 'affirmed') return span;
    }
  }
  return undefined;
}

/**
 * A flag with `requires` needs both parts, in any order, with at least one of them in the
 * current message: "I'm 58" then "this pain is new" is as clear as saying both at once.
 */
function findWithRequirement(
  entry: CompiledFlag,
  current: Message,
  recent: Message[],
  joins: Join[],
  negation: CompiledNegation,
): Pick<RedFlagDetection, 'matched' | 'fromRecent'> | undefined {
  const found = findInCurrent(entry, current, negation) ?? findAcrossMessages(entry, current, joins, negation);
  const requires = entry.requires;
  if (requires === undefined) return found;
  if (found !== undefined && [current, ...recent].some((message) => anyAffirmed(requires, message.prepared, negation))) return found;
  const requirement = affirmedSpans(requires, current.prepared, negation, () => true);
  if (requirement === undefined) return undefined;
  for (const earlier of [...recent].reverse()) {
    const span = affirmedSpans(entry.phrases, earlier.prepared, negation, (candidate) => !isExcepted(entry, earlier.prepared, candidate));
    if (span !== undefined) {
      return {
        matched: quote(current.text, current.prepared.tokens, requirement.start, requirement.end),
        fromRecent: quote(earlier.text, earlier.prepared.tokens, span.start, span.end),
      };
    }
  }
  return undefined;
}

function anyAffirmed(patterns: CompiledPattern[], prepared: PreparedText, negation: CompiledNegation): boolean {
  return affirmedSpans(patterns, prepared, negation, () => true) !== undefined;
}

function quote(text: string, tokens: Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to];
  return first === undefined || last === undefined ? '' : text.slice(first.start, last.end);
}

function findInCurrent(entry: CompiledFlag, current: Message, negation: CompiledNegation): Pick<RedFlagDetection, 'matched'> | undefined {
  const span = affirmedSpans(entry.phrases, current.prepared, negation, (candidate) => !isExcepted(entry, current.prepared, candidate));
  return span === undefined ? undefined : { matched: quote(current.text, current.prepared.tokens, span.start, span.end) };
}

/** An earlier message followed by the current one, prepared once per message for every flag. */
interface Join {
  earlier: Message;
  boundary: number;
  joined: PreparedText;
}

function joinsOf(current: Message, recent: Message[]): Join[] {
  return recent
    .slice(-RECENT_JOINS)
    .reverse()
    .filter((earlier) => earlier.prepared.tokens.length > 0)
    .map((earlier) => ({ earlier, boundary: earlier.prepared.tokens.length, joined: prepareTokens([...earlier.prepared.tokens, ...current.prepared.tokens]) }));
}

/** "something odd happens when I wipe" + "I can't feel it": a phrase split over two messages. */
function findAcrossMessages(
  entry: CompiledFlag,
  current: Message,
  joins: Join[],
  negation: CompiledNegation,
): Pick<RedFlagDetection, 'matched' | 'fromRecent'> | undefined {
  for (const { earlier, boundary, joined } of joins) {
    const span = affirmedSpans(entry.phrases, joined, negation, (candidate) => candidate.start < boundary && candidate.end >= boundary && !isExcepted(entry, joined, candidate));
    if (span === undefined) continue;
    return {
      matched: quote(current.text, joined.tokens, boundary, span.end),
      fromRecent: quote(earlier.text, joined.tokens, span.start, boundary - 1),
    };
  }
  return undefined;
}
