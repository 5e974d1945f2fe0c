/**
 * Links from a case's page to other clinician views: one entry per view (for example the care
 * plan actions, src/clinician/console/plan.ts: phase, preferred direction, contraindications,
 * discharge). Each view registers its own routes; the case page only shows the link.
 */
export interface CaseLink {
  text: string;
  href: (caseId: number) => string;
}

export const caseLinks: CaseLink[] = [];
