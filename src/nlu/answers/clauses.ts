/**
 * Clause numbers for the answer parsers: each token of a prepared text gets the number of its
 * clause, counted across the whole message. A sentence end, a comma, or one of the parser's own
 * break words ("but", "though", "then") starts a new clause.
 */
import { SENTENCE_BOUNDARY } from '../normalise.ts';
import type { PreparedText } from '../preparedText.ts';

export function clauseNumbers(prepared: PreparedText, breakWords: ReadonlySet<string>): number[] {
  let clause = 0;
  return prepared.tokens.map((token, index) => {
    if (index > 0 && (token.word === SENTENCE_BOUNDARY || token.afterComma || breakWords.has(token.word))) clause += 1;
    return clause;
  });
}
