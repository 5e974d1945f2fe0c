/**
 * How a warning sign is mentioned (ConText, after Harkema et al. 2009): present, denied, a "what
 * if", over and done with, someone else's, or not clear whose. Built on the negation scopes of
 * negation.ts; the rules of English are in content/lexicon/context.yaml. Knows nothing about red flags.
 */
import type { Span } from './matcher.ts';
import type { NegationRules } from './negationRules.ts';
import { feelingAboutAfter, hasOwnFirstPerson, notOverBefore, ownWords, phraseAt, sequenceAt, sharedWithMeLater, spanContext, startingWith, type CompiledNegation } from './negation.ts';
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

/** The sentence ending at `to` is a "what if" or a general question. */
function previousSentenceAsks(tokens: Token[], to: number, rules: CompiledNegation): boolean {
  let from = to;
  while (from > 0 && tokens[from - 1]?.word !== SENTENCE_BOUNDARY) from -= 1;
  return anyWithin(tokens, from, to, rules.hypothetical) || anyWithin(tokens, from, to, rules.generalQuestion) || anyWithin(tokens, from, to, rules.askingAbout);
}

/** The comma segment the span is in, also cut at "and" and "but": "I had cancer years ago, I have lost weight and my bum is numb". */
function clauseBounds(tokens: Token[], span: Span, rules: CompiledNegation): { from: number; to: number } {
  let from = span.start;
  while (from > 0 && !tokens[from]?.afterComma && tokens[from - 1]?.word !== SENTENCE_BOUNDARY && !rules.clauseJoins.has(tokens[from - 1]?.word ?? '')) from -= 1;
  let to = span.end;
  while (to < tokens.length - 1 && !tokens[to + 1]?.afterComma && tokens[to + 1]?.word !== SENTENCE_BOUNDARY && !rules.clauseJoins.has(tokens[to + 1]?.word ?? '')) to += 1;
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

/**
 * Where the phrases of each list start in one message, in word order: every list this file scans
 * is numbered when first scanned, and a message's words are read once against all of them (one
 * lookup per word), instead of once per list and call (the context tests scan the same sentences
 * and the whole message again for every match read in it).
 */
interface SiteLists {
  numberOf: Map<string[][], number>;
  /**
   * By first word: the phrases of every numbered list, with the list's number; those of two words
   * or more by their second word too ("i" starts hundreds of them, "i am" a few).
   */
  byFirst: Map<string, SitePhrases>;
}
interface SitePhrase {
  list: number;
  words: string[];
}
interface SitePhrases {
  single: SitePhrase[];
  bySecond: Map<string, SitePhrase[]>;
}
const siteLists: SiteLists = { numberOf: new Map(), byFirst: new Map() };
const NO_SITES: readonly number[] = Object.freeze([]);
/** A list holding an empty phrase is scanned word by word: the empty phrase matches past the message's ends too. */
const EMPTY_PHRASE = -1;

function listNumber(phrases: string[][]): number {
  let number = siteLists.numberOf.get(phrases);
  if (number !== undefined) return number;
  number = phrases.some((words) => words.length === 0) ? EMPTY_PHRASE : siteLists.numberOf.size;
  siteLists.numberOf.set(phrases, number);
  if (number === EMPTY_PHRASE) return number;
  for (const words of phrases) {
    let starting = siteLists.byFirst.get(words[0]!);
    if (starting === undefined) siteLists.byFirst.set(words[0]!, (starting = { single: [], bySecond: new Map() }));
    if (words.length === 1) starting.single.push({ list: number, words });
    else {
      const second = starting.bySecond.get(words[1]!);
      if (second === undefined) starting.bySecond.set(words[1]!, [{ list: number, words }]);
      else second.push({ list: number, words });
    }
  }
  return number;
}

interface MessageSites {
  tokens: Token[];
  /** How many lists were numbered when the message was read: a list numbered later is read on its own. */
  lists: number;
  /** By list number: the positions, ascending. */
  at: Array<readonly number[]>;
}
const recentSites: MessageSites[] = [];
function sitesOf(tokens: Token[], list: number): readonly number[] {
  let entry: MessageSites | undefined;
  for (let k = 0; k < recentSites.length && entry === undefined; k += 1) if (recentSites[k]!.tokens === tokens) entry = recentSites[k];
  if (entry === undefined || (list >= entry.lists && entry.at[list] === undefined)) {
    const from = entry === undefined ? 0 : entry.lists;
    if (entry === undefined) {
      // The message read now and the few before it: the ones one detection reads.
      if (recentSites.length >= 6) recentSites.shift();
      recentSites.push((entry = { tokens, lists: 0, at: [] }));
    }
    const lists = siteLists.numberOf.size;
    const at = entry.at;
    for (let number = from; number < lists; number += 1) at[number] = NO_SITES;
    const add = (phrases: SitePhrase[], i: number): void => {
      for (let k = 0; k < phrases.length; k += 1) {
        const { list: number, words } = phrases[k]!;
        if (number < from) continue;
        const sites = at[number]!;
        if (sites[sites.length - 1] === i || !sequenceAt(tokens, i, words)) continue;
        if (sites === NO_SITES) at[number] = [i];
        else (sites as number[]).push(i);
      }
    };
    for (let i = 0; i < tokens.length; i += 1) {
      const starting = siteLists.byFirst.get(tokens[i]!.word);
      if (starting === undefined) continue;
      add(starting.single, i);
      const next = tokens[i + 1];
      if (next === undefined || starting.bySecond.size === 0) continue;
      const second = starting.bySecond.get(next.word);
      if (second !== undefined) add(second, i);
    }
    entry.lists = lists;
  }
  return entry.at[list]!;
}

/** Where the first of the phrases starts between `from` and `to`, or -1. */
function firstWithin(tokens: Token[], from: number, to: number, phrases: string[][]): number {
  const index = byFirstWord(phrases);
  for (let i = from; i <= to; i += 1) {
    const starting = index.get(tokens[i]?.word ?? '');
    if (starting !== undefined && starting.some((words) => sequenceAt(tokens, i, words))) return i;
  }
  return -1;
}

const markerWordsOf = (marker: { words: string[] }): readonly string[] => marker.words;

/** After a long story at `at`, a turn ("but", "though") followed by a word of now ("now", "this week"): it has changed. */
function turnsToNowAfter(tokens: Token[], at: number, to: number, rules: CompiledNegation): boolean {
  for (let i = at; i <= to; i += 1) if (rules.terminators.has(tokens[i]?.word ?? '') && anyWithin(tokens, i + 1, to, rules.stillNowBesidesSince)) return true;
  return false;
}

function anyWithin(tokens: Token[], from: number, to: number, phrases: string[][]): boolean {
  const list = listNumber(phrases);
  if (list !== EMPTY_PHRASE) {
    const sites = sitesOf(tokens, list);
    const first = from < 0 ? 0 : from;
    let low = 0;
    let high = sites.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sites[middle]! < first) low = middle + 1;
      else high = middle;
    }
    return low < sites.length && sites[low]! <= to;
  }
  const index = byFirstWord(phrases);
  for (let i = from; i <= to; i += 1) {
    const starting = index.get(tokens[i]?.word ?? '');
    if (starting === undefined) continue;
    for (const words of starting) if (sequenceAt(tokens, i, words)) return true;
  }
  return false;
}

