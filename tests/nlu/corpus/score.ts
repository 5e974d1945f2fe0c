/**
 * Judges one entry against what the bot did, and adds the judgements up (SCHEMA.md, "What the
 * report counts"). Pure: the harness runs the bot, outcome.ts reads it, this decides right or wrong.
 */
import { readAnswer, readIntents, readReferral, readReferredFlags, readSignQuestions, readStateAnswer, type Observation } from './outcome.ts';
import { ANSWER_KINDS, tierRank, TIERS, type Answer, type AnswerKind, type Entry, type State, type Tier } from './schema.ts';

export type AnswerVerdict = 'right' | 'notUnderstood' | 'misread' | 'wrongDirection';

export interface Judgement {
  id: string;
  state: State;
  /** Set when the bot has no such state yet: signs were measured at `measuredAt`, answers count as not understood. */
  unreachable?: { reason: string; measuredAt: State | null };
  sign?: {
    expect: 'refer' | 'ask' | 'none';
    tier?: Tier;
    referral: Tier | null;
    asked: boolean;
    /** refer: at the tier or higher; ask: asked (a referral is counted apart); none: nothing urgent or higher. */
    ok: boolean;
    /** refer entries naming ids: whether one of them was among the flags referred for. */
    rightFlag?: boolean;
  };
  answer?: { kind: AnswerKind; verdict: AnswerVerdict; expected: unknown; got: unknown };
}

const REACH_ORDER: Record<string, number> = { spine_only: 0, buttock_thigh: 1, below_knee: 2 };
const ONSET_ORDER: Record<string, number> = { last_2_days: 0, under_2_weeks: 1, under_6_weeks: 2, over_6_weeks: 3 };

/** Right, not understood, misread, or misread in the direction that matters (the unsafe one). */
export function judgeAnswer(expected: Answer, obs: Observation): { verdict: AnswerVerdict; got: unknown } {
  if (expected.kind === 'yesNo' && expected.value === 'notAnswer') {
    // Nothing may be taken as the answer to the pending question (issue 17, class 1: content read as consent).
    const got = readStateAnswer(obs);
    return { verdict: got === undefined ? 'right' : 'wrongDirection', got };
  }
  if (expected.kind === 'intent') {
    const reading = readIntents(obs);
    const got = { intents: [...reading.intents], ...(reading.time ? { time: reading.time } : {}) };
    if (reading.intents.has(expected.value) && (expected.time === undefined || reading.time === expected.time)) return { verdict: 'right', got };
    // An intent taken as the answer ("is 10 the worst?" as pain 10) is a misreading, not a mere miss.
    const taken = readStateAnswer(obs);
    if (taken !== undefined && !(expected.value === 'later' && taken === 'no')) return { verdict: 'misread', got: { ...got, taken } };
    return { verdict: reading.intents.size ? 'misread' : 'notUnderstood', got };
  }
  const got = readAnswer(expected.kind, obs);
  if (got === undefined) return { verdict: 'notUnderstood', got };
  return { verdict: compare(expected, got), got };
}

