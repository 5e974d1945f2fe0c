/** How a clinician closes a case, and so hands the conversation back (the console, Teams, the machine). */
export const CLINICIAN_OUTCOMES = ['cleared_to_exercise', 'seen_in_ed', 'refer_to_surgeon', 'continue_monitoring', 'no_contact'] as const;
export type ClinicianOutcome = (typeof CLINICIAN_OUTCOMES)[number];
