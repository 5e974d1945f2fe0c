/**
 * When this episode started, read against the moment the message was sent (the event's `at`,
 * never the clock) with luxon: "3 days ago", "since Tuesday", "last night", "since the weekend",
 * "the 20th", "1st of November", "since the summer", "ages". Of several times in one message the
 * earliest within six weeks is the onset (later ones tell what changed since); a long history and a
 * recent flare give the flare. Vocabulary in
 * content/lexicon/onset.yaml.
 */
import { DateTime } from 'luxon';
import type { Lexicon } from '../../content/lexicon.ts';
import { compilePhraseSet, mentions, type PhraseSet } from '../phraseSet.ts';
import { prepareText } from '../preparedText.ts';
import { answerText, compileAnswers } from './compiled.ts';
import { readAmounts } from './quantity.ts';
import { readWords } from './words.ts';
import { negationOf } from '../compiledLexicon.ts';
import { perLexicon } from './perLexicon.ts';

export type OnsetBand = 'last_2_days' | 'under_2_weeks' | 'under_6_weeks' | 'over_6_weeks';

export interface OnsetReading {
  band: OnsetBand;
  /** Days from the onset to the message, when a time was named. */
  days?: number;
}

interface CompiledOnset {
  fixed: PhraseSet<string>;
  fixedDays: Map<string, number>;
  long: PhraseSet<'long'>;
  flare: PhraseSet<'flare'>;
  visits: PhraseSet<'visit'>;
  ahead: PhraseSet<'ahead'>;
  weekdays: Map<string, number>;
  months: Map<string, number>;
  seasons: Map<string, { month: number; day: number }>;
  everydaySeasons: Map<string, ReadonlySet<string>>;
}

const WEEKDAY_ORDER = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const MONTH_ORDER = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
const MONTH_CUES = new Set(['since', 'in', 'from', 'early', 'mid', 'late', 'of', 'beginning', 'start', 'end', 'middle', 'last']);
const ORDINALS = new Set(['st', 'nd', 'rd', 'th']);
const MONTH_STARTS = new Set(['start', 'beginning', 'begining', 'first']);

const compileOnset = perLexicon((lexicon: Lexicon): CompiledOnset => {
  const onset = lexicon.answers.onset;
  const fixedLists: Record<string, string[]> = {};
  const fixedDays = new Map<string, number>();
  onset.fixed.forEach((entry, index) => {
    fixedLists[`f${index}`] = entry.phrases;
    fixedDays.set(`f${index}`, entry.days);
  });
  const compiled: CompiledOnset = {
    fixed: compilePhraseSet(fixedLists, negationOf(lexicon)),
    fixedDays,
    long: compilePhraseSet({ long: onset.long }, negationOf(lexicon)),
    flare: compilePhraseSet({ flare: onset.flare }, negationOf(lexicon)),
    visits: compilePhraseSet({ visit: onset.visits }, negationOf(lexicon)),
    ahead: compilePhraseSet({ ahead: onset.ahead }, negationOf(lexicon)),
    weekdays: new Map(WEEKDAY_ORDER.flatMap((day, index) => onset.weekdays[day].map((word) => [word, index + 1] as const))),
    months: new Map(MONTH_ORDER.flatMap((month, index) => onset.months[month].map((word) => [word, index + 1] as const))),
    seasons: new Map(Object.entries(onset.seasons).map(([name, md]) => [name, { month: Number(md.slice(0, 2)), day: Number(md.slice(3)) }])),
    everydaySeasons: new Map(Object.entries(onset.everydaySeasons).map(([name, cues]) => [name, new Set(cues)])),
  };
  return compiled;
});

/** A month's name as the onset lexicon spells it ("jan", "january"). */
export const isMonthName = (word: string, lexicon: Lexicon): boolean => compileOnset(lexicon).months.has(word);

export function bandOf(days: number): OnsetBand {
  if (days <= 2) return 'last_2_days';
  if (days <= 14) return 'under_2_weeks';
  if (days <= 42) return 'under_6_weeks';
  return 'over_6_weeks';
}

/** Whole days from a date to the day of the message. */
const daysBetween = (from: DateTime, to: DateTime) => Math.round(to.startOf('day').diff(from.startOf('day'), 'days').days);

/** The latest date on or before `now` with this month and day (this year or last). */
function latestDate(now: DateTime, month: number, day: number): DateTime | undefined {
  const thisYear = DateTime.fromObject({ year: now.year, month, day }, { zone: now.zone });
  if (!thisYear.isValid) return undefined;
  return thisYear.startOf('day') <= now.startOf('day') ? thisYear : thisYear.minus({ years: 1 });
}