function compare(expected: Exclude<Answer, { kind: 'intent' }>, got: unknown): AnswerVerdict {
  switch (expected.kind) {
    case 'yesNo': {
      if (got === expected.value) return 'right';
      const definite = got === 'yes' || got === 'no';
      if (expected.value === 'unsure') return definite ? 'wrongDirection' : 'misread';
      return definite ? 'wrongDirection' : 'misread';
    }
    case 'pain':
      if (got === expected.value) return 'right';
      return typeof got === 'number' && got < expected.value ? 'wrongDirection' : 'misread';
    case 'region':
    case 'age':
      return got === expected.value ? 'right' : 'misread';
    case 'sides':
      if (got === expected.value) return 'right';
      return expected.value === 'both' && got === 'one' ? 'wrongDirection' : 'misread';
    case 'surgery':
      if (got === expected.value) return 'right';
      return (expected.value === 'none') !== (got === 'none') ? 'wrongDirection' : 'misread';
    case 'reach': {
      const value = got as { reach?: string; side?: string };
      const shorter = (REACH_ORDER[value.reach ?? ''] ?? -1) >= 0 && (REACH_ORDER[expected.value.reach] ?? -1) > (REACH_ORDER[value.reach ?? ''] ?? 99);
      if (shorter) return 'wrongDirection';
      if (value.reach !== expected.value.reach) return 'misread';
      const side = expected.value.side;
      if (side === undefined || value.side === side) return 'right';
      if (value.side === undefined) return 'notUnderstood';
      return (side === 'left' && value.side === 'right') || (side === 'right' && value.side === 'left') ? 'wrongDirection' : 'misread';
    }
    case 'onset': {
      const band = (got as { band?: string }).band ?? '';
      if (band === expected.value.band) return 'right';
      return (ONSET_ORDER[band] ?? -1) > ONSET_ORDER[expected.value.band]! ? 'wrongDirection' : 'misread';
    }
    case 'surgeryWhen': {
      const days = (got as { days?: number }).days;
      if (typeof days !== 'number') return 'misread';
      const want = expected.value.days;
      if (Math.abs(days - want) <= 0.15 * want) return 'right';
      return days > want ? 'wrongDirection' : 'misread';
    }
    case 'liftingLimit': {
      if (expected.value === 'unknown') return got === 'unknown' ? 'right' : 'wrongDirection';
      if (got === 'unknown') return 'misread';
      const kg = (got as { kg?: number }).kg;
      if (typeof kg !== 'number') return 'misread';
      if (Math.abs(kg - expected.value.kg) <= 0.5) return 'right';
      return kg > expected.value.kg ? 'wrongDirection' : 'misread';
    }
    case 'movement': {
      const value = got as { response?: string; toesOrFingers?: boolean };
      const want = expected.value;
      if (value.response === want.response && (value.toesOrFingers === true) === (want.toesOrFingers === true)) return 'right';
      const opposite = (a: string | undefined, b: string) => (a === 'centralized' && b === 'peripheralized') || (a === 'peripheralized' && b === 'centralized');
      if (opposite(value.response, want.response)) return 'wrongDirection';
      // Toes or fingers reached but not taken: the stop-at-once rule would not fire.
      if (want.toesOrFingers && value.toesOrFingers !== true) return 'wrongDirection';
      return 'misread';
    }
  }
}

export function judge(entry: Entry, obs: Observation, unreachable?: Judgement['unreachable']): Judgement {
  const judgement: Judgement = { id: entry.id, state: entry.state, ...(unreachable ? { unreachable } : {}) };
  if (entry.sign) {
    const referral = readReferral(obs);
    const asked = readSignQuestions(obs).length > 0;
    const { expect, tier } = entry.sign;
    const atTier = referral !== null && tier !== undefined && tierRank[referral] <= tierRank[tier];
    const ok = expect === 'refer' ? atTier : expect === 'ask' ? asked && referral === null : referral === null || referral === 'soon';
    judgement.sign = { expect, ...(tier ? { tier } : {}), referral, asked, ok };
    if (expect === 'refer' && entry.sign.ids) {
      const flags = readReferredFlags(obs);
      judgement.sign.rightFlag = entry.sign.ids.some((id) => flags.includes(id));
    }
  }
  if (entry.answer) {
    const { verdict, got } = unreachable ? { verdict: 'notUnderstood' as const, got: undefined } : judgeAnswer(entry.answer, obs);
    judgement.answer = { kind: entry.answer.kind, verdict, expected: 'time' in entry.answer && entry.answer.time ? { value: entry.answer.value, time: entry.answer.time } : entry.answer.value, got };
  }
  return judgement;
}

export interface Count {
  hit: number;
  of: number;
}

