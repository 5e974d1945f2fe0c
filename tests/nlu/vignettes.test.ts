/**
 * Vignettes: messages in patients' own words with the tier a clinician expects. Computes the
 * sensitivity per tier and the false-alarm rate from the real content and detector, prints
 * them, and holds the safety bar: every emergency and urgent caught at its tier or higher, no
 * benign message raised to emergency or urgent, at most 1 in 20 benign raised to "soon".
 * Only present disclosures refer; a vignette with `mention` (hypothetical, resolved, vague,
 * unclear-person) expects that kind of mention of its flags, which the coach asks about instead.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAtLeast, mostUrgent } from '../../src/nlu/urgency.ts';
import { detector } from './content.ts';

const vignetteSchema = z.object({
  text: z.string(),
  expect: z.enum(['emergency', 'urgent', 'soon', 'none']),
  flags: z.array(z.string()).optional(),
  recent: z.array(z.string()).optional(),
  /** What the conversation already knows of the person, as the bot passes it (src/bot/understand.ts: e.g. `neck` for a neck problem). */
  known: z.array(z.string()).optional(),
  mention: z.enum(['hypothetical', 'resolved', 'vague', 'unclear-person']).optional(),
});
type Vignette = z.infer<typeof vignetteSchema>;

const vignettes: Vignette[] = z.array(vignetteSchema).parse(parse(readFileSync(new URL('./vignettes.yaml', import.meta.url), 'utf8')));

function run(vignette: Vignette) {
  const all = detector.detect(vignette.text, { ...(vignette.recent === undefined ? {} : { recent: vignette.recent }), ...(vignette.known === undefined ? {} : { known: vignette.known }) });
  const detections = all.filter((detection) => detection.mention === undefined);
  return { vignette, detections, asked: all.filter((detection) => detection.mention !== undefined), tier: mostUrgent(detections.map((detection) => detection.urgency)) };
}

const results = vignettes.map(run);
const ofTier = (tier: Vignette['expect']) => results.filter((result) => result.vignette.expect === tier);
const caught = (result: ReturnType<typeof run>) =>
  result.vignette.expect !== 'none' && result.tier !== undefined && isAtLeast(result.tier, result.vignette.expect);
const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

describe('vignettes', () => {
  it('has at least 100 messages, covering every tier, every region word and two-message disclosures', () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(100);
    for (const tier of ['emergency', 'urgent', 'soon', 'none'] as const) expect(ofTier(tier).length).toBeGreaterThanOrEqual(10);
    expect(vignettes.filter((vignette) => vignette.recent !== undefined).length).toBeGreaterThanOrEqual(3);
  });

  it('prints sensitivity per tier and the false-alarm rate', () => {
    const lines = (['emergency', 'urgent', 'soon'] as const).map((tier) => {
      const group = ofTier(tier);
      const hits = group.filter(caught).length;
      return `${tier.padEnd(9)} sensitivity ${percent(hits, group.length)} (${hits}/${group.length})`;
    });
    const benign = ofTier('none');
    const alarms = benign.filter((result) => result.tier !== undefined);
    lines.push(`benign    false alarms ${percent(alarms.length, benign.length)} (${alarms.length}/${benign.length}; ${alarms.map((result) => `"${result.vignette.text}" -> ${result.tier}`).join('; ') || 'none'})`);
    console.log(`\nRed-flag vignettes (${results.length})\n${lines.join('\n')}`);
    expect(lines.length).toBe(4);
  });

  it.each(ofTier('emergency').concat(ofTier('urgent')).map((result) => [result.vignette.expect, result.vignette.text, result] as const))(
    '%s caught: %s',
    (_tier, _text, result) => {
      expect(result.tier, JSON.stringify(result.detections)).toBeDefined();
      expect(caught(result), JSON.stringify(result.detections)).toBe(true);
      for (const flag of result.vignette.flags ?? []) expect(result.detections.map((detection) => detection.flagId)).toContain(flag);
    },
  );

  it.each(ofTier('soon').map((result) => [result.vignette.text, result] as const))('soon: %s is referred soon, not higher', (_text, result) => {
    expect(result.tier, JSON.stringify(result.detections)).toBe('soon');
    for (const flag of result.vignette.flags ?? []) expect(result.detections.map((detection) => detection.flagId)).toContain(flag);
  });

  it.each(ofTier('none').map((result) => [result.vignette.text, result] as const))('benign: %s raises no emergency or urgent', (_text, result) => {
    expect(result.tier === 'emergency' || result.tier === 'urgent', JSON.stringify(result.detections)).toBe(false);
  });

  it.each(results.filter((result) => result.vignette.mention !== undefined).map((result) => [result.vignette.mention, result.vignette.text, result] as const))(
    '%s mention is asked about, not referred: %s',
    (mention, _text, result) => {
      const asked = result.asked.filter((detection) => detection.mention === mention);
      expect(asked.length, JSON.stringify(result.asked)).toBeGreaterThan(0);
      for (const flag of result.vignette.flags ?? []) expect(asked.map((detection) => detection.flagId)).toContain(flag);
    },
  );

  it('at most 1 in 20 benign messages raises "soon"', () => {
    const benign = ofTier('none');
    const soon = benign.filter((result) => result.tier === 'soon');
    expect(soon.length / benign.length, soon.map((result) => result.vignette.text).join(' | ')).toBeLessThanOrEqual(1 / 20);
  });

  it('every detection explains itself with the words that matched', () => {
    for (const result of results) for (const detection of result.detections) expect(detection.matched.trim()).not.toBe('');
  });
});
