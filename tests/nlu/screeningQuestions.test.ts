import { describe, expect, it } from 'vitest';
import { realContent } from '../helpers/content.ts';

/**
 * The bot refers on "yes" to a screening question and records a denial on "no". A question asked
 * the other way round ("Can you still feel…?") turns a warning sign into a recorded denial, so
 * questions that assert the normal state are refused here.
 */
describe('screening questions', () => {
  const screened = realContent().redFlags.list.filter((flag) => flag.screen && flag.question);

  it('exist for every region', () => {
    for (const region of ['lumbar', 'thoracic', 'cervical'] as const) {
      expect(screened.filter((flag) => flag.regions.includes(region)).length).toBeGreaterThan(3);
    }
  });

  it.each(screened.map((flag) => [flag.id, flag.question!]))('%s is asked so that "yes" means the sign is present', (_id, question) => {
    expect(question).toMatch(/\?$/);
    expect(question).not.toMatch(/\b(still|normally|as usual)\b (feel|able|control|work|pass|tell|sense|move|lift|walk)/i);
    expect(question).not.toMatch(/\b(is|are|does|do) (it|everything|your \w+) (feel |work |seem )?(normal|fine|okay|ok|as usual)\b/i);
    expect(question).not.toMatch(/^(can|are|is|do|does) (you|your) (still|always)\b/i);
  });
});
