import { join } from 'node:path';
import type { CoachCatalog } from '../../dialogs/catalog.ts';
import type { Region } from '../../dialogs/types.ts';
import { loadConversationContent, type ConversationContent } from './conversation.ts';
import { loadEducation, type EducationPiece } from './education.ts';
import { exercisesById, loadExercises, type Exercise } from './exercises.ts';
import { checkPlanReferences, loadPlans, type Plan } from './plans.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';
import { compileEducationMatcher } from '../nlu/education.ts';
import { PatternError } from '../nlu/pattern.ts';
import { loadRedFlags, type RedFlag } from './redFlags.ts';
import { loadReferralTiers, type Crisis, type ReferralTiers } from './referral.ts';
import { loadCoachingRules, type CoachingRules, type Measures } from './coachingRules.ts';
import { compareUrgency, SPINE_REGIONS } from '../vocabulary/index.ts';
import { checkWording } from './wording.ts';

/** Everything clinicians edit, loaded and validated once at start-up. */
export interface Content {
  conversation: ConversationContent;
  redFlags: { list: RedFlag[]; byId: Map<string, RedFlag> };
  exercises: { list: Exercise[]; byId: Record<string, Exercise> };
  plans: Plan[];
  education: EducationPiece[];
  lexicon: Lexicon;
  referralTiers: ReferralTiers;
  /** Thoughts of suicide or self-harm: the crisis wording and lines (content/referral/crisis.yaml). */
  crisis: Crisis;
  /** The numbers of the coaching rules and the outcome measures (content/coaching/). */
  coachingRules: CoachingRules;
  measures: Measures;
}

/**
 * Loads and cross-checks every content file. Problems are collected, never thrown, so one run
 * lists them all: each names the file and the field.
 */
export function loadContent(dir: string): { content?: Content; problems: string[] } {
  const conversation = loadConversationContent(dir);
  const redFlags = loadRedFlags(dir);
  const exercises = loadExercises(join(dir, 'exercises'));
  const plans = loadPlans(join(dir, 'plans'));
  const education = loadEducation(join(dir, 'education'));
  const lexicon = loadLexicon(dir);
  const referral = loadReferralTiers(dir);
  const coachingRules = loadCoachingRules(dir);
  // The red flags and the lexicon both read content/lexicon/context.yaml: a problem with it is told once.
  const problems = [...new Set([...conversation.problems, ...redFlags.problems, ...exercises.problems, ...plans.problems, ...education.problems, ...lexicon.problems, ...referral.problems, ...coachingRules.problems])];
  const exerciseList = exercises.items.map((item) => item.value);
  problems.push(...checkPlanReferences(plans.items, exerciseList, education.items.map((item) => item.value.id)));
  try {
    compileEducationMatcher(education.items.map((item) => item.value), lexicon.lexicon?.context);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    problems.push(`education: asks: ${error.message}`);
  }
  // Every message and question the conversation can emit must be in content, with the slots it fills.
  if (conversation.content) problems.push(...checkWording(conversation.content, referral.tiers, lexicon.lexicon));
  const byId = new Map(redFlags.flags.map((flag) => [flag.id, flag]));
  const screening = conversation.content?.screening;
  for (const trigger of [...(screening?.triggers ?? []), ...(screening?.age.filter((rule) => !rule.ask) ?? [])]) {
    if (!byId.has(trigger.flag) && !trigger.urgency) problems.push(`screening.yaml: unknown red-flag id "${trigger.flag}" (give its urgency and label if only screening raises it)`);
  }
  const askable = (id: string) => byId.get(id)?.question !== undefined;
  for (const rule of screening?.age.filter((r) => r.ask) ?? []) if (!askable(rule.flag)) problems.push(`screening.yaml: age: "${rule.flag}" has no question to ask`);
  for (const [region, ids] of Object.entries(screening?.alsoAsk ?? {})) {
    for (const id of ids ?? []) if (!askable(id)) problems.push(`screening.yaml: alsoAsk.${region}: "${id}" is not a red flag with a question`);
  }
  for (const check of screening?.selfChecks ?? []) for (const id of check.flags) if (!byId.has(id)) problems.push(`screening.yaml: selfChecks: unknown red-flag id "${id}"`);
  if (problems.length > 0 || !conversation.content || !lexicon.lexicon || !referral.tiers || !referral.crisis || !coachingRules.rules || !coachingRules.measures) return { problems };
  return {
    content: {
      conversation: conversation.content,
      redFlags: { list: redFlags.flags, byId },
      exercises: { list: exerciseList, byId: exercisesById(exerciseList) },
      plans: plans.items.map((item) => item.value),
      education: education.items.map((item) => item.value),
      lexicon: lexicon.lexicon,
      referralTiers: referral.tiers,
      crisis: referral.crisis,
      coachingRules: coachingRules.rules,
      measures: coachingRules.measures,
    },
    problems,
  };
}

/** The plain data the conversation machine decides with. */
export function buildCatalog(content: Content): CoachCatalog {
  const screened = content.redFlags.list.filter((flag) => flag.screen && flag.question);
  // Most urgent questions first: if the person stops answering, the important ones were asked.
  const ordered = [...screened].sort((a, b) => compareUrgency(a.urgency, b.urgency));
  const rules = content.conversation.screening;
  // A flag that age decides (asked only in its band) is not in the ordinary queue.
  const byAge = new Set(rules.age.map((rule) => rule.flag));
  const asks = (region: Region, flag: (typeof ordered)[number]) => !byAge.has(flag.id) && (flag.regions.includes(region) || (rules.alsoAsk[region] ?? []).includes(flag.id));
  const onlyScreening = [...rules.triggers, ...rules.age].filter((rule) => rule.urgency && !content.redFlags.byId.has(rule.flag));
  return {
    consentVersion: content.conversation.consent.version,
    screeningFlags: Object.fromEntries(SPINE_REGIONS.map((region) => [region, ordered.filter((flag) => asks(region, flag)).map((flag) => flag.id)])) as Record<Region, string[]>,
    flagUrgency: { ...Object.fromEntries(onlyScreening.map((rule) => [rule.flag, rule.urgency!])), ...Object.fromEntries(content.redFlags.list.map((flag) => [flag.id, flag.urgency])) },
    screening: {
      age: rules.age.map(({ flag, from, below, ask }) => ({ flag, ask, ...(from !== undefined ? { from } : {}), ...(below !== undefined ? { below } : {}) })),
      surgeryKinds: rules.surgeryKinds ?? {},
      liftingLimitReviewWeeks: rules.liftingLimitReviewWeeks,
      recheckEveryDays: rules.recheckEveryDays,
      unsureTier: rules.unsureTier,
      selfCheckFlags: rules.selfChecks.flatMap((check) => check.flags),
    },
    screeningTriggers: content.conversation.screening.triggers,
    crisisFlags: content.crisis.flags,
    coaching: { exercises: content.exercises.byId, plans: content.plans, rules: content.coachingRules },
  };
}