export interface Summary {
  entries: number;
  sensitivity: Record<Tier, Count>;
  /** refer entries with ids that were referred: how many for one of the right flags. */
  rightFlag: Count;
  missedByState: Record<string, number>;
  /** What the coach did instead with a disclosure it missed: a lower tier, the sign's own question, or nothing. */
  missedHow: { lowerTier: number; asked: number; nothing: number };
  asked: { asked: number; referredInstead: number; silent: number; of: number };
  /** On benign messages, `asked`: a warning-sign question put to someone who has none (a cost, though no referral). */
  falseAlarms: { urgentOrHigher: number; soon: number; asked: number; of: number };
  answers: Record<AnswerKind, Record<AnswerVerdict, number>>;
  wrongDirection: number;
  unreachable: Record<string, { entries: number; reason: string; measuredAt: State | null }>;
}

export function summarise(judgements: Judgement[]): Summary {
  const sensitivity = Object.fromEntries(TIERS.map((tier) => [tier, { hit: 0, of: 0 }])) as Record<Tier, Count>;
  const answers = Object.fromEntries(ANSWER_KINDS.map((kind) => [kind, { right: 0, notUnderstood: 0, misread: 0, wrongDirection: 0 }])) as Summary['answers'];
  const summary: Summary = {
    entries: judgements.length,
    sensitivity,
    rightFlag: { hit: 0, of: 0 },
    missedByState: {},
    missedHow: { lowerTier: 0, asked: 0, nothing: 0 },
    asked: { asked: 0, referredInstead: 0, silent: 0, of: 0 },
    falseAlarms: { urgentOrHigher: 0, soon: 0, asked: 0, of: 0 },
    answers,
    wrongDirection: 0,
    unreachable: {},
  };
  for (const j of judgements) {
    if (j.unreachable) {
      const slot = (summary.unreachable[j.state] ??= { entries: 0, reason: j.unreachable.reason, measuredAt: j.unreachable.measuredAt });
      slot.entries++;
    }
    const sign = j.sign;
    if (sign?.expect === 'refer' && sign.tier) {
      sensitivity[sign.tier].of++;
      if (sign.ok) sensitivity[sign.tier].hit++;
      else {
        summary.missedByState[j.state] = (summary.missedByState[j.state] ?? 0) + 1;
        if (sign.referral !== null) summary.missedHow.lowerTier++;
        else if (sign.asked) summary.missedHow.asked++;
        else summary.missedHow.nothing++;
      }
      if (sign.rightFlag !== undefined && sign.referral !== null) {
        summary.rightFlag.of++;
        if (sign.rightFlag) summary.rightFlag.hit++;
      }
    }
    if (sign?.expect === 'ask') {
      summary.asked.of++;
      if (sign.referral !== null) summary.asked.referredInstead++;
      else if (sign.asked) summary.asked.asked++;
      else summary.asked.silent++;
    }
    if (sign?.expect === 'none') {
      summary.falseAlarms.of++;
      if (sign.referral === 'emergency' || sign.referral === 'urgent') summary.falseAlarms.urgentOrHigher++;
      if (sign.referral === 'soon') summary.falseAlarms.soon++;
      if (sign.referral === null && sign.asked) summary.falseAlarms.asked++;
    }
    if (j.answer) {
      answers[j.answer.kind][j.answer.verdict]++;
      if (j.answer.verdict === 'wrongDirection') summary.wrongDirection++;
    }
  }
  return summary;
}

/** Why an entry failed, in a few words, for the development part's failure list. */
export function failureOf(j: Judgement): { expected: string; got: string }[] {
  const failures: { expected: string; got: string }[] = [];
  const sign = j.sign;
  if (sign && !sign.ok) {
    const got = sign.referral ? `referral ${sign.referral}` : sign.asked ? 'asked' : 'nothing';
    const expected = sign.expect === 'refer' ? `refer ${sign.tier}` : sign.expect === 'ask' ? `ask (${sign.tier})` : 'no urgent referral';
    failures.push({ expected, got });
  }
  if (j.answer && j.answer.verdict !== 'right') {
    failures.push({ expected: `${j.answer.kind} ${JSON.stringify(j.answer.expected)}`, got: `${j.answer.verdict}${j.answer.got === undefined ? '' : ` ${JSON.stringify(j.answer.got)}`}` });
  }
  return failures;
}
