/**
 * The shape of a corpus entry (SCHEMA.md beside this file), as zod. Canonical values and
 * warning-sign ids are the ones the other engineers build to: change them only with SCHEMA.md.
 */
import { z } from 'zod';

export const TIERS = ['emergency', 'urgent', 'soon'] as const;
export type Tier = (typeof TIERS)[number];
/** Lower is more urgent. */
export const tierRank: Record<Tier, number> = { emergency: 0, urgent: 1, soon: 2 };

/** Warning-sign ids and their tiers, exactly as in SCHEMA.md (the corpus test checks they agree). */
export const SIGNS = {
  'ces.saddle-numbness': 'emergency',
  'ces.bladder-retention': 'emergency',
  'ces.bladder-sensation': 'emergency',
  'ces.bladder-incontinence': 'emergency',
  'ces.bowel': 'emergency',
  'ces.sexual': 'emergency',
  'ces.bilateral-sciatica': 'emergency',
  'ces.bilateral-weakness': 'emergency',
  'crisis.self-harm': 'emergency',
  'vascular.cervical-arterial': 'emergency',
  'vascular.cardiac': 'emergency',
  'postop.clot': 'emergency',
  'trauma.neck-fracture': 'emergency',
  'combo.metastatic-cord': 'emergency',
  'combo.epidural-abscess': 'emergency',
  'postop.csf-leak': 'urgent',
  'postop.wound': 'urgent',
  'weakness.progressive': 'urgent',
  'weakness.foot-drop': 'urgent',
  'myelopathy.hands': 'urgent',
  'myelopathy.gait': 'urgent',
  'myelopathy.lhermitte': 'urgent',
  'myelopathy.thoracic': 'urgent',
  'myelopathy.both-arms': 'urgent',
  'infection.fever': 'urgent',
  'infection.risk': 'urgent',
  'cancer.history': 'urgent',
  'trauma.significant': 'urgent',
  'combo.fracture-risk': 'urgent',
  'weakness.new-limb': 'soon',
  'soon.weight-loss': 'soon',
  'soon.night-pain': 'soon',
  'soon.age-over-50-new': 'soon',
  'soon.age-under-20': 'soon',
  'soon.osteoporosis-steroids': 'soon',
  'soon.no-improvement': 'soon',
} as const satisfies Record<string, Tier>;
export type SignId = keyof typeof SIGNS;
export const SIGN_IDS = Object.keys(SIGNS) as SignId[];

export const STATES = [
  'consent', 'greeting', 'region', 'pain', 'reach', 'sides', 'onset', 'surgery', 'surgeryWhen', 'age',
  'liftingLimit', 'redFlagQuestion', 'confirm', 'startSession', 'checkInPain', 'checkInLimb',
  'checkInWarning', 'exercise', 'idle',
] as const;
export type State = (typeof STATES)[number];

export const REGISTERS = [
  'british', 'american', 'non-native', 'older', 'carer', 'text-speak', 'dictation', 'slang', 'misspelt',
  'embarrassed', 'minimised', 'question', 'rambling', 'buried', 'plain',
] as const;

export const REGIONS = ['lumbar', 'thoracic', 'cervical'] as const;
export const SURGERIES = ['none', 'discectomy', 'laminectomy', 'fusion', 'disc_replacement'] as const;
export const REACHES = ['spine_only', 'buttock_thigh', 'below_knee', 'arm_hand', 'trunk'] as const;
export const SIDES = ['left', 'right', 'both'] as const;
export const ONSET_BANDS = ['last_2_days', 'under_2_weeks', 'under_6_weeks', 'over_6_weeks'] as const;
export const MOVEMENTS = ['centralized', 'peripheralized', 'no_change', 'local_only', 'could_not'] as const;
export const INTENTS = [
  'skip', 'later', 'tomorrow', 'greeting', 'questionBack', 'clinician', 'stop', 'pause', 'progress', 'help',
  'otherLanguage', 'checkInTime',
] as const;
export const HOWS = ['present', 'carer', 'hypothetical', 'resolved', 'vague', 'unclear-person', 'negated', 'other-person', 'benign'] as const;

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase letters, digits and dashes');
const signId = z.enum(SIGN_IDS as [SignId, ...SignId[]], { message: 'unknown warning-sign id (see SCHEMA.md)' });
const days = z.number().int().min(0).max(36_500);

