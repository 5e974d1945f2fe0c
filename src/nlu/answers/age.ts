/**
 * An age in years, in digits or words ("52", "fifty-two", "thirty thre"); "I'll be 40 next month"
 * is 39. Out of 1-120 is not an age.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { compileAnswers, isScoreUnit } from './compiled.ts';
import { isMonthName } from './onset.ts';

/** Words after a number that keep it an age: "45 years old", "38 yrs", "55 yo". */
const AGE_WORDS = /^(year|years|yr|yrs|yo|old|next|this|in|and|on|at|now|but)$/;
import { readNumbers } from './numbers.ts';

/** Words that say an age is the person's now ("I'm 34 now", "am 60"), or was theirs once ("19 when it started", "was 25", "at 30"). */
const NOW_BEFORE = new Set(['am', 'im', 'now']);
const PAST_AFTER = new Set(['when', 'then']);
const PAST_BEFORE = new Set(['was', 'at', 'aged', 'since']);

/** A clock time, not an age (an hour, 24 at most): "it's gone 4 now", "since about 6 this morning", "at half past 3", "till 5pm". */
const CLOCK_BEFORE = new Set(['gone', 'past', 'till', 'until']);
const CLOCK_AFTER = /^(am|pm|oclock|o|this|tonight|last)$/;

/** After an age, what makes it one to come: "next month", "in January", "in a few weeks". */
const SPANS = new Set(['week', 'month', 'year', 'birthday', 'spring', 'summer', 'autumn', 'winter']);
const SPANS_AHEAD = new Set(['a', 'two', 'three', 'few', 'couple', 'the']);
/** How far before an age a relative may be named for the age to be theirs ("my husband is 65"). */
const OTHER_REACH = 3;
import { readWords } from './words.ts';

export function readAge(text: string, lexicon: Lexicon): number | undefined {
  const { words } = readWords(text, compileAnswers(lexicon).textSpeak);
  const compiled = compileAnswers(lexicon);
  // "I have 2 kids", "3 paracetamol": a count of things, not years ("45 years old" is an age).
  const counted = (n: { to: number }) => {
    const next = words[n.to + 1]?.text ?? '';
    return !AGE_WORDS.test(next) && isScoreUnit(next, compiled);
  };
  // Only an hour of the clock can be one ("gone 60 now" is an age).
  const clock = (n: { from: number; to: number; value: number }) => n.value <= 24 && (CLOCK_BEFORE.has(words[n.from - 1]?.text ?? '') || CLOCK_AFTER.test(words[n.to + 1]?.text ?? ''));
  const ages = readNumbers(words, lexicon.answers).filter((n) => !n.article && !n.vague && Number.isInteger(n.value) && n.value >= 1 && n.value <= 120 && !counted(n) && !clock(n));
  // "my husband is 65 and I'm 63": an age said just after a relative is theirs, when another is said.
  const others = compiled.ageOthers;
  const someoneElses = (n: { from: number }) => words.slice(Math.max(0, n.from - OTHER_REACH), n.from).some((w) => others.has(w.text));
  // "19 when it started but I'm 34 now": of several ages of the person's own, the one said for now.
  const own = ages.filter((n) => !someoneElses(n));
  const sameClause = (n: { from: number }) => (w: { clause: number }) => w.clause === words[n.from]!.clause;
  const saidNow = (n: { from: number; to: number }) => words.slice(n.to + 1, n.to + 3).some((w) => w.text === 'now' && sameClause(n)(w)) || words.slice(Math.max(0, n.from - 2), n.from).some((w) => NOW_BEFORE.has(w.text) && sameClause(n)(w));
  const saidBefore = (n: { from: number; to: number }) => words.slice(n.to + 1, n.to + 2).some((w) => PAST_AFTER.has(w.text)) || words.slice(Math.max(0, n.from - 2), n.from).some((w) => PAST_BEFORE.has(w.text));
  // "our eldest is 17 and has back pain like mine": only someone else's age, beside the writer's
  // own, is not the person's (a carer's "my mum is 82" still is the patient's).
  if (own.length === 0 && words.some((w) => compiled.writerOwn.has(w.text))) return undefined;
  // "49, I'm 50 in January", "50 next month": an age still to come, not the one for now.
  // "in March" alone may be past ("62 in March", turned then): to come only beside the age for now,
  // or said as "I'm 50 in January" (a younger reading would ask fewer of the age's questions).
  const toCome = (n: { from: number; to: number }) => {
    const [first, second] = words.slice(n.to + 1, n.to + 3).map((w) => w.text);
    if (first === 'soon' || (first === 'next' && second !== undefined && SPANS.has(second))) return true;
    const presentTense = own.length > 1 || words.slice(Math.max(0, n.from - 2), n.from).some((w) => NOW_BEFORE.has(w.text) && w.text !== 'now');
    return presentTense && first === 'in' && second !== undefined && (isMonthName(second, lexicon) || SPANS_AHEAD.has(second));
  };
  const candidates = own.length > 1 && own.some((n) => !toCome(n)) ? own.filter((n) => !toCome(n)) : own;
  const number = (candidates.length > 1 ? candidates.find(saidNow) ?? candidates.find((n) => !saidBefore(n)) : undefined) ?? candidates[0] ?? ages[0];
  if (!number) return undefined;
  // "I'll be 40 next month", "turning 40 soon": not 40 yet.
  const before = words.slice(Math.max(0, number.from - 2), number.from).map((w) => w.text);
  // "44 next birthday": the age still to come.
  const after = words.slice(number.to + 1, number.to + 3).map((w) => w.text);
  const comingBirthday = (after[0] === 'next' && after[1] === 'birthday') || toCome(number);
  const future = (before.includes('be') && before.includes('will')) || before.includes('turning') || (before.at(-1) === 'be' && before.at(-2) === 'will') || comingBirthday;
  return future ? number.value - 1 : number.value;
}