/**
 * "nothing since", "not happened since" after the sign tell of the episode, not of what was lost: the sign names
 * no loss ("had a leak on monday, nothing since"), or the episode is counted ("lost my balance a couple of times,
 * not since"). "tried to wee at 6 and nothing came, nothing since" may be no urine since.
 */
function absenceIsOfTheEpisode(tokens: Token[], span: Span, sentence: { from: number; to: number }, rules: CompiledNegation): boolean {
  return !wordWithin(tokens, span.start, span.end, rules.lossInSign) || anyWithin(tokens, sentence.from, sentence.to, rules.episodeCounted);
}

const markerWords = new WeakMap<object, Set<string>>();
/**
 * The markers of an episode over. "It hasn't come back" ends one only for a sign that names no loss
 * (`lossInSign`); "it came back within the hour" only for one that does (the feeling came back).
 */
type Markers = CompiledNegation['resolvedMarkers'];
const markerLists = new WeakMap<CompiledNegation, { loss: Markers; lossCounted: Markers; noLoss: Markers }>();
function markersFor(tokens: Token[], span: Span, rules: CompiledNegation, sentence: { from: number; to: number }): Markers {
  let lists = markerLists.get(rules);
  if (lists === undefined) {
    const loss = [...rules.resolvedMarkers, ...rules.resolvedIfLoss];
    markerLists.set(rules, (lists = { loss, lossCounted: [...loss, ...rules.absenceAfter], noLoss: [...rules.resolvedMarkers, ...rules.resolvedUnlessLoss, ...rules.absenceAfter] }));
  }
  if (!wordWithin(tokens, span.start, span.end, rules.lossInSign)) return lists.noLoss;
  return anyWithin(tokens, sentence.from, sentence.to, rules.episodeCounted) ? lists.lossCounted : lists.loss;
}
/** "the feeling's gone", "the urge has gone": a sense lost, not a symptom over (unless a symptom names it: "the numb feeling has gone"). */
function senseGone(tokens: Token[], at: number, rules: CompiledNegation): boolean {
  const before = rules.goneAuxiliaries.has(tokens[at - 1]?.word ?? '') ? at - 2 : at - 1;
  return rules.sensesLost.has(tokens[before]?.word ?? '') && !rules.symptomFeelings.has(tokens[before - 1]?.word ?? '');
}

/**
 * Over and done with: a marker of it having ended after the phrase, in its sentence ("had some
 * numbness last month but it went after a day"), when the sentence speaks of the past or the
 * marker follows the phrase closely. "I'm numb down there, the back pain has gone" is present.
 */
/** An age the person was then: "when I was 14", "at age 9", "aged 12" (a past of years ago, like "as a kid"). */
function anAgeThen(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  for (let i = from; i <= to; i += 1) {
    for (const words of rules.ageThen) {
      if (!sequenceAt(tokens, i, words)) continue;
      const age = tokens[i + words.length]?.word ?? '';
      if (/^\d{1,2}$/.test(age)) return true;
    }
  }
  return false;
}

/** The last word of a marker of being well from then until now: "been ok since", "fine again". */
function resolved(tokens: Token[], span: Span, rules: CompiledNegation, sentence: { from: number; to: number }): boolean {
  const last = Math.min(sentence.to, span.end + rules.resolvedReach);
  const markers = markersFor(tokens, span, rules, sentence);
  let first = markerWords.get(markers);
  if (first === undefined) markerWords.set(markers, (first = new Set(markers.map((marker) => marker.words[0] ?? ''))));
  for (let j = span.end + 1; j <= last; j += 1) {
    const word = tokens[j]?.word ?? '';
    if (!first.has(word)) continue;
    for (const marker of startingWith(markers, markerWordsOf, word)) {
      if (!sequenceAt(tokens, j, marker.words)) continue;
      // "the numbness hasn't worn off since this morning": still there
      if (notOverBefore(tokens, j, span, rules)) continue;
      // "didn't go to hospital, thought it was fine": a belief told because it proved wrong
      if (rules.believedAtFirst.has(tokens[j - 1]?.word ?? '') || rules.believedAtFirst.has(tokens[j - 2]?.word ?? '')) continue;
      // "it came back later but now I can't again": over, then back
      if (backAgainAfter(tokens, j, sentence.to, rules)) continue;
      if (newSince(tokens, j, marker.words, rules)) continue;
      const next = tokens[j + marker.words.length];
      // "it stopped me walking the dog": kept from something, not over
      if (hinders(marker.words, next, rules)) continue;
      if (marker.endsSentence && next !== undefined && next.word !== SENTENCE_BOUNDARY && next.word !== 'now') continue;
      // "before it was fine": it is new, not over
      if ((marker.words[0] === 'was' || marker.words[0] === 'were') && [tokens[j - 1], tokens[j - 2], tokens[j + marker.words.length]].some((token) => token?.word === 'before')) continue;
      // "this is the first time my back has gone": a back that has gone gave way, it is not over
      // "the feeling's gone", "my strength has gone": lost, not over
      const goneOf = (word: string) => rules.bodyGone.has(word) || rules.lostWhenGone.has(word);
      if (marker.words[0] === 'gone' && (goneOf(tokens[j - 1]?.word ?? '') || (rules.goneAuxiliaries.has(tokens[j - 1]?.word ?? '') && goneOf(tokens[j - 2]?.word ?? '')))) continue;
      if (marker.words[0] === 'gone' && senseGone(tokens, j, rules)) continue;
      // "the feeling now is gone": lost, as above
      if (marker.words[0] !== 'gone' && marker.words.includes('gone') && (goneOf(tokens[j - 1]?.word ?? '') || senseGone(tokens, j, rules))) continue;
      // "both legs have gone now": the legs are the sign's subject, and they gave way
      if (marker.words[0] === 'gone' && limbGaveWay(tokens, span, j, rules)) continue;
      // "it's fine" right after the sign plays it down ("slight trouble starting to pee, it's fine really"); it is over only in a sentence about the past
      const playsDown = marker.onlyInPast === true || ((marker.words.includes('is') || marker.words.includes('are')) && !marker.words.includes('now'));
      if ((j - span.end <= 3 && !playsDown) || anyWithin(tokens, sentence.from, sentence.to, rules.pastMarkers) || (!playsDown && datedGoneBy(tokens, span, clauseBounds(tokens, span, rules), rules))) return true;
      // "for a minute on Sunday ..., been ok since": an episode dated or timed, and well since
      if (rules.recoveryToNow.has(marker.words.at(-1) ?? '') || marker.words[0] === 'back') {
        if (anyWithin(tokens, sentence.from, sentence.to, rules.episodeMarkers)) return true;
      }
    }
  }
  if (feelingCameBack(tokens, span, rules, sentence, last)) return true;
  // "I couldn't wee for most of a day, A&E scanned me and said it was a water infection, it's been fine ever since"
  // (any marker near the sign was read above; from here on only an unmistakable one, in a sentence about the past that does not go on)
  const recovery = recoveryAfter(tokens, span, sentence.to, rules, absenceIsOfTheEpisode(tokens, span, sentence, rules));
  if (recovery < 0 || wordWithin(tokens, sentence.from, sentence.to, rules.stillGoing) || backAgainAfter(tokens, recovery, sentence.to, rules)) return false;
  return anyWithin(tokens, sentence.from, sentence.to, rules.pastMarkers) || wordWithin(tokens, sentence.from, sentence.to, rules.pastForNext);
}

