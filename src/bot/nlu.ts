import type { Content } from '../content/index.ts';
import { compileRedFlagDetector, detectIntent, parseMovementResponse, parseRegion, parseScore, parseYesNo } from '../nlu/index.ts';
import { compileEducationMatcher } from '../nlu/education.ts';
import { compileAnswerParsers } from '../nlu/answers/index.ts';
import type { RedFlagHit } from '../../dialogs/types.ts';
import type { MessageScan, RedFlagDetection } from '../nlu/redFlagDetector.ts';
import type { MessageFlags, Nlu } from './understand.ts';

/** Compiles the free-text understanding once at start-up, from content only. */
export function createNlu(content: Content): Nlu {
  const detector = compileRedFlagDetector(content.redFlags.list);
  const lexicon = content.lexicon;
  const toHit = (hit: RedFlagDetection): RedFlagHit => {
    // How it was mentioned (the detector's ConText reading); a present disclosure carries none.
    const mention = (hit as { mention?: RedFlagHit['mention'] }).mention;
    return {
      flagId: hit.flagId,
      urgency: hit.urgency,
      ...(mention !== undefined && mention !== 'present' ? { mention } : {}),
      matched: hit.fromRecent ? `${hit.fromRecent} … ${hit.matched}` : hit.matched,
    };
  };
  const scans = new WeakMap<MessageFlags, MessageScan>();
  // The check-in's warning question asks about every screened sign at once.
  const screened = content.redFlags.list.filter((flag) => flag.screen && flag.question !== undefined).map((flag) => flag.id);
  return {
    redFlags: (text, recent, scanned, known) => {
      const scan = scanned ? scans.get(scanned) : undefined;
      return detector.detect(text, { recent, ...(scan ? { scan } : {}), ...(known?.length ? { known } : {}) }).map(toHit);
    },
    scanMessage: (text) => {
      const scan = detector.scan(text);
      const flags: MessageFlags = { text, hits: scan.detections.map(toHit) };
      scans.set(flags, scan);
      return flags;
    },
    deniedSigns: (text, flagIds) => detector.deniedSigns(text, flagIds ?? screened),
    aboutSomethingElse: (text, flagId) => detector.aboutSomethingElse(text, flagId),
    yesNo: (text) => {
      const answer = parseYesNo(text, lexicon);
      return answer === 'yes' || answer === 'no' ? answer : undefined;
    },
    score: (text) => parseScore(text, lexicon),
    region: (text) => parseRegion(text, lexicon),
    intent: (text) => detectIntent(text, lexicon),
    movement: (text) => parseMovementResponse(text, lexicon),
    education: compileEducationMatcher(content.education, lexicon.context),
    answers: compileAnswerParsers(lexicon),
  };
}
