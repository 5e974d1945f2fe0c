/**
 * Yes and no only when the message answers (issue 17): a leading yes/no word ("no, it came on
 * by itself"), or a short answer ("I do", "nothing like that"). A statement is neither, even
 * when "it is" or "I am" sits inside it; a question back is neither. Consent and other offers
 * take a yes only from a yes word or an explicit agreement ("I agree", "go on then").
 * The word lists and these rules for clinicians: content/lexicon/yes-no.yaml.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import { mentions, type Mention } from '../phraseSet.ts';
import { findSpans } from '../matcher.ts';
import { SENTENCE_BOUNDARY, type Token } from '../normalise.ts';
import { prepareText, type PreparedText } from '../preparedText.ts';
import { answerText, compileAnswers, type CompiledAnswers, type YesNoLabel } from './compiled.ts';

/** What a yes/no question is about: an offer to accept (consent, start), or a symptom to report. */
export type YesNoKind = 'offer' | 'symptom';

export interface YesNoReading {
  answer?: 'yes' | 'no' | 'unsure';
  /** The message asks something back instead of answering. */
  questionBack: boolean;
  /** Only the question mark at the end said so ("maybe 2 kilos?"): an answer of another kind still stands. */
  markOnly?: boolean;
}

type Label = YesNoLabel;

const POLARITY: Record<Label, 'yes' | 'no' | 'unsure'> = {
  yes: 'yes', wholeYes: 'yes', agree: 'yes', no: 'no', wholeNo: 'no', decline: 'no', allClear: 'no', unsure: 'unsure',
};
/** Labels that answer wherever they open the message; the others must make up the whole clause. */
const LEADS: ReadonlySet<Label> = new Set(['yes', 'no', 'agree', 'decline', 'allClear', 'unsure']);
const SHORT_ANSWER_WORDS = 4;
const DENYING = new Set(['not', 'never']);
const QUESTION_WORDS = new Set(['what', 'which', 'how', 'why', 'when', 'where', 'who', 'whats', 'mean', 'means', 'meant']);
/** At most this many words may follow a correcting yes or no in its clause ("actually yes a bit"). */
const CORRECTION_WORDS = 3;

/** Index of the last token of the clause that starts at `from`. */
function clauseEnd(tokens: Token[], from: number): number {
  for (let i = from + 1; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.word === SENTENCE_BOUNDARY || token.afterComma || token.word === 'but') return i - 1;
  }
  return tokens.length - 1;
}

/** The first token of every clause after the one ending at `firstEnd`. */
function laterClauseStarts(tokens: Token[], firstEnd: number): number[] {
  const starts: number[] = [];
  for (let i = firstEnd + 1; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.word === SENTENCE_BOUNDARY) continue;
    const previous = tokens[i - 1];
    if (i === firstEnd + 1 || previous?.word === SENTENCE_BOUNDARY || token.afterComma || token.word === 'but') starts.push(i);
  }
  return starts;
}

/**
 * A later clause takes the answer back ("no... well actually yes a bit", "no wait, yes") or, on a
 * safety question, qualifies a no with a hedge ("no, but it does feel a bit odd sometimes") or an
 * all-clear statement with "but" ("I sleep ok but the pain wakes me"): the message is then neither
 * a yes nor a no, and a one-line clarification beats a guess.
 */
function takenBack(prepared: PreparedText, found: Mention<Label>[], firstEnd: number, leading: Label, kind: YesNoKind, compiled: CompiledAnswers): boolean {
  const polarity = POLARITY[leading];
  if (polarity === 'unsure') return false;
  const { tokens } = prepared;
  const { fillerWords, contrastWords, correctionWords } = compiled;
  const hedges = kind === 'symptom' && polarity === 'no' ? mentions(compiled.hedges, prepared, false) : [];
  // "not really, just a bit": a soft no, then a hedge in any later clause.
  const soft = hedges.length > 0 && mentions(compiled.softNo, prepared, false).some((m) => m.span.start <= firstEnd);
  if (soft && hedges.some((m) => m.span.start > firstEnd)) return true;
  for (const start of laterClauseStarts(tokens, firstEnd)) {
    const end = clauseEnd(tokens, start);
    const contrast = contrastWords.has(tokens[start]!.word);
    let at = start;
    while (at <= end && (fillerWords.has(tokens[at]!.word) || correctionWords.has(tokens[at]!.word) || contrastWords.has(tokens[at]!.word))) at += 1;
    const opener = found.find((m) => m.span.start === at && m.span.end <= end);
    if (opener) {
      const other = POLARITY[opener.label];
      const rest = end - opener.span.end;
      const isWord = opener.label === 'yes' || opener.label === 'no';
      if (other !== polarity && other !== 'unsure' && (isWord ? rest <= CORRECTION_WORDS : rest === 0 || tokens.slice(opener.span.end + 1, end + 1).every((t) => fillerWords.has(t.word)))) return true;
    }
    if (contrast && hedges.some((m) => m.span.start >= start && m.span.end <= end)) return true;
    // "I sleep ok but the pain wakes me": an all-clear statement qualified straight after.
    if (contrast && kind === 'symptom' && leading === 'allClear') return true;
  }
  return false;
}

