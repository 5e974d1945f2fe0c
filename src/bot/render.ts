import type { CoachContext, Output } from '../../dialogs/types.ts';
import { buildHandoffValue, type HandoffValue } from '../referral/summary.ts';
import type { Content } from '../content/index.ts';
import { holdSeconds } from '../coaching/dose.ts';
import { fill as fillSlots } from '../wording/fill.ts';
import { URGENCY_ORDER } from '../vocabulary/index.ts';

export interface Choice {
  label: string;
  value: string;
}

/** Channel-neutral replies; src/bot/activities.ts turns them into Bot Framework activities. */
/** An exercise as the person sees it: the card renderer and the text fallback both read this. */
export interface ExerciseView {
  exerciseId: string;
  title: string;
  purpose: string;
  steps: string[];
  dose: string;
  acceptable: string[];
  stopIf: string[];
  picture?: { file: string; alt: string };
  /** Held or timed: the bot can count the time ("timer"). */
  timed?: boolean;
}

export interface ImageView {
  /** A data: URL, so no file server or outside host is needed (Teams personal chat and Web Chat show it). */
  dataUrl: string;
  alt: string;
  title: string;
}

/** A group of warning-sign questions shown as one card: each item its own toggle (the flag id is its value). */
export interface GroupView {
  items: { flagId: string; text: string }[];
}

export type Reply =
  | { kind: 'message'; text: string; choices?: Choice[]; question?: string; exercise?: ExerciseView; image?: ImageView; group?: GroupView }
  /** Placeholder for the progress chart: the shell fills it in from the clinical log. */
  | { kind: 'progress' }
  | { kind: 'handoff'; value: HandoffValue }
  /** The person's words for the clinician who owns the conversation (not shown to the person). */
  | { kind: 'relay'; text: string; caseId: string };

const LABELLED_VARS = new Set(['region', 'reach', 'onset', 'surgery', 'sides', 'surgeryKind']);

/** A message's values as the person reads them: an answer's value becomes its label (content/labels.yaml). */
function labelled(vars: Record<string, string | number>, content: Content): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(vars).map(([name, value]) => {
      if (!LABELLED_VARS.has(name)) return [name, value];
      const label = content.conversation.labels[name]?.[String(value)] ?? String(value);
      // Surgery reads naturally only when there was one.
      return [name, name === 'surgery' ? (value === 'none' ? '' : `, ${label}`) : label];
    }),
  );
}

function fill(template: string, vars: Record<string, string | number> | undefined, content: Content): string {
  return fillSlots(template, vars ? labelled(vars, content) : {});
}

/** The replies the person sees (relays go to the clinician instead). */
export type PersonReply = Exclude<Reply, { kind: 'relay' } | { kind: 'progress' }>;

export const isPersonReply = (reply: Reply): reply is PersonReply => reply.kind !== 'relay' && reply.kind !== 'progress';

/**
 * Turns the machine's outputs into replies. Things said before a question travel with it, so a
 * person gets one message per question; a referral stands on its own, before the handoff event.
 */