/** "since bonfire night, no wait, since the 9th": what follows a correction replaces what came before it. */
const CORRECTION = /\b(?:no wait|wait|actually|i mean|or rather|scratch that|sorry)\b[\s,.!-]*/gi;

/**
 * "it'll be 3 weeks on Tuesday", "6 weeks tomorrow": the days from the message to the day a duration
 * is said to be reached (onset.yaml `ahead`), or undefined when none is said. The next such weekday
 * after today (a week on the same weekday); "tomorrow" is one day.
 */
export function daysAhead(text: string, at: string, lexicon: Lexicon): number | undefined {
  const now = DateTime.fromISO(at, { zone: 'utc' });
  if (!now.isValid) return undefined;
  const onset = compileOnset(lexicon);
  const compiled = compileAnswers(lexicon);
  const said = mentions(onset.ahead, prepareText(answerText(text, compiled)), false);
  if (said.length === 0) return undefined;
  const { words } = readWords(text, compiled.textSpeak);
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!.text;
    if (word === 'tomorrow') return 1;
    const weekday = onset.weekdays.get(word);
    if (weekday === undefined || !['on', 'this', 'next', 'come'].includes(words[index - 1]?.text ?? '')) continue;
    const ahead = (weekday - now.weekday + 7) % 7;
    return ahead === 0 ? 7 : ahead;
  }
  return undefined;
}

export function readOnset(text: string, at: string, lexicon: Lexicon): OnsetReading | undefined {
  const corrections = [...text.matchAll(CORRECTION)];
  const last = corrections.at(-1);
  if (last) {
    const corrected = readOnsetOnce(text.slice(last.index + last[0].length), at, lexicon);
    if (corrected) return corrected;
  }
  return readOnsetOnce(text, at, lexicon);
}

/** Clause breaks for leaving out a visit's clause: punctuation and the joining words between two events. */
const CLAUSE_BREAK = /[.,;!?]+|(?<!\ba)\s(?:and|but|then|so)\s/i;

/** The message without its clauses about a visit to a clinician (their times date the visit). */
function withoutVisits(text: string, onset: CompiledOnset): string {
  const parts = text.split(CLAUSE_BREAK);
  const kept = parts.filter((part) => mentions(onset.visits, prepareText(part), true).length === 0);
  return kept.length === parts.length ? text : kept.join('. ');
}

/** Every clause of the message is about a visit to a clinician, so none dates the episode. */
export function datesOnlyAVisit(text: string, lexicon: Lexicon): boolean {
  const left = withoutVisits(text, compileOnset(lexicon));
  return left !== text && left.replace(/[.\s]/g, '') === '';
}

