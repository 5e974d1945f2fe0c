/**
 * The values the person's answers take, shared by the machine (dialogs/), the detector (src/nlu),
 * the content schemas (z.enum of these lists) and the summary. Content files name them; the
 * wording for each lives in content/labels.yaml.
 */

export const SPINE_REGIONS = ['lumbar', 'thoracic', 'cervical'] as const;
export type Region = (typeof SPINE_REGIONS)[number];

/** `trunk`: around the ribs, chest or belly, the mid back's counterpart of a leg or arm. */
export const REACHES = ['spine_only', 'buttock_thigh', 'below_knee', 'arm_hand', 'trunk'] as const;
export type Reach = (typeof REACHES)[number];

export const SIDES = ['one', 'both'] as const;
export type Sides = (typeof SIDES)[number];

export const ONSETS = ['last_2_days', 'under_2_weeks', 'under_6_weeks', 'over_6_weeks'] as const;
export type Onset = (typeof ONSETS)[number];

/** How the coaching rules plan with an operation. */
export const SURGERIES = ['none', 'discectomy', 'fusion'] as const;
export type Surgery = (typeof SURGERIES)[number];

/** The operation as the person named it; `Surgery` is how the coaching rules plan with it. */
export const SURGERY_KINDS = ['discectomy', 'laminectomy', 'fusion', 'disc_replacement', 'other'] as const;
export type SurgeryKind = (typeof SURGERY_KINDS)[number];

/** What the symptoms did with a movement (the McKenzie responses); the lexicon's outcomes are checked in this order. */
export const MOVEMENT_RESPONSES = ['centralized', 'peripheralized', 'no_change', 'local_only', 'could_not'] as const;
export type MovementResponse = (typeof MOVEMENT_RESPONSES)[number];
