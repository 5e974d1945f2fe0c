import type { CoachContext, Output, Region, Urgency } from '../../dialogs/types.ts';
import type { Content } from '../content/index.ts';
import { coachingFacts, type CoachingFacts } from '../progress/outcomes.ts';
import { fill } from '../wording/fill.ts';

export interface HandoffValue {
  urgency: Urgency;
  reasons: string[];
  region: Region | 'unknown';
  summary: string;
}

export interface SummaryWording {
  template: string;
  labels: Record<string, Record<string, string>>;
  flagLabel: (flagId: string) => string;
  /** The whole content, for the coaching part (outcomes, plan, wording); without it that part is left out. */
  content?: Content;
}

/** Why a routine handoff the rules made (no warning sign behind it), in the summary's words. */
const RULE_REASONS: Record<string, string> = { 'coaching.no-centralization': 'summary.reason.noCentralization', 'pathway.undiagnosed': 'summary.reason.undiagnosed' };

/**
 * The paragraph a clinician reads in ten seconds: tier, region, how far and where symptoms reach,
 * how old they are, surgery, which warning signs and in which words, and the latest pain scores;
 * then what the coaching has shown (limb trend, centralization, direction, exercises, measures).
 */
export function buildHandoffValue(handoff: Extract<Output, { kind: 'handoff' }>, context: CoachContext, wording: SummaryWording): HandoffValue {
  const { profile } = context;
  const label = (group: string, value: string | undefined) => (value ? (wording.labels[group]?.[value] ?? value) : undefined);
  const messages = wording.content?.conversation.messages ?? {};
  const region = profile.region ?? 'unknown';
  const pain = context.pain.slice(-3).map((entry) => `${entry.score}/10 (${entry.at.slice(0, 10)})`);
  const ruleReasons = handoff.reasons.map((id) => messages[RULE_REASONS[id] ?? ''] ?? '').filter(Boolean);
  const flags = handoff.hits.length
    ? handoff.hits.map((hit) => `${wording.flagLabel(hit.flagId)} [${hit.flagId}] — "${hit.matched}"`).join('; ')
    : handoff.requestedBy === 'rules' && ruleReasons.length
      ? `none; ${ruleReasons.join('; ')}`
      : 'none; the person asked to speak to a clinician';
  const earlier = context.redFlags.filter((flag) => !handoff.hits.some((hit) => hit.flagId === flag.flagId)).map((flag) => flag.flagId);
  const summary = fill(wording.template, {
    urgencyLabel: label('urgency', handoff.urgency) ?? handoff.urgency,
    region: capitalise(label('region', region) ?? region),
    reach: profile.reach ? `, ${label('reach', profile.reach)}` : ', spread not yet asked',
    sides: profile.sides ? ` (${label('sides', profile.sides)})` : '',
    onset: profile.onset ? `, started ${label('onset', profile.onset)}` : '',
    surgery: profile.surgery ? `, ${surgeryWords(profile, label)}` : '',
    flags,
    pain: pain.length ? pain.join(', ') : 'not given',
    extra: earlier.length ? ` Earlier warning signs: ${[...new Set(earlier)].join(', ')}.` : '',
  });
  const coaching = wording.content ? coachingPart(context, wording.content, latestAt(context)) : '';
  return { urgency: handoff.urgency, reasons: handoff.reasons, region, summary: coaching ? `${summary}${fill(messages['summary.coaching'] ?? ' {coaching}.', { coaching })}` : summary };
}

/** The operation as the clinician reads it: the kind the person named, how long ago in days, and the surgeon's lifting limit. */
function surgeryWords(profile: CoachContext['profile'], label: (group: string, value: string | undefined) => string | undefined): string {
  if (profile.surgery === 'none') return label('surgery', 'none') ?? 'no surgery';
  const kind = profile.surgeryKind ? `after ${label('surgeryKind', profile.surgeryKind) ?? profile.surgeryKind}` : (label('surgery', profile.surgery) ?? String(profile.surgery));
  const when = profile.daysSinceSurgery !== undefined ? ` ${profile.daysSinceSurgery} days before ${profile.surgeryAskedOn ?? 'intake'}` : profile.weeksSinceSurgery !== undefined ? ` ${profile.weeksSinceSurgery} weeks ago` : '';
  const limit = profile.liftingLimit ? (profile.liftingLimit.known ? `, lifting limit ${profile.liftingLimit.kg} kg${profile.liftingLimit.until ? ` (review ${profile.liftingLimit.until})` : ''}` : ', lifting limit not known') : '';
  return `${kind}${when}${limit}`;
}

