/**
 * What a person may ask for instead of answering (content/lexicon/intents.yaml names a phrase list
 * for each, in its own priority order), and the kinds of answer a question takes
 * (content/lexicon/question-kinds.yaml), each read by its own parser and each with its own
 * "could not read that" line (`unclear.<kind>` in content/messages.yaml).
 */

export const INTENTS = [
  'talk_to_clinician', 'clinician_assessed', 'stop_messages', 'pause', 'resume', 'delete_data',
  'export_data', 'what_do_you_know', 'progress', 'help', 'start_timer', 'case_status',
  'greeting', 'skip', 'tomorrow', 'later', 'check_in_time', 'start_session',
] as const;
export type Intent = (typeof INTENTS)[number];

export const QUESTION_KINDS = ['consent', 'offer', 'symptom', 'score', 'region', 'reach', 'sides', 'onset', 'surgery', 'duration', 'age', 'weight', 'movement'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
