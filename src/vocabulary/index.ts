/**
 * The project's one vocabulary: each list of names defined once, here, and imported by the
 * machine (dialogs/), the detector (src/nlu), the content schemas and the shell. Pure data and
 * pure functions only, so the pure parts can import it.
 */
export * from './urgency.ts';
export * from './answers.ts';
export * from './intents.ts';
export * from './clinician.ts';
