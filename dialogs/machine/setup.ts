import { setup } from 'xstate';
import type { CoachCatalog } from '../catalog.ts';
import type { CoachContext, CoachEvent } from '../types.ts';
import { asideActions } from './asides/actions.ts';
import { betweenActions } from './asides/between.ts';
import { answerGuards } from './asides/guards.ts';
import { clinicianActions } from './clinician/actions.ts';
import { coachingActions } from './coaching/actions.ts';
import { coachingGuards } from './coaching/guards.ts';
import { consentActions } from './consent/actions.ts';
import { consentGuards } from './consent/guards.ts';
import { answerThenHoldActions } from './referral/answerThenHold.ts';
import { askNowActions, askNowGuards } from './referral/askNow.ts';
import { referralActions } from './referral/actions.ts';
import { referralGuards } from './referral/guards.ts';
import { screeningActions } from './screening/actions.ts';
import { screeningGuards } from './screening/guards.ts';

/** Every named guard and action of the conversation, gathered from the concern that owns it. */
export function coachSetup(catalog: CoachCatalog) {
  return setup({
    types: {
      context: {} as CoachContext,
      events: {} as CoachEvent,
    },
    guards: {
      ...answerGuards,
      ...consentGuards(catalog),
      ...screeningGuards(catalog),
      ...referralGuards(catalog),
      ...askNowGuards,
      ...coachingGuards(catalog),
    },
    actions: {
      ...asideActions,
      ...betweenActions,
      ...consentActions(catalog),
      ...screeningActions(catalog),
      ...referralActions(catalog),
      ...askNowActions,
      ...answerThenHoldActions,
      ...coachingActions(catalog),
      ...clinicianActions,
    },
  });
}

export type CoachSetup = ReturnType<typeof coachSetup>;