export function render(outputs: Output[], context: CoachContext, content: Content): Reply[] {
  const replies: Reply[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) replies.push({ kind: 'message', text: pending.join('\n\n') });
    pending = [];
  };
  for (const output of outputs) {
    switch (output.kind) {
      case 'say': {
        const tier = URGENCY_ORDER.find((t) => output.key === `referral.${t}`);
        if (tier) {
          flush();
          replies.push({ kind: 'message', text: referralText(tier, String(output.vars?.flags ?? ''), content) });
          break;
        }
        if (output.key === 'confirm') {
          pending.push(confirmText(output.vars ?? {}, content));
          break;
        }
        if (output.key === 'selfCheck') {
          pending.push(selfCheckText(String(output.vars?.flag ?? ''), content));
          break;
        }
        // A warning-sign question is never met with "Sorry, I didn't catch that" (issue 16, item 5).
        // Any "could not read that" line (issue 17's unclear.* wording included) before a safety question.
        const next = outputs.slice(outputs.indexOf(output) + 1).find((later) => later.kind === 'ask' || later.kind === 'say');
        const unreadable = output.key === 'notUnderstood' || ['unclear.statement', 'unclear.symptom', 'unclear.offer', 'unclear.again'].includes(output.key);
        const key = unreadable && next?.kind === 'ask' && isSafetyQuestion(next.question, content) ? 'safety.notUnderstood' : output.key;
        // "help.<question>": that question's own help text (content/questions.yaml), else the general one.
        const help = key.startsWith('help.') && !content.conversation.messages[key] ? (content.conversation.questions[key.slice(5)]?.help ?? content.conversation.messages['help.default']) : undefined;
        const template = key === 'consent' ? content.conversation.consent.text : (help ?? content.conversation.messages[key]);
        pending.push(fill(template ?? key, output.vars, content));
        if (output.key.startsWith('referral.')) flush();
        break;
      }
      case 'ask': {
        const question = content.conversation.questions[output.question];
        if (!question) break;
        const flag = output.flagId && !output.group ? content.redFlags.byId.get(output.flagId) : undefined;
        const region = context.profile.region;
        // The direct "is this happening to you now?" has its own words; a warning-sign question is the flag's own.
        const text = (output.question === 'signNow' ? question.text : undefined) || flag?.question || (region ? question.byRegion?.[region] : undefined) || question.text || content.conversation.questions.signNow?.text || '';
        const group = output.group?.length ? { items: output.group.map((flagId) => ({ flagId, text: content.redFlags.byId.get(flagId)?.question ?? flagId })) } : undefined;
        pending.push(group ? [text, group.items.map((item) => `• ${item.text}`).join('\n')].join('\n\n') : text);
        const shown = question.choices.filter(
          (choice) => (!choice.regions || (region !== undefined && choice.regions.includes(region))) && (!choice.flags || (output.flagId !== undefined && choice.flags.includes(output.flagId))),
        );
        replies.push({
          kind: 'message',
          text: pending.join('\n\n'),
          // The flag is part of the key, so a tap on an older warning-sign question cannot answer this one.
          question: questionKey(output.question, output.flagId),
          choices: shown.map((choice) => ({ label: choice.label, value: choice.value })),
          ...(group ? { group } : {}),
        });
        pending = [];
        break;
      }
      case 'handoff':
        flush();
        replies.push({ kind: 'handoff', value: buildHandoffValue(output, context, summaryWording(content)) });
        break;
      case 'exercise': {
        flush();
        const view = exerciseView(output, content);
        if (view) replies.push({ kind: 'message', text: exerciseText(view, content), exercise: view });
        break;
      }
      case 'education': {
        const piece = content.education.find((p) => p.id === output.pieceId);
        if (piece) pending.push(`${piece.title}\n\n${piece.body}`);
        break;
      }
      case 'progress':
        flush();
        replies.push({ kind: 'progress' });
        break;
      case 'relay':
        replies.push({ kind: 'relay', text: output.text, caseId: output.caseId });
        break;
      case 'record':
        break;
    }
  }
  flush();
  return replies;
}

const isSafetyQuestion = (question: string, content: Content) => content.conversation.screening.safetyQuestions.includes(question);

/** "10 days ago" as a person would say it back: about a week (10 days), about 3 weeks, about 2 months. */
export function agoText(days: number, content: Content): string {
  const say = (key: string, n: number) => fill(content.conversation.messages[`ago.${key}`] ?? `{n} ${key}`, { n }, content);
  if (days <= 1) return say('today', days);
  if (days < 7) return say('days', days);
  if (days < 14) return say('aboutAWeek', days);
  if (days < 45) return say('weeks', Math.round(days / 7));
  if (days < 365) return Math.round(days / 30.4) <= 1 ? say('aMonth', 1) : say('months', Math.round(days / 30.4));
  return Math.round(days / 365) <= 1 ? say('aYear', 1) : say('years', Math.round(days / 365));
}

/** The read-back before coaching: every value the answers gave (region, reach and side, onset, pain, age, surgery kind, how long ago, lifting limit). */
export function confirmText(vars: Record<string, string | number>, content: Content): string {
  const messages = content.conversation.messages;
  const part = (key: string, v: Record<string, string | number>) => fill(messages[`confirm.${key}`] ?? '', v, content);
  // Content values are trimmed, so the space before "on one side" is added here.
  const sides = vars.sides !== undefined && vars.reach !== 'spine_only' ? ` ${part('sides', { sides: vars.sides })}` : '';
  const age = vars.age !== undefined ? part('age', { age: vars.age }) : '';
  let surgery = part('noSurgery', {});
  if (vars.surgery !== undefined && vars.surgery !== 'none') {
    const ago = vars.surgeryDays !== undefined ? agoText(Number(vars.surgeryDays), content) : '';
    const limit = vars.liftingKg === undefined ? '' : vars.liftingKg === 'unknown' ? part('limitUnknown', {}) : part('limit', { kg: vars.liftingKg, lb: Math.round(Number(vars.liftingKg) * 2.20462) });
    surgery = part('surgery', { surgeryKind: vars.surgeryKind ?? vars.surgery, ago, limit });
  }
  return fill(messages.confirm ?? '', { ...vars, sidesPart: sides, agePart: age, surgeryPart: surgery }, content).replace(/\s+([,.;])/g, '$1');
}

/** The self-check for a warning-sign question the person was not sure about (content/screening.yaml), or the general one. */
function selfCheckText(flagId: string, content: Content): string {
  const check = content.conversation.screening.selfChecks.find((c) => c.flags.includes(flagId));
  return check?.text ?? content.conversation.messages['selfCheck.generic'] ?? '';
}

/** The label of a sign only screening answers raise (content/screening.yaml: a neck with both arms, an age). */
function screeningLabel(flagId: string, content: Content): string | undefined {
  const { triggers, age } = content.conversation.screening;
  return [...triggers, ...age].find((rule) => rule.flag === flagId)?.label;
}

