/**
 * The one wording layer: every template in content/ is filled here. `{name}` takes a value;
 * `{name?one|other}` takes the singular or the plural word for a number ("1 session", "2 sessions").
 *
 * A slot with no value becomes empty. Why: a person or a clinician must never read a raw `{slot}`
 * (it reads as a fault and hides the sentence's point), and a turn must never fail over a wording
 * slip, least of all one that carries a referral. Missing slots are caught before run time
 * instead: content loading (start-up and `npm run content:check`) checks each template against
 * the slots its caller fills (src/content/wording.ts), and `missingSlots` lets a test say which.
 */
const SLOT = /\{(\w+)(?:\?([^|{}]*)\|([^{}]*))?\}/g;

export type SlotValues = Readonly<Record<string, string | number | undefined>>;

export function fill(template: string, values: SlotValues = {}): string {
  return template.replace(SLOT, (_whole, name: string, one: string | undefined, other: string | undefined) => {
    const value = values[name];
    if (value === undefined) return '';
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? '');
    return String(value);
  });
}

/** The slot names a template uses, in order, each once. */
export function slotsOf(template: string): string[] {
  return [...new Set([...template.matchAll(SLOT)].map((match) => match[1]!))];
}

/** The slots a template uses that `filled` does not name: what would come out empty. */
export function missingSlots(template: string, filled: Iterable<string>): string[] {
  const names = new Set(filled);
  return slotsOf(template).filter((slot) => !names.has(slot));
}