/** The latest moment the context knows of, standing in for "now" in a pure function. */
function latestAt(context: CoachContext): string {
  const moments = [context.referral?.at, context.pain.at(-1)?.at, context.limb?.at(-1)?.at, context.redFlags.at(-1)?.at, context.coaching?.programmeStart ?? undefined].filter((m): m is string => Boolean(m));
  return moments.sort().at(-1) ?? '1970-01-01T00:00:00.000Z';
}

/** The coaching facts in the clinician's words (content/messages.yaml `summary.part.*`), or '' before coaching began. */
export function coachingPart(context: CoachContext, content: Content, now: string, facts: CoachingFacts = coachingFacts(context, content, now)): string {
  if (!context.coaching?.programmeStart && facts.deniedFlags.length === 0 && facts.age === undefined && !facts.surgery) return '';
  const say = (key: string, vars: Record<string, string | number>) => fill(content.conversation.messages[`summary.part.${key}`] ?? key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])));
  const labels = content.conversation.labels;
  const word = (group: string, value: string) => labels[group]?.[value] ?? value;
  const parts: string[] = [];
  const { limb } = facts;
  if (limb.first && limb.last && limb.readings > 1)
    parts.push(say('limb', { first: limb.first.score, last: limb.last.score, days: limb.days ?? 0, trend: word('trend', limb.trend), readings: limb.readings }));
  else if (limb.last) parts.push(say('limbOne', { last: limb.last.score }));
  if (context.coaching?.programmeStart) {
    parts.push(say('centralizes', { value: word('centralizes', facts.centralizes) }));
    parts.push(say('preference', { direction: word('direction', facts.preference.direction), source: facts.preference.source ? word('directionSource', facts.preference.source) : '-' }));
    if (facts.phase) parts.push(say('phase', { phase: word('phase', facts.phase) }));
    if (facts.exercises.length) parts.push(say('exercises', { list: facts.exercises.map((e) => `${e.name} (${e.stage})`).join(', ') }));
  }
  if (facts.psfs.length) parts.push(say('psfs', { list: facts.psfs.map((p) => `${p.activity} ${p.first ?? '?'} to ${p.last ?? '?'}/10`).join(', ') }));
  if (facts.psfsMean) parts.push(say('psfsMean', facts.psfsMean));
  if (facts.sleep !== undefined) parts.push(say('sleep', { n: facts.sleep }));
  if (facts.walking !== undefined) parts.push(say('walking', { n: facts.walking }));
  if (facts.medication) parts.push(say('medication', { use: word('medication', facts.medication) }));
  if (facts.groc !== undefined) parts.push(say('groc', { groc: facts.groc > 0 ? `+${facts.groc}` : facts.groc }));
  if (facts.age !== undefined) parts.push(say('age', { age: facts.age }));
  if (facts.surgery)
    parts.push(
      say('surgery', {
        kind: facts.surgery.kind,
        date: facts.surgery.date ? ` on ${facts.surgery.date}` : '',
        limit: facts.surgery.limitKg !== undefined && facts.surgery.limitKg !== null ? `, lifting limit ${facts.surgery.limitKg} kg${facts.surgery.limitUntil ? ` until ${facts.surgery.limitUntil}` : ''}` : '',
      }),
    );
  if (facts.pathway.diagnosedBy) parts.push(say('pathway', { diagnosedBy: word('diagnosedBy', facts.pathway.diagnosedBy) }));
  if (facts.pathway.pregnant) parts.push(say('pregnant', {}));
  if (facts.pathway.osteoporosis) parts.push(say('osteoporosis', {}));
  if (facts.pathway.lateralShift) parts.push(say('shift', {}));
  if (facts.deniedFlags.length) parts.push(say('denied', { list: facts.deniedFlags.map((f) => `${f.label} (${f.askedAt.slice(0, 10)})`).join(', ') }));
  return parts.join('; ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
