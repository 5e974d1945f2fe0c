/**
 * Understands what a person says about their check-ins, pure: times ("8am", "7:30 pm", "half past
 * six", "noon"), time zones (IANA names, cities in the zone database, aliases from content),
 * durations ("3 days", "a week", "until Monday") and the requests themselves (set, pause, resume,
 * stop, show). Anything it is not sure about is left to the conversation.
 */
import { allZones, canonicalZone, type LocalTime } from './time.ts';

export type ScheduleCommand =
  | { kind: 'stop' }
  | { kind: 'pause'; days: number | null; untilWeekday?: number }
  | { kind: 'resume'; explicit: boolean }
  | { kind: 'set'; time?: LocalTime; zone?: string; unknownZone?: string }
  | { kind: 'show' };

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30,
  couple: 2, 'a couple': 2, 'a couple of': 2, few: 3, 'a few': 3, several: 4,
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Lower case, curly quotes straightened, spaces squeezed; keeps : . / for times and zones. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/check[\s-]?ins?\b/g, (m) => (m.endsWith('s') ? 'checkins' : 'checkin'))
    .replace(/[!?,;"()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.]+$/, '')
    .trim();
}

function numberFrom(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/** A time of day in the text, or null. Bare numbers ("at 8") need "at" before them. */
export function parseTimeOfDay(input: string): LocalTime | null {
  const text = normalise(input);
  if (/\b(noon|midday|lunchtime)\b/.test(text)) return { hour: 12, minute: 0 };
  if (/\bmidnight\b/.test(text)) return { hour: 0, minute: 0 };
  const eveningHint = /\b(evening|tonight|night|afternoon|pm)\b/.test(text);
  const morningHint = /\b(morning|am)\b/.test(text);
  const adjust = (hour: number, minute: number, meridiem?: string): LocalTime | null => {
    if (minute > 59) return null;
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      if (meridiem.startsWith('p')) return { hour: hour === 12 ? 12 : hour + 12, minute };
      return { hour: hour === 12 ? 0 : hour, minute };
    }
    if (hour > 23) return null;
    if (hour >= 1 && hour <= 11 && eveningHint && !morningHint) return { hour: hour + 12, minute };
    return { hour, minute };
  };
  const spoken = /\b(half|quarter) (past|to) (\d{1,2}|[a-z]+)\b/.exec(text);
  if (spoken) {
    const base = numberFrom(spoken[3]!);
    if (base !== null && base >= 1 && base <= 12) {
      const minute = spoken[1] === 'half' ? 30 : spoken[2] === 'past' ? 15 : 45;
      const hour = spoken[2] === 'to' ? (base === 1 ? 12 : base - 1) : base;
      return adjust(hour, minute, undefined);
    }
  }
  // British "half seven" is 7:30 (never 6:30).
  const halfHour = /\bhalf (\d{1,2}|[a-z]+)\b/.exec(text);
  if (halfHour && !['a', 'an', 'the', 'past', 'to', 'hour', 'way'].includes(halfHour[1]!)) {
    const base = numberFrom(halfHour[1]!);
    if (base !== null && base >= 1 && base <= 12) return adjust(base, 30, undefined);
  }
  const clock = /\b(\d{1,2})[:.h](\d{2})\s*(a\.?m\.?|p\.?m\.?)?(?![\d/])/.exec(text);
  if (clock) return adjust(Number(clock[1]), Number(clock[2]), clock[3]?.replace(/\./g, ''));
  const withMeridiem = /\b(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?=\s|$)/.exec(text);
  if (withMeridiem) return adjust(Number(withMeridiem[1]), 0, withMeridiem[2]!.replace(/\./g, ''));
  const oClock = /\b(\d{1,2}|[a-z]+) o'?clock\b/.exec(text);
  if (oClock) {
    const hour = numberFrom(oClock[1]!);
    if (hour !== null && hour <= 23) return adjust(hour, 0, undefined);
  }
  const military = /\bat (\d{2})(\d{2})\b/.exec(text);
  if (military) return adjust(Number(military[1]), Number(military[2]), undefined);
  const bare = /\b(?:at|around|about|to|for) (\d{1,2})(?=\s|$)(?! (?:days?|weeks?|months?))/.exec(text);
  if (bare) return adjust(Number(bare[1]), 0, undefined);
  return null;
}

/** A whole number of days, or a weekday to pause until; null when no duration is said. */
export function parseDuration(input: string): { days: number } | { untilWeekday: number } | null {
  const text = normalise(input);
  const until = /\b(?:until|till|til|to|through) (?:next )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(text);
  if (until) return { untilWeekday: WEEKDAYS.indexOf(until[1]!) };
  if (/\b(?:until|till|til) next week\b/.test(text)) return { days: 7 };
  if (/\b(?:a )?fortnight\b/.test(text)) return { days: 14 };
  if (/\btomorrow\b/.test(text) && /\b(until|till|til)\b/.test(text)) return { days: 1 };
  if (/\b(?:today|for the day|the rest of (?:the|to)day)\b/.test(text)) return { days: 1 };
  const match = /\b(\d{1,3}|a couple of|a couple|a few|couple|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty) ?(days?|nights?|weeks?|wks?|months?)\b/.exec(text);
  if (!match) return null;
  const count = numberFrom(match[1]!) ?? NUMBER_WORDS[match[1]!] ?? null;
  if (count === null || count < 1) return null;
  const unit = match[2]!;
  if (unit.startsWith('w')) return { days: count * 7 };
  if (unit.startsWith('m')) return { days: count * 30 };
  return { days: count };
}

export interface ZoneFinding {
  zone?: string;
  /** Words that looked like a zone but matched none. */
  unknown?: string;
}

let cityIndex: Map<string, string> | null = null;
function cities(): Map<string, string> {
  if (cityIndex) return cityIndex;
  cityIndex = new Map();
  for (const zone of allZones()) {
    const city = zone.split('/').pop()!.replace(/_/g, ' ').toLowerCase();
    if (!cityIndex.has(city)) cityIndex.set(city, zone);
  }
  return cityIndex;
}

/**
 * "<alias> time" patterns, compiled once per alias table: parseZone runs on every message, and
 * compiling a regular expression per alias per message was about 1.5 % of a turn's CPU.
 */
const aliasPatternCache = new WeakMap<Record<string, string>, [RegExp, string][]>();
function aliasPatterns(aliases: Record<string, string>): [RegExp, string][] {
  let patterns = aliasPatternCache.get(aliases);
  if (!patterns) {
    patterns = Object.entries(aliases)
      .filter(([alias]) => alias.length >= 3)
      .map(([alias, zone]): [RegExp, string] => [new RegExp(`\\b${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} time\\b`), zone]);
    aliasPatternCache.set(aliases, patterns);
  }
  return patterns;
}

/** A time zone named in the text: an IANA id anywhere, or a city or alias after zone words. */
export function parseZone(input: string, aliases: Record<string, string>): ZoneFinding {
  const raw = input.replace(/[\u2018\u2019]/g, "'");
  for (const token of raw.match(/\b[A-Za-z]+(?:\/[A-Za-z0-9_+\-]+)+\b/g) ?? []) {
    const zone = canonicalZone(token);
    if (zone) return { zone };
    return { unknown: token };
  }
  const text = normalise(input);
  const utcOffset = /\b(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b/.exec(text);
  if (utcOffset) {
    // Etc/GMT zones have inverted signs: UTC+2 is Etc/GMT-2. Whole hours only.
    const hours = Number(utcOffset[2]);
    if (!utcOffset[3] || utcOffset[3] === '00') {
      const zone = canonicalZone(hours === 0 ? 'UTC' : `Etc/GMT${utcOffset[1] === '+' ? '-' : '+'}${hours}`);
      if (zone) return { zone };
    }
  }
  const place = /\b(?:time ?zone|tz|zone)(?: is| to| =|:)? (?:now )?(.+)$/.exec(text)
    ?? /\b(?:i'?m|i am|we'?re|we are|i live|i'?m living|i'?m based|i'?m staying|i moved|moved|living|based|i'?m now|now) (?:in|to|at) (.+)$/.exec(text)
    ?? /\b(?:in|on) ([a-z][a-z .']+?) time\b/.exec(text)
    ?? /\b(?:at|@) [0-9:.]+ ?(?:am|pm)? (?:in |on )?([a-z][a-z .']+)$/.exec(text);
  const candidates: string[] = [];
  if (place) {
    const words = place[1]!.replace(/\b(time|please|thanks|thank you|now|instead|for me)\b/g, ' ').replace(/\s+/g, ' ').trim();
    // Longest prefix first: "new york city" → "new york".
    const parts = words.split(' ');
    for (let n = Math.min(parts.length, 4); n >= 1; n--) candidates.push(parts.slice(0, n).join(' '));
    for (const candidate of candidates) {
      const found = aliases[candidate] ?? cities().get(candidate);
      if (found) return { zone: found };
    }
    if (words && /\b(time ?zone|tz|zone)\b/.test(text)) return { unknown: words.split(' ').slice(0, 3).join(' ') };
  }
  // A bare alias or a city right after a time ("8am London time" handled above): "8am uk".
  for (const [pattern, zone] of aliasPatterns(aliases)) {
    if (pattern.test(text)) return { zone };
  }
  return {};
}

const CHECKIN_WORDS = /\b(checkins?|remind(er|ers)?|messages?|notifications?|texts?|coaching|programme|program|nudges?)\b/;

function isStop(text: string, intent: string | undefined): boolean {
  if (intent === 'stop_messages') return true;
  if (/^(please )?(stop|unsubscribe|opt out|opt-out|cancel|quit|end)( it| now| please| all| everything| messages| them)*$/.test(text)) return true;
  if (/\b(unsubscribe|opt[ -]?out)\b/.test(text)) return true;
  if (/\bno more (messages|checkins|reminders|texts|notifications|nudges)\b/.test(text)) return true;
  if (/\bno (messages|checkins|reminders|texts|notifications) (please|anymore|any more|from you)\b/.test(text)) return true;
  if (/\bstop (sending|messaging|texting|contacting|reminding|pinging|bothering|checking in)\b/.test(text)) return true;
  if (/\bstop (the |these |all |your |my |daily )*(messages|checkins|checkin|reminders|texts|notifications)\b/.test(text)) return true;
  if (/\b(don'?t|do not|please don'?t|never) (message|text|contact|ping|bother|check in with|write to) me\b/.test(text)) return true;
  // "don't remind me" after a statement is a sigh ("turned fifty in August, don't remind me"): a
  // stop only alone, or with what not to be reminded of, or how often.
  if (/^(please )?(don'?t|do not|please don'?t|never) remind me( please| thanks| thank you)?$/.test(text)) return true;
  if (/\b(don'?t|do not|please don'?t|never) remind me (again|any ?more|every day|each day|daily|each morning|every morning|to do|about (the |my |your )?(exercises|checkins?|check ins?|sessions|messages)|of (the |my )?(exercises|checkins?|sessions))\b/.test(text)) return true;
  if (/\b(leave me alone|go away)\b/.test(text)) return true;
  if (/\b(cancel|turn off|switch off|disable|end|quit) (the |these |all |your |my |daily )*(messages|checkins|checkin|reminders|notifications)\b/.test(text)) return true;
  if (/\b(don'?t|do not) want (any )?(more )?(messages|checkins|reminders|texts)\b/.test(text)) return true;
  return false;
}

function isPause(text: string, intent: string | undefined, hasDuration: boolean): boolean {
  if (/^(please )?(pause|snooze|hold)( (the |my )?(messages|checkins|checkin|reminders|it|everything))?( please)?$/.test(text)) return true;
  const pauseWord = /\b(pause|snooze|hold off|suspend)\b/.test(text);
  if (pauseWord && (CHECKIN_WORDS.test(text) || hasDuration)) return true;
  // "hold", "skip" and "a break from" are pauses only when said of the check-ins or of the days
  // themselves ("skip the next 3 days", "can we hold for a week"), not in a story ("I had to skip the
  // exercises for 2 days", "not been able to hold my urine for 2 days").
  const weakPauseWord = /\b(hold|break from|skip)\b/.test(text);
  if (weakPauseWord && CHECKIN_WORDS.test(text)) return true;
  if (hasDuration && /\b(hold|skip)( it| them| everything)? (for|until|till|the next|next|tomorrow|today|this week)\b/.test(text)) return true;
  if (/\b(take|taking|need|want) a (little )?break\b/.test(text) && (CHECKIN_WORDS.test(text) || hasDuration)) return true;
  // The person away, not the pain: "I'm away for a week", not "the pain went away for 2 days".
  if ((/\b(on holiday|on vacation|travelling|traveling)\b/.test(text) || /\b(i am|i'm|im|i will be|i'll be|ill be|we are|we're|we will be|going|be|been) away\b/.test(text)) && hasDuration) return true;
  if (/\bno (messages|checkins|reminders) (for|until|till)\b/.test(text)) return true;
  if (/\b(don'?t|do not) (message|text|check in with|remind) me (for|until|till)\b/.test(text)) return true;
  // "can I have a break for a bit": a pause of no set length.
  return intent === 'pause' && (hasDuration || CHECKIN_WORDS.test(text) || /\bfor a (bit|while|little while|few days)\b/.test(text));
}

function isResume(text: string, intent: string | undefined): { explicit: boolean } | null {
  if (/^(please )?(resume|unpause|un-pause|restart|subscribe|resubscribe|start again)( (the |my )?(messages|checkins|checkin|reminders))?( again)?( please)?$/.test(text)) return { explicit: true };
  if (/\b(resume|unpause|restart|turn on|switch on|start|restart|send|bring back|want)( me)? (the |my |daily |your )*(messages|checkins|checkin|reminders|notifications)( again| back)?\b/.test(text) && /\b(again|back|resume|unpause|restart|turn on|switch on|start)\b/.test(text)) return { explicit: true };
  if (/\b(i'?m|i am) back\b/.test(text)) return { explicit: false };
  return intent === 'resume' ? { explicit: false } : null;
}

function isShow(text: string): boolean {
  return /\b(when|what time)('?s| is| are| will| do)? (is |are |will )?(my |the |your |you )?(next )?(checkins?|checkin|reminders?|message)\b/.test(text)
    || /\b(my|show|see) (checkin )?(schedule|checkin time|checkin settings)\b/.test(text)
    || /\bwhen (will|do) you (check in|message me|remind me)\b/.test(text);
}

/**
 * The schedule request in a message, or null when it is not one (then the conversation handles
 * the message). `intent` is the conversation's own reading, if it has one; it is a hint only.
 */
export function parseScheduleCommand(input: string, options: { intent?: string; aliases: Record<string, string> }): ScheduleCommand | null {
  const text = normalise(input);
  if (!text) return null;
  const duration = parseDuration(text);
  if (isStop(text, options.intent) && !duration) return { kind: 'stop' };
  if (isPause(text, options.intent, duration !== null) || (duration && isStop(text, options.intent))) {
    if (duration && 'untilWeekday' in duration) return { kind: 'pause', days: null, untilWeekday: duration.untilWeekday };
    return { kind: 'pause', days: duration?.days ?? null };
  }
  const resume = isResume(text, options.intent);
  if (resume) return { kind: 'resume', explicit: resume.explicit };
  if (isShow(text) && !parseTimeOfDay(text)) return { kind: 'show' };

  const zone = parseZone(input, options.aliases);
  const aboutSchedule = /\b(checkins?|checkin|check in|remind|reminder|message me|ping me|text me|contact me|every day|each day|daily|each morning|every morning|every evening|my time|the time)\b/.test(text);
  const time = aboutSchedule || zone.zone ? parseTimeOfDay(text) : null;
  const zoneTalk = /\b(time ?zone|tz)\b/.test(text) || zone.zone !== undefined;
  if (aboutSchedule && /\b(change|move|set|make|switch|instead|can you|could you|please|at|around|to)\b/.test(text) && time) {
    return { kind: 'set', time, zone: zone.zone, unknownZone: zone.unknown };
  }
  if (zoneTalk && (zone.zone || zone.unknown) && (/\b(time ?zone|tz)\b/.test(text) || /\b(i'?m|i am|i live|i moved|moved|living|based|we'?re|now)\b/.test(text))) {
    return { kind: 'set', time: time ?? undefined, zone: zone.zone, unknownZone: zone.unknown };
  }
  if (aboutSchedule && /\b(change|move|set|different|another)\b/.test(text) && /\b(time|checkin|checkins|reminder)\b/.test(text)) {
    return { kind: 'set' };
  }
  return null;
}

/** Days from today's weekday to the next given weekday (1-7). */
export function daysUntilWeekday(todayWeekday: number, target: number): number {
  const diff = (target - todayWeekday + 7) % 7;
  return diff === 0 ? 7 : diff;
}
