import type { CoachContext, Output } from '../../dialogs/types.ts';
import { buildHandoffValue, type HandoffValue } from '../referral/summary.ts';
import type { Content } from '../content/index.ts';
import { holdSeconds } from '../coaching/dose.ts';

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

export type Reply =
  | { kind: 'message'; text: string; choices?: Choice[]; question?: string; exercise?: ExerciseView; image?: ImageView }
  /** Placeholder for the progress chart: the shell fills it in from the clinical log. */
  | { kind: 'progress' }
  | { kind: 'handoff'; value: HandoffValue }
  /** The person's words for the clinician who owns the conversation (not shown to the person). */
  | { kind: 'relay'; text: string; caseId: string };

const LABELLED_VARS = new Set(['region', 'reach', 'onset', 'surgery', 'sides']);

function fill(template: string, vars: Record<string, string | number> | undefined, content: Content): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    if (LABELLED_VARS.has(name)) {
      const label = content.conversation.labels[name]?.[String(value)] ?? String(value);
      // Surgery reads naturally only when there was one.
      if (name === 'surgery') return value === 'none' ? '' : `, ${label}`;
      return label;
    }
    return String(value);
  });
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
        const tier = /^referral\.(emergency|urgent|soon|routine)$/.exec(output.key)?.[1] as keyof Content['referralTiers'] | undefined;
        if (tier) {
          flush();
          replies.push({ kind: 'message', text: referralText(tier, String(output.vars?.flags ?? ''), content) });
          break;
        }
        // "help.<question>": that question's own help text (content/questions.yaml), else the general one.
        const help = output.key.startsWith('help.') && !content.conversation.messages[output.key] ? (content.conversation.questions[output.key.slice(5)]?.help ?? content.conversation.messages['help.default']) : undefined;
        const template = output.key === 'consent' ? content.conversation.consent.text : (help ?? content.conversation.messages[output.key]);
        pending.push(fill(template ?? output.key, output.vars, content));
        if (output.key.startsWith('referral.') && output.key !== 'referral.reasonPrefix') flush();
        break;
      }
      case 'ask': {
        const question = content.conversation.questions[output.question];
        if (!question) break;
        const flag = output.flagId ? content.redFlags.byId.get(output.flagId) : undefined;
        // A warning-sign question is the flag's own question; the direct "is this happening now?" has its own text.
        const ownQuestion = output.question === 'redFlagAnswer' || output.question === 'signQuestion';
        const text = (ownQuestion ? flag?.question : undefined) || question.text || flag?.question || content.conversation.questions.signNow?.text || '';
        pending.push(text);
        replies.push({
          kind: 'message',
          text: pending.join('\n\n'),
          // The flag is part of the key, so a tap on an older warning-sign question cannot answer this one.
          question: questionKey(output.question, output.flagId),
          choices: question.choices.map((choice) => ({ label: choice.label, value: choice.value })),
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

export function summaryWording(content: Content) {
  return {
    template: content.conversation.messages['summary.template'] ?? '{urgencyLabel} {flags}',
    labels: content.conversation.labels,
    flagLabel: (flagId: string) => content.redFlags.byId.get(flagId)?.label ?? flagId,
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
  const tells = flagIds
    .split(',')
    .filter(Boolean)
    .map((id) => content.redFlags.byId.get(id)?.tell)
    .filter((tell): tell is string => Boolean(tell));
  return [wording.say.trim(), ...new Set(tells), wording.reminder?.trim() ?? ''].filter(Boolean).join('\n\n');
}

/** The id of a question as asked: a warning-sign question is told apart by its flag. */
export function questionKey(question: string, flagId?: string): string {
  return flagId ? `${question}:${flagId}` : question;
}