export function readYesNo(text: string, lexicon: Lexicon, kind: YesNoKind = 'symptom'): YesNoReading {
  const compiled = compileAnswers(lexicon);
  const prepared = prepareText(answerText(text, compiled));
  const tokens = prepared.tokens;
  if (tokens.length === 0) return { questionBack: false };
  // Skip fillers: "oh yes", "well, no".
  const fillers = mentions(compiled.fillers, prepared, false);
  let start = 0;
  for (const filler of fillers) if (filler.span.start === start) start = filler.span.end + 1;
  while (tokens[start]?.word === SENTENCE_BOUNDARY) start += 1;
  const set = compiled.yesNo[kind];
  // "not happy with that", "never ok": a yes word denied just before it is not a yes.
  const found = (mentions(set, prepared, false) as Mention<Label>[]).filter((m) => POLARITY[m.label] !== 'yes' || !DENYING.has(tokens[m.span.start - 1]?.word ?? ''));
  const firstEnd = clauseEnd(tokens, start);
  const leading = found.find((m) => m.span.start === start);
  // Doubt in the first clause wins ("I'm not sure", "no idea"): a guessed answer to a safety question is the worst misreading.
  const insideLeading = (span: { start: number; end: number }) => leading !== undefined && span.start >= leading.span.start && span.end <= leading.span.end && leading.label !== 'unsure';
  const doubt = set.entries.some(({ label, pattern }) => label === 'unsure' && findSpans(pattern, prepared).some((span) => span.start <= firstEnd && !insideLeading(span)));
  if (doubt) return { answer: 'unsure', questionBack: false };
  // "where my bra strap goes" (no question mark) describes; "where is the middle back?" asks.
  const describes = !text.includes('?') && compiled.statements.entries.some(({ pattern }) => findSpans(pattern, prepared).length > 0);
  const asks = !describes && compiled.questions.entries.some(({ pattern }) => findSpans(pattern, prepared).length > 0);
  const endsWithQuestion = /\?\s*$/.test(text.trim()) && !text.includes('.');

  const wholeClause = (mention: Mention<Label>) => tokens.slice(mention.span.end + 1, firstEnd + 1).every((token) => compiled.fillerWords.has(token.word));
  if (leading && (LEADS.has(leading.label) || wholeClause(leading))) {
    const inClause = found.filter((m) => m.span.start <= firstEnd && m !== leading);
    if (leading.label !== 'unsure' && inClause.some((m) => m.label === 'unsure')) return { answer: 'unsure', questionBack: false };
    const polarity = POLARITY[leading.label];
    const opposite = inClause.some((m) => POLARITY[m.label] !== polarity && POLARITY[m.label] !== 'unsure' && LEADS.has(m.label));
    if (opposite || takenBack(prepared, found, firstEnd, leading.label, kind, compiled)) return { questionBack: false };
    return { answer: polarity, questionBack: false };
  }
  // "so maybe 2 kilos?" doubts an answer; "one side of what, my back?" asks, though it does not start like a question.
  const doubtOnly = !asks && !tokens.some((token) => QUESTION_WORDS.has(token.word));
  if (asks || endsWithQuestion) return { questionBack: true, ...(doubtOnly ? { markOnly: true } : {}) };
  // A short answer: "I do", "is correct", "nothing new", "hard to say".
  const wordCount = tokens.slice(start).filter((token) => token.word !== SENTENCE_BOUNDARY).length;
  if (wordCount > SHORT_ANSWER_WORDS || tokens.some((token) => token.word === SENTENCE_BOUNDARY)) return { questionBack: false };
  const polarities = new Set(found.filter((m) => LEADS.has(m.label) || m.span.end >= firstEnd).map((m) => POLARITY[m.label]));
  if (polarities.has('unsure')) return { answer: 'unsure', questionBack: false };
  return polarities.size === 1 ? { answer: [...polarities][0]!, questionBack: false } : { questionBack: false };
}