export function summaryWording(content: Content) {
  return {
    template: content.conversation.messages['summary.template'] ?? '{urgencyLabel} {flags}',
    labels: content.conversation.labels,
    flagLabel: (flagId: string) => content.redFlags.byId.get(flagId)?.label ?? screeningLabel(flagId, content) ?? flagId,
    content,
  };
}

function say(content: Content, key: string, vars?: Record<string, string | number>): string {
  return fill(content.conversation.messages[key] ?? key, vars, content);
}

/** The dose in plain words from its parts, e.g. "3 sets of 10, each side, daily". */
export function doseText(dose: Record<string, unknown>, content: Content): string {
  const parts: string[] = [];
  const n = (key: string) => (typeof dose[key] === 'number' ? (dose[key] as number) : undefined);
  if (n('sets') !== undefined && n('reps') !== undefined) parts.push(say(content, 'dose.setsReps', { sets: n('sets')!, reps: n('reps')! }));
  else if (n('reps') !== undefined) parts.push(say(content, 'dose.reps', { reps: n('reps')! }));
  if (dose.perSide === true) parts.push(say(content, 'dose.perSide'));
  const hold = n('holdSeconds');
  if (hold !== undefined) parts.push(hold >= 120 && hold % 60 === 0 ? say(content, 'dose.holdMinutes', { minutes: hold / 60 }) : say(content, 'dose.hold', { holdSeconds: hold }));
  if (n('minutes') !== undefined) parts.push(say(content, 'dose.minutes', { minutes: n('minutes')! }));
  if (n('timesPerDay') !== undefined) parts.push(say(content, 'dose.timesPerDay', { timesPerDay: n('timesPerDay')! }));
  if (n('loadKg') !== undefined && n('loadKg')! > 0) parts.push(say(content, 'dose.load', { loadKg: n('loadKg')! }));
  return parts.join(', ');
}

function exerciseView(output: Extract<Output, { kind: 'exercise' }>, content: Content): ExerciseView | undefined {
  const exercise = content.exercises.byId[output.exerciseId];
  if (!exercise) return undefined;
  const stage = exercise.stages.find((s) => s.id === output.stageId) ?? exercise.stages[0];
  return {
    exerciseId: exercise.id,
    title: say(content, 'exercise.header', { position: output.position, of: output.of, name: exercise.name, stage: stage?.name ?? '' }),
    purpose: exercise.purpose,
    steps: stage?.steps ?? exercise.steps,
    dose: doseText(output.dose, content),
    acceptable: exercise.acceptable ?? [],
    stopIf: exercise.stopIf ?? [],
    ...(exercise.picture ? { picture: exercise.picture } : {}),
    ...(holdSeconds(output.dose) !== undefined ? { timed: true } : {}),
  };
}

/** The whole exercise as text: the fallback for channels without cards, and the transcript line. */
export function exerciseText(view: ExerciseView, content: Content): string {
  return [
    view.title,
    view.purpose,
    view.steps.map((step, i) => `${i + 1}. ${step}`).join('\n'),
    say(content, 'exercise.doseLabel', { dose: view.dose }),
    view.timed ? say(content, 'exercise.timerHint') : '',
    view.acceptable.length ? say(content, 'exercise.acceptable', { acceptable: view.acceptable.join(' ') }) : '',
    view.stopIf.length ? say(content, 'exercise.stopIf', { stopIf: view.stopIf.join(' ') }) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** What to do now and how fast (the tier), why (each warning sign's own words), and what to watch for. */
export function referralText(tier: keyof Content['referralTiers'], flagIds: string, content: Content): string {
  const wording = content.referralTiers[tier];
  const ids = flagIds.split(',').filter(Boolean);
  const crisis = ids.some((id) => content.crisis.flags.includes(id));
  const others = ids.filter((id) => !content.crisis.flags.includes(id));
  const tells = others.map((id) => content.redFlags.byId.get(id)?.tell).filter((tell): tell is string => Boolean(tell));
  // Thoughts of suicide or self-harm: the crisis words and lines come first, whatever else was said;
  // the tier's words about nerve compression only when another warning sign came with it.
  const tierPart = crisis && others.length === 0 ? [] : [wording.say.trim(), ...new Set(tells), wording.reminder?.trim() ?? ''];
  return [...(crisis ? crisisText(content) : []), ...tierPart].filter(Boolean).join('\n\n');
}

/** The crisis wording with a line per country (content/referral/crisis.yaml). */
export function crisisText(content: Content): string[] {
  const { crisis } = content;
  const lines = crisis.lines.map((line) => fillSlots(crisis.line, line));
  return [crisis.say.trim(), lines.join('\n'), crisis.reminder.trim()];
}

/** The id of a question as asked: a warning-sign question is told apart by its flag. */
export function questionKey(question: string, flagId?: string): string {
  return flagId ? `${question}:${flagId}` : question;
}
