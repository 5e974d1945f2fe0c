import type { CoachContext, Output, Region } from '../../dialogs/types.ts';

export interface HandoffValue {
  urgency: 'emergency' | 'urgent' | 'soon' | 'routine';
  reasons: string[];
  region: Region | 'unknown';
  summary: string;
}

export interface SummaryWording {
  template: string;
  labels: Record<string, Record<string, string>>;
  flagLabel: (flagId: string) => string;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/**
 * The paragraph a clinician reads in ten seconds: tier, region, how far and where symptoms reach,
 * how old they are, surgery, which warning signs and in which words, and the latest pain scores.
 */
export function buildHandoffValue(handoff: Extract<Output, { kind: 'handoff' }>, context: CoachContext, wording: SummaryWording): HandoffValue {
  const { profile } = context;
  const label = (group: string, value: string | undefined) => (value ? (wording.labels[group]?.[value] ?? value) : undefined);
  const region = profile.region ?? 'unknown';
  const pain = context.pain.slice(-3).map((entry) => `${entry.score}/10 (${entry.at.slice(0, 10)})`);
  const flags = handoff.hits.length
    ? handoff.hits.map((hit) => `${wording.flagLabel(hit.flagId)} [${hit.flagId}] — "${hit.matched}"`).join('; ')
    : 'none; the person asked to speak to a clinician';
  const earlier = context.redFlags.filter((flag) => !handoff.hits.some((hit) => hit.flagId === flag.flagId)).map((flag) => flag.flagId);
  const summary = fill(wording.template, {
    urgencyLabel: label('urgency', handoff.urgency) ?? handoff.urgency,
    region: capitalise(label('region', region) ?? region),
    reach: profile.reach ? `, ${label('reach', profile.reach)}` : ', spread not yet asked',
    sides: profile.sides ? ` (${label('sides', profile.sides)})` : '',
    onset: profile.onset ? `, started ${label('onset', profile.onset)}` : '',
    surgery: profile.surgery ? `, ${label('surgery', profile.surgery)}${profile.weeksSinceSurgery !== undefined ? ` ${profile.weeksSinceSurgery} weeks ago` : ''}` : '',
    flags,
    pain: pain.length ? pain.join(', ') : 'not given',
    extra: earlier.length ? ` Earlier warning signs: ${[...new Set(earlier)].join(', ')}.` : '',
  });
  return { urgency: handoff.urgency, reasons: handoff.reasons, region, summary };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