function readOnsetOnce(whole: string, at: string, lexicon: Lexicon): OnsetReading | undefined {
  const now = DateTime.fromISO(at, { zone: 'utc' });
  if (!now.isValid) return undefined;
  const onset = compileOnset(lexicon);
  const text = withoutVisits(whole, onset);
  const prepared = prepareText(answerText(text, compileAnswers(lexicon)));
  const candidates: number[] = [];
  for (const mention of mentions(onset.fixed, prepared, true)) candidates.push(onset.fixedDays.get(mention.label) ?? 0);
  // "3 days ago", "for 10 days"; hours only with "ago" ("sitting for three hours" is how long, not when).
  const amounts = readAmounts(text, lexicon);
  amounts.durations.forEach((duration, index) => {
    // "2-3 weeks ago": one time, its more recent end (the range's second number stands for both).
    const next = amounts.durations[index + 1];
    if (next && next.from === duration.to + 2 && next.value > duration.value) return;
    const previous = amounts.durations[index - 1];
    const value = previous && duration.from === previous.to + 2 ? Math.min(previous.value, duration.value) : duration.value;
    if (value >= 1 || amounts.words[duration.to + 1]?.text === 'ago') candidates.push(Math.round(value));
  });
  const { words } = readWords(text, compileAnswers(lexicon).textSpeak);
  words.forEach((word, index) => {
    const weekday = onset.weekdays.get(word.text);
    // "Remembrance Sunday", "Easter Monday": the weekday belongs to the named day before it.
    if (weekday !== undefined && onset.seasons.has(words[index - 1]?.text ?? '')) return;
    if (weekday !== undefined) {
      // The most recent such day before today; "since Friday" on a Friday is a week; "Monday last week" a week before that.
      const back = (now.weekday - weekday + 7) % 7;
      const lastWeek = words[index + 1]?.text === 'last' && words[index + 2]?.text === 'week';
      // "since last Thursday" on a Friday: a day this close would be "yesterday", so it is last week's.
      const lastClose = words[index - 1]?.text === 'last' && back >= 1 && back <= 2;
      candidates.push((back === 0 ? 7 : back) + ((lastWeek || lastClose) && back !== 0 ? 7 : 0));
      return;
    }
    // "didn't actually fall", "had a fall": a season that is also an everyday word is one only after a cue ("last fall").
    const cues = onset.everydaySeasons.get(word.text);
    const cued = !cues || cues.has(words[index - 1]?.text ?? '') || cues.has(`${words[index - 2]?.text ?? ''} ${words[index - 1]?.text ?? ''}`);
    const season = cued ? onset.seasons.get(word.text) : undefined;
    if (season) {
      const date = latestDate(now, season.month, season.day);
      if (date) candidates.push(daysBetween(date, now));
      return;
    }
    // "the 20th", "1st of November", "November 1st", "since October"
    if (word.digits !== undefined && ORDINALS.has(words[index + 1]?.text ?? '')) {
      const after = words[index + 2]?.text === 'of' ? words[index + 3]?.text : words[index + 2]?.text;
      const before = words[index - 1]?.text;
      const month = onset.months.get(after ?? '') ?? onset.months.get(before ?? '');
      const date = month !== undefined ? latestDate(now, month, word.digits) : latestDayOfMonth(now, word.digits);
      if (date) candidates.push(daysBetween(date, now));
      return;
    }
    // "since the start of the month", "beginning of this month": the 1st of this month.
    if (word.text === 'month' && ['the', 'this'].includes(words[index - 1]?.text ?? '') && words[index - 2]?.text === 'of' && MONTH_STARTS.has(words[index - 3]?.text ?? '')) {
      candidates.push(now.day - 1);
      return;
    }
    const month = onset.months.get(word.text);
    // "the 8th of Nov": the month of a date already read, not "since November" as well.
    const ofDate = words[index - 1]?.text === 'of' && ORDINALS.has(words[index - 2]?.text ?? '') && words[index - 3]?.digits !== undefined;
    if (month !== undefined && !ofDate) {
      const day = words[index + 1]?.digits ?? words[index - 1]?.digits;
      if (day !== undefined) {
        const date = latestDate(now, month, day);
        if (date) candidates.push(daysBetween(date, now));
      } else if (MONTH_CUES.has(words[index - 1]?.text ?? '')) {
        // "since October" is from its 1st; "the end of October", "late October" its last days, "mid October" the 15th:
        // never read older than said.
        const cue = words[index - 1]?.text === 'of' ? words[index - 2]?.text : words[index - 1]?.text;
        const lastDay = DateTime.fromObject({ year: now.year, month, day: 1 }, { zone: now.zone }).daysInMonth ?? 28;
        const day = cue === 'end' || cue === 'late' ? lastDay : cue === 'mid' || cue === 'middle' || cue === 'in' ? 15 : 1;
        const date = latestDate(now, month, day);
        if (date) candidates.push(daysBetween(date, now));
      }
    }
  });
  if (candidates.length > 0) {
    const days = Math.max(0, onsetOf(candidates, mentions(onset.flare, prepared, true).length > 0));
    return { band: bandOf(days), days };
  }
  return mentions(onset.long, prepared, true).length > 0 ? { band: 'over_6_weeks' } : undefined;
}

/** The longest history an episode's start is read within: older times are a history the flare came out of. */
const EPISODE_DAYS = 42;

/**
 * Of several times named: the earliest within an episode's reach, for a later one tells what changed
 * since ("since Tuesday, and since last night ..."); after a long history, or with a flare word, the
 * most recent (the flare is the episode).
 */
function onsetOf(candidates: number[], flare: boolean): number {
  const recent = candidates.filter((days) => days <= EPISODE_DAYS);
  if (flare || recent.length === 0) return Math.min(...candidates);
  return Math.max(...recent);
}

/** "the 20th": this month's, or last month's when that day has not come yet. */
function latestDayOfMonth(now: DateTime, day: number): DateTime | undefined {
  const thisMonth = DateTime.fromObject({ year: now.year, month: now.month, day }, { zone: now.zone });
  if (thisMonth.isValid && thisMonth.startOf('day') <= now.startOf('day')) return thisMonth;
  const lastMonth = now.minus({ months: 1 });
  const date = DateTime.fromObject({ year: lastMonth.year, month: lastMonth.month, day }, { zone: now.zone });
  return date.isValid ? date : undefined;
}
