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
import { loadReferralTiers, type ReferralTiers } from './referral.ts';
import { loadCoachingRules, type CoachingRules, type Measures } from './coachingRules.ts';
import { answerMessageKeys, answerQuestionKeys } from '../../dialogs/machine/asides/keys.ts';
import { coachingMessageKeys, coachingQuestionKeys } from '../../dialogs/machine/coaching/keys.ts';

/** Everything clinicians edit, loaded and validated once at start-up. */
export interface Content {
  conversation: ConversationContent;
  redFlags: { list: RedFlag[]; byId: Map<string, RedFlag> };
  exercises: { list: Exercise[]; byId: Record<string, Exercise> };
  plans: Plan[];
  education: EducationPiece[];
  lexicon: Lexicon;
  referralTiers: ReferralTiers;
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
  const problems = [...conversation.problems, ...redFlags.problems, ...exercises.problems, ...plans.problems, ...education.problems, ...lexicon.problems, ...referral.problems, ...coachingRules.problems];
  const exerciseList = exercises.items.map((item) => item.value);
  problems.push(...checkPlanReferences(plans.items, exerciseList, education.items.map((item) => item.value.id)));
  try {
    compileEducationMatcher(education.items.map((item) => item.value));
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    problems.push(`education: asks: ${error.message}`);
  }
  // Every key the coaching concern can emit must be in content.
  if (conversation.content) {
    for (const key of coachingMessageKeys) if (!conversation.content.messages[key]) problems.push(`messages.yaml: ${key}: message is missing`);
    for (const key of coachingQuestionKeys) if (!conversation.content.questions[key]) problems.push(`questions.yaml: ${key}: question is missing`);
    for (const key of answerMessageKeys) if (!conversation.content.messages[key]) problems.push(`messages.yaml: ${key}: message is missing`);
    for (const key of answerQuestionKeys) if (!conversation.content.questions[key]) problems.push(`questions.yaml: ${key}: question is missing`);
  }
  const byId = new Map(redFlags.flags.map((flag) => [flag.id, flag]));
  for (const trigger of conversation.content?.screening.triggers ?? []) {
    if (!byId.has(trigger.flag)) problems.push(`screening.yaml: triggers: unknown red-flag id "${trigger.flag}"`);
  }
  if (problems.length > 0 || !conversation.content || !lexicon.lexicon || !referral.tiers || !coachingRules.rules || !coachingRules.measures) return { problems };
  return {
    content: {
      conversation: conversation.content,
      redFlags: { list: redFlags.flags, byId },
      exercises: { list: exerciseList, byId: exercisesById(exerciseList) },
      plans: plans.items.map((item) => item.value),
      education: education.items.map((item) => item.value),
      lexicon: lexicon.lexicon,
      referralTiers: referral.tiers,
      coachingRules: coachingRules.rules,
      measures: coachingRules.measures,
    },
    problems,
  };
}

/** The plain data the conversation machine decides with. */
export function buildCatalog(content: Content): CoachCatalog {
  const regions: Region[] = ['lumbar', 'thoracic', 'cervical'];
  const screened = content.redFlags.list.filter((flag) => flag.screen && flag.question);
  // Most urgent questions first: if the person stops answering, the important ones were asked.
  const rank = { emergency: 0, urgent: 1, soon: 2 } as const;
  const ordered = [...screened].sort((a, b) => rank[a.urgency] - rank[b.urgency]);
  return {
    consentVersion: content.conversation.consent.version,
    screeningFlags: Object.fromEntries(regions.map((region) => [region, ordered.filter((flag) => flag.regions.includes(region)).map((flag) => flag.id)])) as Record<Region, string[]>,
    flagUrgency: Object.fromEntries(content.redFlags.list.map((flag) => [flag.id, flag.urgency])),
    screeningTriggers: content.conversation.screening.triggers,
    coaching: { exercises: content.exercises.byId, plans: content.plans, rules: content.coachingRules },
  };
}
