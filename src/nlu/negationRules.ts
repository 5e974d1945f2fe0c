/**
 * NegEx-style context rules (after Chapman et al. 2001, and ConText for who the experience
 * belongs to). These are rules of English, not clinical content: they decide whether a matched
 * phrase is said to be present, and they are the same for every red flag.
 *
 * Safety bias: a wrongly negated warning sign is the worst error, so scopes are short, they stop
 * at every clause break, and anything that reads like a symptom stated with "not" ("no longer
 * able to", "not always") is a pseudo-negation, not a negation.
 */

import type { ContextRules } from '../content/contextRules.ts';

/**
 * The lists are content (content/lexicon/context.yaml), validated by src/content/contextRules.ts
 * and handed in with the lexicon (`Lexicon.context`) and the concept vocabulary the red-flag
 * detector reads (`ConceptVocabulary.context`); what each list is for is said in that file.
 */
export type NegationRules = ContextRules;
