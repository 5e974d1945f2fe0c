/**
 * Which spine operation, in clinical or everyday words ("micro disc", "they fused L4 and L5",
 * "rods and screws", "keyhole surgery on the disc"); planned or not yet done is none ("not yet,
 * I'm on the waiting list for a microdiscectomy"). Vocabulary in content/lexicon/surgery.yaml.
 */
import type { Lexicon } from '../../content/lexicon.ts';
import type { SurgeryKind } from '../../content/answerLexicon.ts';
import { compilePhraseSet, mentions, type Mention, type PhraseSet } from '../phraseSet.ts';
import { prepareText, type PreparedText } from '../preparedText.ts';
import { answerText, compileAnswers } from './compiled.ts';
import { SENTENCE_BOUNDARY } from '../normalise.ts';
import { negationOf } from '../compiledLexicon.ts';
import { perLexicon } from './perLexicon.ts';
import { clauseNumbers } from './clauses.ts';

/** A sentence end, a comma or "but" starts a clause. */
const CLAUSE_BREAKS = new Set(['but']);

interface CompiledSurgery {
  kinds: PhraseSet<Exclude<SurgeryKind, 'none'>>;
  none: PhraseSet<'none'>;
  planned: PhraseSet<'planned'>;
  had: PhraseSet<'had'>;
  instead: PhraseSet<'instead'>;
  /** Another part of the body, the spine, a symptom: whose operation a clause tells of. */
  where: PhraseSet<'elsewhere' | 'spine' | 'symptom'>;
}

const compileSurgery = perLexicon((lexicon: Lexicon): CompiledSurgery => {
  const surgery = lexicon.answers.surgery;
  const compiled = {
    kinds: compilePhraseSet(surgery.kinds, negationOf(lexicon)),
    none: compilePhraseSet({ none: surgery.none }, negationOf(lexicon)),
    planned: compilePhraseSet({ planned: surgery.planned }, negationOf(lexicon)),
    had: compilePhraseSet({ had: surgery.had }, negationOf(lexicon)),
    instead: compilePhraseSet({ instead: surgery.instead }, negationOf(lexicon)),
    where: compilePhraseSet({ elsewhere: surgery.elsewhere, spine: surgery.spine, symptom: surgery.symptoms }, negationOf(lexicon)),
  };
  return compiled;
});

const DENIALS = new Set(['no', 'not', 'never', 'without', 'nor']);
/** How many words after "rather than" the operation not done may start ("instead of having a fusion"). */
const INSTEAD_REACH = 3;
const ORDER: Exclude<SurgeryKind, 'none'>[] = ['fusion', 'disc_replacement', 'laminectomy', 'discectomy'];

export function readSurgery(text: string, lexicon: Lexicon): SurgeryKind | undefined {
  const compiled = compileSurgery(lexicon);
  const prepared = prepareText(answerText(text, compileAnswers(lexicon), true));
  const sentenceOf = (index: number) => prepared.tokens.slice(0, index).filter((token) => token.word === SENTENCE_BOUNDARY).length;
  const planned = mentions(compiled.planned, prepared, false);
  // Kinds said as done: not in a sentence that says it is planned or awaited.
  // "they trimmed the disc" is the person's own operation: only a denial before it ("never had a fusion") drops it.
  const denied = (start: number) => prepared.tokens.slice(Math.max(0, start - 4), start).some((token) => DENIALS.has(token.word));
  // "my wife had a discectomy": another person's operation, said before the kind in its sentence.
  const others = new Set(lexicon.answers.surgery.others);
  const someoneElses = (start: number) => prepared.tokens.slice(0, start).some((token, index) => others.has(token.word) && sentenceOf(index) === sentenceOf(start));
  // "broke my ankle and they put a plate and screws in": an operation on another part of the body,
  // told in a clause that names that part, no word of the spine and no symptom.
  const clauseOf = clauseNumbers(prepared, CLAUSE_BREAKS);
  const where = mentions(compiled.where, prepared, false);
  const saidOf = (start: number, label: 'elsewhere' | 'spine' | 'symptom') => where.some((m) => m.label === label && clauseOf[m.span.start] === clauseOf[start]);
  const elsewhere = (start: number) => saidOf(start, 'elsewhere') && !saidOf(start, 'spine') && !saidOf(start, 'symptom');
  // "a new disc rather than fusing it": the operation named as the one not done.
  const instead = mentions(compiled.instead, prepared, false);
  const notDone = (start: number) => instead.some((m) => m.span.end < start && start - m.span.end <= INSTEAD_REACH);
  const named = mentions(compiled.kinds, prepared, false).filter((m) => !denied(m.span.start) && !someoneElses(m.span.start) && !elsewhere(m.span.start));
  const own = named.filter((m) => !notDone(m.span.start));
  // Only the operation not done is named ("swapped the disc for another instead of a fusion"): no kind, and not none.
  if (own.length === 0 && named.length > 0) return undefined;
  // Planned or awaited is said of the operation nearest it in its sentence: "I had a discectomy in
  // 2015 and I'm on the waiting list for a fusion" had the discectomy.
  const awaited = new Set(planned.flatMap((p) => {
    const gap = (m: Mention<string>) => (m.span.start > p.span.end ? m.span.start - p.span.end : p.span.start - m.span.end + 0.5);
    const nearest = own.filter((m) => sentenceOf(m.span.start) === sentenceOf(p.span.start)).sort((a, b) => gap(a) - gap(b))[0];
    return nearest ? [nearest] : [];
  }));
  // "had a fusion, said no to more surgery": an operation said as had is done, whatever follows,
  // unless the plan is told right after it ("had the microdiscectomy booked").
  const hadAt = mentions(compiled.had, prepared, false);
  const saidHad = (m: Mention<string>) =>
    hadAt.some((h) => h.span.end < m.span.start && m.span.start - h.span.end <= 3) && !planned.some((p) => p.span.start > m.span.end && p.span.start - m.span.end <= 2 && clauseOf[p.span.start] === clauseOf[m.span.end]);
  const done = own.filter((m) => !awaited.has(m) || saidHad(m));
  const kind = ORDER.find((candidate) => done.some((m) => m.label === candidate));
  if (kind) return kind;
  if (planned.length > 0) return 'none';
  return mentions(compiled.none, prepared, false).length > 0 ? 'none' : undefined;
}