export const answerSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('yesNo'), value: z.enum(['yes', 'no', 'unsure', 'notAnswer']) }),
    z.strictObject({ kind: z.literal('region'), value: z.enum(REGIONS) }),
    z.strictObject({ kind: z.literal('reach'), value: z.strictObject({ reach: z.enum(REACHES), side: z.enum(SIDES).optional() }) }),
    z.strictObject({ kind: z.literal('sides'), value: z.enum(['one', 'both']) }),
    z.strictObject({ kind: z.literal('onset'), value: z.strictObject({ band: z.enum(ONSET_BANDS), days: days.optional() }) }),
    z.strictObject({ kind: z.literal('pain'), value: z.number().int().min(0).max(10) }),
    z.strictObject({ kind: z.literal('surgery'), value: z.enum(SURGERIES) }),
    z.strictObject({ kind: z.literal('surgeryWhen'), value: z.strictObject({ days }) }),
    z.strictObject({ kind: z.literal('age'), value: z.number().int().min(1).max(120) }),
    z.strictObject({ kind: z.literal('liftingLimit'), value: z.union([z.literal('unknown'), z.strictObject({ kg: z.number().min(0).max(200) })]) }),
    z.strictObject({
      kind: z.literal('movement'),
      value: z.strictObject({ response: z.enum(MOVEMENTS), toesOrFingers: z.literal(true).optional() }),
    }),
    z.strictObject({
      kind: z.literal('intent'),
      value: z.enum(INTENTS),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is "HH:MM", 24-hour').optional(),
    }),
  ],
  { message: 'unknown answer kind (see SCHEMA.md)' },
);
export type Answer = z.infer<typeof answerSchema>;
export type AnswerKind = Answer['kind'];
export const ANSWER_KINDS: AnswerKind[] = ['yesNo', 'region', 'reach', 'sides', 'onset', 'pain', 'surgery', 'surgeryWhen', 'age', 'liftingLimit', 'movement', 'intent'];

export const signSchema = z
  .strictObject({
    expect: z.enum(['refer', 'ask', 'none']),
    tier: z.enum(TIERS).optional(),
    ids: z.array(signId).min(1).optional(),
    how: z.enum(HOWS).optional(),
  })
  .superRefine((sign, ctx) => {
    if (sign.expect !== 'none' && !sign.tier) ctx.addIssue({ code: 'custom', path: ['tier'], message: `expect: ${sign.expect} needs a tier` });
    if (sign.expect === 'none' && sign.tier) ctx.addIssue({ code: 'custom', path: ['tier'], message: 'expect: none takes no tier' });
    // Every id named as right must itself be at least as urgent as the tier expected, or naming it would not be right.
    if (sign.tier && sign.ids) {
      for (const flag of sign.ids) {
        if (tierRank[SIGNS[flag]] > tierRank[sign.tier]) ctx.addIssue({ code: 'custom', path: ['ids'], message: `${flag} is ${SIGNS[flag]}, less urgent than the tier ${sign.tier}` });
      }
    }
  });
export type Sign = z.infer<typeof signSchema>;

export const profileSchema = z.strictObject({
  region: z.enum(REGIONS).optional(),
  surgery: z.enum(SURGERIES).optional(),
  daysSinceSurgery: days.optional(),
  reach: z.enum(REACHES).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export const entrySchema = z
  .strictObject({
    id,
    text: z.string().min(1),
    state: z.enum(STATES, { message: 'unknown state (see SCHEMA.md)' }),
    flagId: signId.optional(),
    register: z.array(z.enum(REGISTERS, { message: 'unknown register (see SCHEMA.md)' })).min(1),
    recent: z.array(z.string().min(1)).optional(),
    profile: profileSchema.optional(),
    sign: signSchema.optional(),
    answer: answerSchema.optional(),
  })
  .superRefine((entry, ctx) => {
    if (!entry.sign && !entry.answer) ctx.addIssue({ code: 'custom', path: [], message: 'an entry needs a sign, an answer, or both' });
    if (entry.state === 'redFlagQuestion' && !entry.flagId) ctx.addIssue({ code: 'custom', path: ['flagId'], message: 'state redFlagQuestion needs the flagId being asked' });
    if (entry.state !== 'redFlagQuestion' && entry.flagId) ctx.addIssue({ code: 'custom', path: ['flagId'], message: 'flagId goes only with state redFlagQuestion' });
  });
export type Entry = z.infer<typeof entrySchema>;

export const entryFileSchema = z.array(entrySchema);