/**
 * "on Monday I couldn't feel my bum for a few hours but it came back": a sign of feeling lost that names no symptom (after
 * "numb" the "it" may be the numbness), "it came back" after it, in a sentence about an episode gone by or timed.
 */
function feelingCameBack(tokens: Token[], span: Span, rules: CompiledNegation, sentence: { from: number; to: number }, last: number): boolean {
  if (!wordWithin(tokens, span.start, span.end, rules.feelingWords) || !wordWithin(tokens, span.start, span.end, rules.lossInSign) || wordWithin(tokens, sentence.from, sentence.to, rules.symptomNamed)) return false;
  const past = anyWithin(tokens, sentence.from, sentence.to, rules.pastMarkers) || anyWithin(tokens, sentence.from, sentence.to, rules.episodeMarkers);
  if (!past || wordWithin(tokens, sentence.from, sentence.to, rules.stillGoing) || wordWithin(tokens, sentence.from, sentence.to, rules.goesOn)) return false;
  for (let j = span.end + 1; j <= last; j += 1) {
    for (const marker of startingWith(rules.feelingBack, markerWordsOf, tokens[j]?.word ?? '')) {
      if (!sequenceAt(tokens, j, marker.words) || notOverBefore(tokens, j, span, rules)) continue;
      const next = tokens[j + marker.words.length];
      if (marker.endsSentence && next !== undefined && next.word !== SENTENCE_BOUNDARY && !next.afterComma && next.word !== 'now') continue;
      if (!backAgainAfter(tokens, j, sentence.to, rules)) return true;
    }
  }
  return false;
}

/**
 * The sign's clause dates it to a day or a month, says nothing of it going on ("since Monday I keep wetting myself" goes on;
 * "I'm seeing the GP on Monday, my bum is numb" dates the visit), and the sign names no loss ("I lost control of my bladder
 * on Monday, that's gone now" may be the control gone).
 */
const datedGoneBy = (tokens: Token[], span: Span, clause: { from: number; to: number }, rules: CompiledNegation) =>
  !wordWithin(tokens, span.start, span.end, rules.lossInSign) && anyWithin(tokens, clause.from, clause.to, rules.datedPast) && !wordWithin(tokens, clause.from, clause.to, rules.goesOn) && !wordWithin(tokens, clause.from, clause.to, rules.stillGoing);

/** "stopped" followed by whom or what it kept from ("it stopped me going out", "stopped being so bad"): no end of the episode. */
const hinders = (words: readonly string[], next: Token | undefined, rules: CompiledNegation) =>
  (words.at(-1) === 'stopped' || words.at(-1) === 'stop') && rules.stoppedHindered.has(next?.word ?? '');

/** "wet myself last night, haven't done that since I was a kid": an absence since long ago makes this time new, not over. */
const newSince = (tokens: Token[], at: number, marker: readonly string[], rules: CompiledNegation) =>
  marker.at(-1) === 'since' && phraseAt(tokens, at + marker.length, rules.newSinceLongAgo) !== undefined;

/** Where the last unmistakable recovery after the sign starts (-1: none), not denied just before it ("I'm not in a good place"). */
function recoveryAfter(tokens: Token[], span: Span, to: number, rules: CompiledNegation, noLoss = false): number {
  let found = -1;
  for (let j = span.end + 1; j <= to; j += 1) {
    const marker = phraseAt(tokens, j, rules.resolvedAnywhere) ?? (noLoss ? phraseAt(tokens, j, rules.resolvedAnywhereUnlessLoss) : undefined);
    const recovered = marker !== undefined && !hinders(marker, tokens[j + marker.length], rules) && !newSince(tokens, j, marker, rules);
    if (recovered && !notOverBefore(tokens, j, span, rules)) found = j;
  }
  return found;
}

/** After the marker, a contrast and then a word saying it is so now ("..., but now it's back", "until today"). */
function backAgainAfter(tokens: Token[], at: number, to: number, rules: CompiledNegation): boolean {
  let contrast = false;
  for (let k = at + 1; k <= to; k += 1) {
    if (rules.contrastsBeforeNowAgain.has(tokens[k]?.word ?? '')) contrast = true;
    else if (contrast && phraseAt(tokens, k, rules.stillNowHere) !== undefined) return true;
  }
  return false;
}

