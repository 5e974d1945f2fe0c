/** Loads the real content once for the NLU tests; fails loudly if it has problems. */
import { fileURLToPath } from 'node:url';
import { loadLexicon, type Lexicon } from '../../src/content/lexicon.ts';
import { loadRedFlags, type RedFlag } from '../../src/content/redFlags.ts';
import { compileRedFlagDetector } from '../../src/nlu/redFlagDetector.ts';

export const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

function loadOrThrow(): { lexicon: Lexicon; flags: RedFlag[] } {
  const flags = loadRedFlags(CONTENT_DIR);
  const lexicon = loadLexicon(CONTENT_DIR);
  const problems = [...flags.problems, ...lexicon.problems];
  if (problems.length > 0 || lexicon.lexicon === undefined) throw new Error(`content problems:\n${problems.join('\n')}`);
  return { lexicon: lexicon.lexicon, flags: flags.flags };
}

export const { lexicon, flags } = loadOrThrow();
export const detector = compileRedFlagDetector(flags);