/** Before the limb that is the sign's subject: "both legs", "my legs", not "pain in both legs". */
/** The sign starts with a limb ("both legs", "my legs") and only "has", "have" stand between it and "gone". */
function limbGaveWay(tokens: Token[], span: Span, at: number, rules: CompiledNegation): boolean {
  let first = span.start;
  while (first < span.end && rules.limbOpeners.has(tokens[first]?.word ?? '')) first += 1;
  if (!rules.limbs.has(tokens[first]?.word ?? '')) return false;
  for (let k = span.end + 1; k < at; k += 1) if (!rules.gaveWayBetween.has(tokens[k]?.word ?? '')) return false;
  return true;
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

/** The only hearsay in the message reports something said, and in another sentence than the sign's. */
const hearsayBesidesReported = new WeakMap<CompiledNegation, string[][]>();
function onlyReportedElsewhere(tokens: Token[], sentence: { from: number; to: number }, rules: CompiledNegation): boolean {
  let others = hearsayBesidesReported.get(rules);
  if (others === undefined) {
    const reported = new Set(rules.reportedSaying.map((words) => words.join(' ')));
    hearsayBesidesReported.set(rules, (others = rules.hearsay.filter((words) => !reported.has(words.join(' ')))));
  }
  if (anyWithin(tokens, 0, tokens.length - 1, others)) return false;
  return !anyWithin(tokens, sentence.from, sentence.to, rules.reportedSaying);
}

/**
 * What holds of the whole message, whatever the phrase: read once per message (the same tokens
 * come back for every match in it), not once per match, which grew with the square of its length.
 */
interface WholeMessage {
  rules: CompiledNegation;
  carer?: boolean;
  carerNamed?: boolean;
  hearsay?: boolean;
  onlyThey?: boolean;
  notTheOne?: boolean;
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

/**
 * "a few drips of wee came out last night. Been ok today.": one of the next two sentences says a
 * past episode is over, at its start or after a short opener that can only mean the episode or the
 * writer ("But it sorted itself out by Tuesday", "I'm doing better now"). "My back pain settled"
 * names something else; a sentence between that says it goes on ("still", "again") keeps it present.
 */
function overInNextSentence(tokens: Token[], sentence: { from: number; to: number }, rules: CompiledNegation, span: Span): boolean {
  const noLoss = absenceIsOfTheEpisode(tokens, span, sentence, rules);
  const past = anyWithin(tokens, sentence.from, sentence.to, rules.pastMarkers) || wordWithin(tokens, sentence.from, sentence.to, rules.pastForNext) || datedGoneBy(tokens, span, clauseBounds(tokens, span, rules), rules);
  if (!past || goesOnWithin(tokens, sentence.from, sentence.to, rules)) return false;
  let end = sentence.to;
  for (let later = 0; later < 2 && tokens[end + 1]?.word === SENTENCE_BOUNDARY && end + 2 < tokens.length; later += 1) {
    const next = sentenceBounds(tokens, { start: end + 2, end: end + 2, gapTokens: [] });
    if (next.from > next.to) return false;
    const allClear = !wordWithin(tokens, next.from, next.to, rules.stillGoing) && !wordWithin(tokens, next.from, next.to, rules.restIsFine) && !backAgainAfter(tokens, next.from, next.to, rules);
    if (allClear && (overAtStart(tokens, next.from, next.to, rules, noLoss) || overAfterLookedAt(tokens, next.from, next.to, rules, noLoss))) return true;
    if (wordWithin(tokens, next.from, next.to, rules.goesOn)) return false;
    end = next.to;
  }
  return false;
}

/** A word that it goes on (`goesOn`), not one denied ("not now, but on Tuesday I had a numb patch": no "now" of the sign). */
function goesOnWithin(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  for (let i = from; i <= to; i += 1) if (rules.goesOn.has(tokens[i]?.word ?? '') && !rules.notOver.has(tokens[i - 1]?.word ?? '')) return true;
  return false;
}

/**
 * "saw the neurologist, it's better now": the sentence's first comma part tells of the episode being looked at,
 * and the next part opens with the all-clear. Only the second part, and only after a first part that names no sign
 * itself (a sign there is read on its own).
 */
function overAfterLookedAt(tokens: Token[], from: number, to: number, rules: CompiledNegation, noLoss: boolean): boolean {
  let comma = from + 1;
  while (comma <= to && !tokens[comma]?.afterComma) comma += 1;
  if (comma > to || comma - from > 6 || !anyWithin(tokens, from, comma - 1, rules.lookedAt)) return false;
  return overAtStart(tokens, comma, to, rules, noLoss);
}

/** An all-clear opening the sentence, perhaps after a few words of `overOpeners` ("but it", "its", "i am"). */
function overAtStart(tokens: Token[], from: number, to: number, rules: CompiledNegation, noLoss: boolean): boolean {
  for (let at = from; at <= Math.min(to, from + 3); at += 1) {
    if (phraseAt(tokens, at, rules.overNext) !== undefined) return true;
    if (noLoss && phraseAt(tokens, at, rules.overNextUnlessLoss) !== undefined) return true;
    if (!rules.overOpeners.has(tokens[at]?.word ?? '')) return false;
  }
  return false;
}

/** The writer says they write for someone else ("I'm typing for my dad"). */
const carerNamed = (tokens: Token[], rules: CompiledNegation) => {
  const whole = wholeMessage(tokens, rules);
  return (whole.carerNamed ??= anyWithin(tokens, 0, tokens.length - 1, rules.writingFor) || aboutRelative(tokens, rules));
};

/** "it's about my dad", "question about my wife": a relative named right after, not a body part ("this is for my back"). */
function aboutRelative(tokens: Token[], rules: CompiledNegation): boolean {
  for (let i = 0; i < tokens.length; i += 1) {
    const phrase = phraseAt(tokens, i, rules.writingAbout);
    if (phrase === undefined) continue;
    const next = tokens[i + phrase.length]?.word ?? '';
    if (rules.otherPeople.has(next) && !rules.pronouns.has(next) && !rules.acquaintances.has(next) && !rules.neverThePatient.has(next)) return true;
  }
  return false;
}

function carerWritingIn(tokens: Token[], rules: CompiledNegation): boolean {
  const all = tokens.length - 1;
  if (carerNamed(tokens, rules)) return true;
  // "my sister wets herself since her twins, I'm fine though", "my mum had cancer in her spine, I panic when my back goes": the writer is the patient
  if (writerNotTheOne(tokens, rules)) return false;
  // "a lady in my group said she can't feel her bum": a carer writes for family, not for an acquaintance
  const people = tokens.map((_, index) => index).filter((index) => rules.otherPeople.has(tokens[index]!.word) || rules.acquaintances.has(tokens[index]!.word));
  if (people.some((index) => rules.acquaintances.has(tokens[index]!.word)) && people.every((index) => acquaintanceAt(tokens, index, rules) || rules.pronouns.has(tokens[index]!.word))) return false;
  if (carerMarkerIn(tokens, 0, all, rules)) return true;
  // Only "he" or "she", never a relative named: the person written about is the patient.
  const named = tokens.some((token) => rules.otherPeople.has(token.word) && !rules.pronouns.has(token.word));
  return !named;
}

/** The writer sets their own case apart from the relative's (`selfApart`: "..., I'm not", "nothing new for me"). */
function setsSelfApart(tokens: Token[], rules: CompiledNegation): boolean {
  for (let i = 0; i < tokens.length; i += 1) {
    for (const { words, endsSentence } of rules.selfApart) {
      if (!sequenceAt(tokens, i, words)) continue;
      const after = tokens[i + words.length];
      if (!endsSentence || after === undefined || after.word === SENTENCE_BOUNDARY) return true;
    }
  }
  return false;
}

/**
 * A relative of the writer's, not an acquaintance, is told of in the present, and the writer does not say the sign is
 * not theirs or tell their own case beside it (`carerWritingIn` said no carer is writing).
 */
function relativeToldAsNow(tokens: Token[], sentence: { from: number; to: number }, rules: CompiledNegation): boolean {
  if (writerNotTheOne(tokens, rules) || !familyNamed(tokens, rules) || setsSelfApart(tokens, rules)) return false;
  // "my sister is on chemo and I'm so worried for her": the writer's feeling for the relative, whose own story it is
  if (tokens.some((token, index) => token.word === 'i' && feelingAboutAfter(tokens, index + 1, rules))) return false;
  if (tokens.some((token, index) => rules.otherPeople.has(token.word) && !rules.pronouns.has(token.word) && acquaintanceAt(tokens, index, rules))) return false;
  return !anyWithin(tokens, sentence.from, sentence.to, rules.pastMarkers) && !anyWithin(tokens, sentence.from, sentence.to, rules.longAgo);
}

/**
 * A sign that the person named is the patient (`carerMarkers`), but not the "now" of an all-clear said of them
 * ("my mum had breast cancer years ago, she's fine now"): that tells their own story as over, not a carer writing.
 */
function carerMarkerIn(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  for (let i = from; i <= to; i += 1) {
    const marker = phraseAt(tokens, i, rules.carerMarkers);
    if (marker === undefined) continue;
    if (marker.length === 1 && marker[0] === 'now' && rules.wellAfter.has(tokens[i - 1]?.word ?? '')) continue;
    return true;
  }
  return false;
}

function wordWithin(tokens: Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = from; i <= to; i += 1) if (words.has(tokens[i]?.word ?? '')) return true;
  return false;
}

/**
 * A young child named before the sign in its comma part ("my little one wet the bed", "the littlest has been
 * wetting the bed again"), with no "I", "me" or "my" of the writer's own between: "my little one jumped on me
 * and now I can't feel my legs" is the writer's.
 */
function youngChildBefore(tokens: Token[], span: Span, rules: CompiledNegation): boolean {
  for (let i = span.start - 1; i >= 0; i -= 1) {
    if (tokens[i]?.word === SENTENCE_BOUNDARY || tokens[i + 1]?.afterComma) return false;
    const child = phraseAt(tokens, i, rules.youngChild);
    if (child !== undefined && i + child.length <= span.start) return !hasOwnFirstPerson(tokens, i + child.length, span.start - 1, rules);
  }
  return false;
}

/** A pet or a baby in the sign's own sentence: never the patient. */
const animalIn = (tokens: Token[], from: number, to: number, rules: CompiledNegation) => wordWithin(tokens, from, to, rules.neverThePatient);
const hasFirstPerson = (tokens: Token[], from: number, to: number, rules: CompiledNegation) => wordWithin(tokens, from, to, rules.firstPerson);

/** The words this file reads directly, kept from spelling correction with the rules' own (negation.ts `contextWordsOf`). */
export function mentionWordsOf(rules: NegationRules): string[] {
  return [...rules.contrastsBeforeNowAgain, ...rules.exampleOpeners, ...rules.clauseJoins, ...rules.bodyGone, ...rules.sensesLost, ...rules.symptomFeelings, ...rules.theyWords, ...rules.pronouns, ...rules.gaveWayBetween, ...rules.limbOpeners, ...rules.sharedSubjects, ...rules.sharedNotSubjectAfter, ...rules.stoppedHindered];
}
/** The only other people named are "they". */
function onlyThey(tokens: Token[], rules: CompiledNegation): boolean {
  const whole = wholeMessage(tokens, rules);
  if (whole.onlyThey === undefined) {
    const others = tokens.filter((token) => rules.otherPeople.has(token.word));
    whole.onlyThey = others.length > 0 && others.every((token) => rules.theyWords.has(token.word));
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
  for (let i = from; i <= to; i += 1) {
    if (marker.has(i) || !rules.firstPerson.has(tokens[i]?.word ?? '')) continue;
    // "my colleague had cauda equina, is numbness down there the first sign?": the "my" of another person
    const next = tokens[i + 1]?.word ?? '';
    if (tokens[i]?.word === 'my' && (rules.otherPeople.has(next) || rules.acquaintances.has(next))) continue;
    return true;
  }
  return false;
}

/** After the sign, to the end of its sentence: "..., but I don't have that". */
function deniedLaterIn(tokens: Token[], span: Span, sentence: { from: number; to: number }, rules: CompiledNegation): boolean {
  for (let j = span.end + 1; j <= sentence.to; j += 1) {
    // "I can't feel my bum, my friend says I don't have that": the friend's view, not the writer's denial
    const word = tokens[j]?.word ?? '';
    if (rules.otherPeople.has(word) || rules.acquaintances.has(word) || rules.someoneElsesView.has(word)) return false;
    for (const marker of startingWith(rules.deniedLater, ownWords, word)) {
      if (!sequenceAt(tokens, j, marker)) continue;
      // "..., not that I have it checked" goes on about something else
      let k = j + marker.length;
      while (k <= sentence.to && rules.deniedLaterTail.has(tokens[k]?.word ?? '')) k += 1;
      if (k > sentence.to) return true;
    }
  }
  return false;
}

/** Looking back from `to`: the nearest other person or acquaintance named before any "I" or "my" of the writer's own. */
function namedBefore(tokens: Token[], from: number, to: number, rules: CompiledNegation): string | undefined {
  for (let i = to; i >= from; i -= 1) {
    const word = tokens[i]?.word ?? '';
    if (rules.otherPeople.has(word) || rules.acquaintances.has(word)) return word;
    if (hasOwnFirstPerson(tokens, i, i, rules)) return undefined;
  }
  return undefined;
}

/** Looking back from `to`: the nearest relative (not a bare pronoun) or acquaintance named. */
function nearestPerson(tokens: Token[], from: number, to: number, rules: CompiledNegation): number | undefined {
  for (let i = to; i >= from; i -= 1) {
    const word = tokens[i]?.word ?? '';
    if ((rules.otherPeople.has(word) && !rules.pronouns.has(word)) || rules.acquaintances.has(word)) return i;
  }
  return undefined;
}

const isRelativeAt = (tokens: Token[], index: number, rules: CompiledNegation) => {
  const word = tokens[index]?.word ?? '';
  return rules.otherPeople.has(word) && !rules.pronouns.has(word);
};

/** The person nearest before the sign is no one a carer writes for: "my husband says my limp is better, nothing like his dad's foot drop was". */
function outsiderNearest(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  if (carerNamed(tokens, rules)) return false;
  const at = nearestPerson(tokens, from, to, rules);
  if (at === undefined) return false;
  // "her husband" is anyone's (a carer may write so); "his dad" after "my husband" is asked about (`relativeOfOneNamed`)
  if (isRelativeAt(tokens, at, rules)) return acquaintanceAt(tokens, at, rules) && !rules.pronouns.has(tokens[at - 1]?.word ?? '');
  return true;
}

/**
 * The nearest person before the sign is "his dad", "her husband" with someone named earlier ("my husband...
 * his dad", "kids. her husband"): most likely the relative of the one named, but a carer writes so too,
 * so whose the sign is gets asked, never dropped.
 */
function relativeOfOneNamed(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  if (carerNamed(tokens, rules)) return false;
  const at = nearestPerson(tokens, from, to, rules);
  if (at === undefined || !isRelativeAt(tokens, at, rules)) return false;
  return rules.pronouns.has(tokens[at - 1]?.word ?? '') && namedEarlier(tokens, at - 1, rules);
}

const namedEarlier = (tokens: Token[], before: number, rules: CompiledNegation) =>
  // an animal named earlier is nobody whose relative this could be ("walked the dog. her husband can't pee")
  tokens.slice(0, Math.max(0, before)).some((token) => (rules.otherPeople.has(token.word) && !rules.pronouns.has(token.word) && !rules.neverThePatient.has(token.word)) || rules.acquaintances.has(token.word));

/** A relative is named: the acquaintance may be theirs ("my mum's friend"), and a carer writes for family. */
const familyNamed = (tokens: Token[], rules: CompiledNegation) =>
  tokens.some((token, index) => rules.otherPeople.has(token.word) && !acquaintanceAt(tokens, index, rules) && !rules.pronouns.has(token.word) && !rules.neverThePatient.has(token.word));

/** An acquaintance, an acquaintance's or a third person's relative ("my neighbour's husband", "her husband"), or a relative named only for their friend: not the writer's family written for. */
function acquaintanceAt(tokens: Token[], index: number, rules: CompiledNegation): boolean {
  const word = tokens[index]?.word ?? '';
  if (rules.acquaintances.has(word)) return true;
  if (!rules.otherPeople.has(word) || rules.pronouns.has(word)) return false;
  // "my neighbour's husband", "her husband": someone else's relative; "my sister's friend": the sister is only the way to the friend
  return rules.acquaintances.has(tokens[index - 1]?.word ?? '') || rules.pronouns.has(tokens[index - 1]?.word ?? '') || rules.acquaintances.has(tokens[index + 1]?.word ?? '');
}

/** The writer says they do not have it, or tells of their own case beside another's. */
function writerNotTheOne(tokens: Token[], rules: CompiledNegation): boolean {
  const whole = wholeMessage(tokens, rules);
  return (whole.notTheOne ??= anyWithin(tokens, 0, tokens.length - 1, rules.notMe) || anyWithin(tokens, 0, tokens.length - 1, rules.ownCase));
}

/** The writer tells of their own case ("my back went") without saying they do not have the sign ("I'm fine though"). */
const ownCaseBeside = (tokens: Token[], rules: CompiledNegation) =>
  anyWithin(tokens, 0, tokens.length - 1, rules.ownCase) && !anyWithin(tokens, 0, tokens.length - 1, rules.notMe);

/** A sentence about the writer's own back that names nobody else ("... it makes me sad. My back's slowly getting better."). */
function ownSentence(tokens: Token[], rules: CompiledNegation): boolean {
  for (let from = 0; from < tokens.length; ) {
    const { to } = sentenceBounds(tokens, { start: from, end: from, gapTokens: [] });
    if (anyWithin(tokens, from, to, rules.ownCaseAlone) && !wordWithin(tokens, from, to, rules.otherPeople) && !wordWithin(tokens, from, to, rules.acquaintances)) return true;
    from = to + 2;
  }
  return false;
}

/** After the phrase in its sentence, or in the next one: a worry for oneself ("is that what I should look out for", "could that happen to me?"). */
function asksForSelfAfter(tokens: Token[], span: Span, sentence: { from: number; to: number }, rules: CompiledNegation): boolean {
  const next = sentence.to + 2;
  const to = Math.min(sentenceBounds(tokens, { start: next, end: next, gapTokens: [] }).to, tokens.length - 1);
  return anyWithin(tokens, span.end + 1, to, rules.askingAbout) || anyWithin(tokens, span.end + 1, to, rules.hypotheticalAfter);
}

/** After the phrase in its sentence, or in the next one: the writer asking as the one who asks ("should I worry about that?", `asker`). */
function writerAsksAfter(tokens: Token[], span: Span, sentence: { from: number; to: number }, rules: CompiledNegation): boolean {
  const next = sentence.to + 2;
  const to = Math.min(sentenceBounds(tokens, { start: next, end: next, gapTokens: [] }).to, tokens.length - 1);
  return anyWithin(tokens, span.end + 1, to, rules.asker);
}

/**
 * The sign's sentence asks ("?") and says nothing of it going on, and the next opens with a plain no, a comma or
 * the end right after it, that neither turns nor says it happens ("No, everywhere actually", "no idea why" stay).
 */
function echoAnsweredNo(tokens: Token[], sentence: { from: number; to: number }, rules: CompiledNegation): boolean {
  const boundary = tokens[sentence.to + 1];
  if (boundary?.word !== SENTENCE_BOUNDARY || boundary.asks !== true) return false;
  if (wordWithin(tokens, sentence.from, sentence.to, rules.goesOn) || anyWithin(tokens, sentence.from, sentence.to, rules.stillNow)) return false;
  // a question asked in the negative is answered either way by a no ("can't pee? No." may mean "no, I can't")
  if (wordWithin(tokens, sentence.from, sentence.to, rules.singleWordBefore) || wordWithin(tokens, sentence.from, sentence.to, rules.negativeQuestion)) return false;
  const from = sentence.to + 2;
  const opener = phraseAt(tokens, from, rules.echoAnsweredNo);
  if (opener === undefined) return false;
  const after = tokens[from + opener.length];
  if (after !== undefined && after.word !== SENTENCE_BOUNDARY && !after.afterComma) return false;
  // the answer's sentence and the one after it ("No. I mean yes, it's numb")
  const answerEnd = sentenceBounds(tokens, { start: from, end: from, gapTokens: [] }).to;
  const to = answerEnd + 2 < tokens.length ? sentenceBounds(tokens, { start: answerEnd + 2, end: answerEnd + 2, gapTokens: [] }).to : answerEnd;
  return !anyWithin(tokens, from, to, rules.echoTurns) && !anyWithin(tokens, from, to, rules.stillNow) && !wordWithin(tokens, from, to, rules.goesOn);
}

/**
 * A word of now in the sentence, not the "new" of a "not new" opening it, as an answer does ("Not new, my stream's
 * been slow like that for years"). A "not new" further in ("my back isn't new but I can't pee") or a "but" after it
 * ("not new, but I can't pee since Monday") leaves the sentence's "new" a word of now.
 */
function saysNowOutsideNotNew(tokens: Token[], from: number, to: number, rules: CompiledNegation): boolean {
  const opening = phraseAt(tokens, from, rules.notNew);
  const skip = opening !== undefined && !wordWithin(tokens, from, to, rules.terminators) ? opening.length : 0;
  return wordWithin(tokens, from + skip, to, rules.newNow);
}

/** "since I had my second baby", "since the twins were born": where the "since" of a birth a few words after it is, or -1. */
function sinceBirthAt(tokens: Token[], from: number, to: number, rules: CompiledNegation): number {
  for (let i = from; i <= to; i += 1) {
    if (tokens[i]?.word !== 'since') continue;
    for (let k = i + 1; k <= Math.min(to, i + 5); k += 1) if (rules.sinceBirth.has(tokens[k]?.word ?? '')) return i;
  }
  return -1;
}

/**
 * The clause holds "we" as a subject ("we cant pee properly", not "when we have sex" nor "what do we do"), no "I", "me"
 * or "my" of the writer's own, nobody named, and no act done together.
 */
function sharedSubjectIn(tokens: Token[], clause: { from: number; to: number }, rules: CompiledNegation): boolean {
  let shared = false;
  for (let i = clause.from; i <= clause.to; i += 1) {
    const word = tokens[i]?.word ?? '';
    if (rules.sharedSubjects.has(word) && !rules.sharedNotSubjectAfter.has(tokens[i - 1]?.word ?? '')) shared = true;
    if (rules.otherPeople.has(word) || rules.acquaintances.has(word)) return false;
  }
  if (!shared || hasFirstPerson(tokens, clause.from, clause.to, rules)) return false;
  return !anyWithin(tokens, clause.from, clause.to, rules.sharedActs);
}

export function mentionOf(tokens: Token[], span: Span, rules: CompiledNegation): MentionContext {
  const mention = mentionInSentence(tokens, span, rules);
  if (mention !== 'hypothetical') return mention;
  // "can a herniated disc make sex feel numb? it does now": the question was about the writer
  const sentence = sentenceBounds(tokens, span);
  if (anyWithin(tokens, span.end + 1, sentence.to, rules.affirmedLater)) return 'present';
  return phraseAt(tokens, sentence.to + 2, rules.affirmedNext) !== undefined ? 'present' : mention;
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
  if (rules.exampleOpeners.has(tokens[sentence.from]?.word ?? '') && sentence.from >= 2 && previousSentenceAsks(tokens, sentence.from - 2, rules)) return 'hypothetical';
  if (anyWithin(tokens, span.end + 1, sentence.to, rules.hypotheticalAfter) && !anyWithin(tokens, span.end + 1, sentence.to, rules.surprisedAfter)) return 'hypothetical';
  // "is it serious if you lose control of your bladder?": anyone, not the writer ("is it normal to have
  // pins and needles between your legs?" is a disclosure asked as a question)
  if (anyWithin(tokens, sentence.from, span.start - 1, rules.conditional) && anyWithin(tokens, sentence.from, sentence.to, rules.generic) && !hasFirstPerson(tokens, sentence.from, sentence.to, rules)) return 'hypothetical';
  // "my friend said to ask about numbness in my bottom but I don't have that"
  if (deniedLaterIn(tokens, span, sentence, rules)) return 'negated';
  // "feel like my legs give way on the stairs? No, I just go slowly": the question echoed, answered no
  if (echoAnsweredNo(tokens, sentence, rules)) return 'negated';
  // "my partner and I, one of us, well, sex has gone numb", "someone in my family keeps wetting themselves": whose is left open
  if (anyWithin(tokens, 0, tokens.length - 1, rules.unclearWho) && !hasFirstPerson(tokens, span.start, span.end, rules)) return 'unclear-person';
  // "we can't pee properly since Tuesday", "we've lost a stone without trying": told of "we", whose is left open
  if (sharedSubjectIn(tokens, clauseBounds(tokens, span, rules), rules)) return 'unclear-person';
  // "my little one wet the bed last night": a young child's, named in the sign's own comma part, never the patient's
  if (!hasFirstPerson(tokens, span.start, span.end, rules) && youngChildBefore(tokens, span, rules) && !sharedWithMeLater(tokens, span, rules)) return 'other-person';
  // someone else's own story is theirs even when it is over ("my husband had bladder cancer years ago, he's fine now")
  const overHere = resolved(tokens, span, rules, sentence) || overInNextSentence(tokens, sentence, rules, span);
  if (overHere && context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && !carerWriting(tokens, rules)) return 'other-person';
  if (overHere) return 'resolved';
  // "my family would be better off without me": the phrase itself is about the writer.
  // "they keep dropping things": singular or plural, the patient or not; asked
  if (context === 'someone-else' && !firstPersonBesidesAsker(tokens, sentence.from, sentence.to, rules) && onlyThey(tokens, rules)) return 'unclear-person';
  // "the guy in the bed next to me had both legs go weak, glad that's not me": named further back than a denial reaches
  // "my friend at work has been off with breast cancer": an acquaintance named further back, whose own story it is
  // ("my back went. my mum had cancer and so did I": the writer's own too)
  if (context !== 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && !carerNamed(tokens, rules) && !sharedWithMeLater(tokens, span, rules)) {
    const named = namedBefore(tokens, sentence.from, span.start - 1, rules);
    // "my neighbour had the same and ended up not able to pee, should I worry about that?": asked for the writer (as below)
    if (named !== undefined && rules.acquaintances.has(named) && !familyNamed(tokens, rules) && !writerNotTheOne(tokens, rules) && writerAsksAfter(tokens, span, sentence, rules)) return 'hypothetical';
    // ("asking for a friend: numb round the back passage" is hearsay: whose is unclear, asked below)
    if (named !== undefined && (writerNotTheOne(tokens, rules) || (rules.acquaintances.has(named) && !familyNamed(tokens, rules) && !hearsayIn(tokens, rules)))) return 'other-person';
    // "...her leg won't hold her. My back's slowly getting better.": the writer's own back told apart
    // says less than "I'm fine though": a carer says it too, so whose the sign is gets asked, never dropped
    if (named !== undefined && ownSentence(tokens, rules)) return 'unclear-person';
  }
  // "one of the lads says his bum is numb, is that what I should look out for?": someone else's sign, asked about for oneself
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && asksForSelfAfter(tokens, span, sentence, rules)) return 'hypothetical';
  // "my neighbour had the same and ended up not able to pee, should I worry about that?": an acquaintance's sign, and the
  // writer asking for themselves ("should I worry"); not when family is named, whose carer asks so too ("my husband can't pee, should I worry?")
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && !familyNamed(tokens, rules) && outsiderNearest(tokens, sentence.from, span.start - 1, rules) && writerAsksAfter(tokens, span, sentence, rules)) return 'hypothetical';
  // "my dad wears pads now, it makes me sad. My back's slowly getting better": the writer's own back told
  // apart says less than "I'm fine though" (a carer says it too), so whose the sign is gets asked
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && !carerNamed(tokens, rules) && !animalIn(tokens, sentence.from, sentence.to, rules) && ownSentence(tokens, rules)) return 'unclear-person';
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && relativeOfOneNamed(tokens, sentence.from, span.start - 1, rules)) return 'unclear-person';
  // "my back went again. my dad has been wetting himself since his back got worse": the writer's own case
  // told beside it does not say the dad is not written for, when his sign is going on now; asked, never dropped
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && !animalIn(tokens, sentence.from, sentence.to, rules) && ownCaseBeside(tokens, rules) && anyWithin(tokens, sentence.from, sentence.to, rules.carerMarkers)) return 'unclear-person';
  // "my dog can't use his back legs": an animal's, not the patient's. Only an animal in the same
  // sentence counts: "walked the dog. my dad says both his legs are weak" is still the dad's, told by a carer.
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && (animalIn(tokens, sentence.from, sentence.to, rules) || outsiderNearest(tokens, sentence.from, span.start - 1, rules))) return 'other-person';
  // "my dad has to strain to pee", "its about my mum, she's lost control of her bowels": a relative's sign told as
  // going on, with no word that the writer is the one written for and none that they are not: a carer writes so
  // as often as a patient telling of family, so whose it is gets asked, never dropped. Told in the past ("my mum
  // had cancer") it is the relative's own story.
  if (context === 'someone-else' && !hasFirstPerson(tokens, span.start, span.end, rules) && !carerWriting(tokens, rules)) return relativeToldAsNow(tokens, sentence, rules) ? 'unclear-person' : 'other-person';
  // "when I was a kid I wet the bed": long over, asked about; "years ago I hurt my back and now I can't pee" is now.
  const clause = clauseBounds(tokens, span, rules);
  if ((anyWithin(tokens, clause.from, clause.to, rules.longAgo) || anAgeThen(tokens, clause.from, clause.to, rules)) && !anyWithin(tokens, sentence.from, sentence.to, rules.stillNow)) return 'resolved';
  // "has done for years, but now it stays numb", "since the baby was born I'm fine but this week I can't hold my wee": a turn to now after the long story
  const story = firstWithin(tokens, sentence.from, sentence.to, rules.longStanding);
  if (story >= 0 && !turnsToNowAfter(tokens, story, sentence.to, rules)) return 'resolved';
  const birth = sinceBirthAt(tokens, sentence.from, sentence.to, rules);
  if (birth >= 0 && !turnsToNowAfter(tokens, birth, sentence.to, rules) && !anyWithin(tokens, sentence.from, sentence.to, rules.stillNowBesidesSince)) return 'resolved';
  // "Not new, no. I've an enlarged prostate, ... the stream's been slow since then"
  if (anyWithin(tokens, 0, tokens.length - 1, rules.notNew) && !saysNowOutsideNotNew(tokens, sentence.from, sentence.to, rules)) return 'resolved';
  // "I used to have sciatica in both legs": over; not when it turns to now before the sign, typed without a stop
  // ("it used to be only the left now my right hand keeps going numb too")
  const habit = firstWithin(tokens, clause.from, span.start - 1, rules.pastHabit);
  if (habit >= 0 && !anyWithin(tokens, habit + 1, span.start - 1, rules.pastHabitTurns)) return 'resolved';
  if (context === 'someone-else') return 'present';
  if (hearsayIn(tokens, rules) && !firstPersonBesidesHearsay(tokens, sentence.from, sentence.to, rules) && !onlyReportedElsewhere(tokens, sentence, rules)) return 'unclear-person';
  return 'present';
}
