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
import { spanContext } from '../negation.ts';
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
  /** The yes is read from a change told as a statement ("my legs feel odd"), with no answer word:
   * it answers the question but discloses no sign by itself (a vague word is still asked about). */
  told?: boolean;
  /** The no is read from a statement that all is well ("my legs are fine"), with no answer word:
   * at one sign's question it answers only when it is of that sign (src/bot/understand.ts). */
  allClear?: boolean;
}

type Label = YesNoLabel;

const POLARITY: Record<Label, 'yes' | 'no' | 'unsure'> = {
  yes: 'yes', wholeYes: 'yes', agree: 'yes', no: 'no', wholeNo: 'no', decline: 'no', allClear: 'no', unsure: 'unsure',
};
/** Labels that answer wherever they open the message; the others must make up the whole clause. */
const LEADS: ReadonlySet<Label> = new Set(['yes', 'no', 'agree', 'decline', 'allClear', 'unsure']);
const SHORT_ANSWER_WORDS = 4;
const DENYING = new Set(['not', 'never']);
/** An all-clear that opens with one of these is a denial ("no new numbness"), not a statement ("I sleep ok"). */
const DENIAL_OPENERS = new Set(['no', 'not', 'nothing', 'none', 'never', 'nope']);
const QUESTION_WORDS = new Set(['what', 'which', 'how', 'why', 'when', 'where', 'who', 'whats', 'mean', 'means', 'meant']);
/** A later clause's short answer counts only when the person says it of themselves. */
const FIRST_PERSON = new Set(['i', 'not', 'never', 'me']);
/** Words that may end such an answer ("I've never had it myself"). */
const OWN_WORDS = new Set(['myself', 'personally', 'me', 'though', 'thankfully', 'luckily', 'too', 'also']);
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
function takenBack(prepared: PreparedText, found: Mention<Label>[], firstEnd: number, leading: Label, kind: YesNoKind, compiled: CompiledAnswers, leadStart: number): boolean {
  const polarity = POLARITY[leading];
  if (polarity === 'unsure') return false;
  const { tokens } = prepared;
  const { fillerWords, contrastWords, correctionWords } = compiled;
  const safetyNo = kind === 'symptom' && polarity === 'no';
  const hedges = safetyNo ? mentions(compiled.hedges, prepared, false) : [];
  // "No, it's numb on the left side": the sign itself, told after a bare no (not "no, my bum isn't
  // numb", nor "no accidents, but my bottom feels numb", which denies something else first).
  const wholeClause = (m: Mention<Label>) => m.span.start <= firstEnd && tokens.slice(m.span.end + 1, firstEnd + 1).every((t) => fillerWords.has(t.word));
  const bare = found.some((m) => m.label === 'no' && wholeClause(m));
  const sensations = safetyNo ? mentions(compiled.sensations, prepared, true) : [];
  if (safetyNo && bare && sensations.some((m) => m.span.start > firstEnd)) return true;
  // "Nothing, can't feel a thing", "none, I can't feel anything": another no that makes up its
  // clause, then the sign in the very next clause ("nothing, except I sat on my foot and it went
  // dead" tells of an exception, which the warning-sign check reads).
  const next = laterClauseStarts(tokens, firstEnd)[0];
  if (safetyNo && next !== undefined && !contrastWords.has(tokens[next]!.word) && found.some((m) => POLARITY[m.label] === 'no' && wholeClause(m))) {
    const nextEnd = clauseEnd(tokens, next);
    if (sensations.some((m) => m.span.start >= next && m.span.start <= nextEnd)) return true;
  }
  // "no, my bladder isn't quite right", "no. my legs feel odd though": a change told after a bare no
  // (not "no, nothing feels odd": a denial before the change in its clause keeps the no).
  if (safetyNo && bare && changeToldAfter(prepared, firstEnd, compiled)) return true;
  // "Nothing like that. But I've had a fever on and off since Sunday": a hedge or a date inside a
  // later clause that tells, in its own words, of another thing had is that thing's (the
  // warning-sign check reads it), and qualifies no no.
  // read only when a hedge or a date after the no asks for it (most answers have neither)
  let apartAt: ((index: number) => boolean) | undefined;
  const apart = (index: number) => safetyNo && (apartAt ??= toldApart(prepared, firstEnd, compiled))(index);
  // "no, only today": the sign dated after a bare no.
  if (safetyNo && bare && mentions(compiled.lately, prepared, true).some((m) => m.span.start > firstEnd && !apart(m.span.start))) return true;
  // "no numbness but it tingles": one feeling denied, another told of, which the question may well
  // ask about too ("no accidents, but my bottom feels numb" denies no feeling, and stands).
  if (safetyNo && sensations.some((m) => m.span.start > firstEnd) && mentions(compiled.sensations, prepared, false).some((m) => m.span.end <= firstEnd)) return true;
  const admissions = safetyNo ? mentions(compiled.admissions, prepared, false) : [];
  // At an offer, "yes please. no numbness anywhere": a "no" that denies a complaint takes nothing back.
  const complaintDenied = kind === 'offer' && polarity === 'yes' ? mentions(compiled.complaintsDenied, prepared, true) : [];
  // "not really, just a bit": a soft no, then a hedge in any later clause.
  const soft = hedges.length > 0 && mentions(compiled.softNo, prepared, false).some((m) => m.span.start <= firstEnd);
  if (soft && hedges.some((m) => m.span.start > firstEnd && !apart(m.span.start))) return true;
  // "not really numb, more like it belongs to someone else": a feeling denied, then told again in
  // other words (yes-no.yaml `redescribed`). Not another sign told after the no ("No I'm not
  // leaking. It's more I don't feel it when it's full": the warning-sign check reads that one).
  if (safetyNo && mentions(compiled.sensations, prepared, false).some((m) => m.span.end <= firstEnd) && mentions(compiled.redescribed, prepared, false).some((m) => m.span.start > firstEnd)) return true;
  for (const start of laterClauseStarts(tokens, firstEnd)) {
    const end = clauseEnd(tokens, start);
    const contrast = contrastWords.has(tokens[start]!.word);
    let at = start;
    while (at <= end && (fillerWords.has(tokens[at]!.word) || correctionWords.has(tokens[at]!.word) || contrastWords.has(tokens[at]!.word))) at += 1;
    // "No. Well, I had a dribble on Friday": a correction, then what happened ("but I've started
    // cutting again" tells of something else, and the warning-sign check reads it).
    const correcting = tokens.slice(start, at).some((t) => t.word !== 'but' && t.word !== 'however' && t.word !== 'yet');
    if (correcting && admissions.some((m) => m.span.start === at)) return true;
    // "no... actually maybe a little": a correction into doubt or a hedge is no answer either way.
    if (correcting && (found.some((m) => m.label === 'unsure' && m.span.start === at) || hedges.some((m) => m.span.start >= at && m.span.end <= end))) return true;
    const opener = found.find((m) => m.span.start === at && m.span.end <= end);
    if (opener && !complaintDenied.some((m) => m.span.start === at)) {
      const other = POLARITY[opener.label];
      const rest = end - opener.span.end;
      const isWord = opener.label === 'yes' || opener.label === 'no';
      if (other !== polarity && other !== 'unsure' && (isWord ? rest <= CORRECTION_WORDS : rest === 0 || tokens.slice(opener.span.end + 1, end + 1).every((t) => fillerWords.has(t.word)))) return true;
    }
    if (contrast && hedges.some((m) => m.span.start >= start && m.span.end <= end && !apart(m.span.start))) return true;
    // "I sleep ok but the pain wakes me": an all-clear statement qualified straight after ("no new
    // numbness, but ..." is a denial, not a statement, and stands).
    if (contrast && kind === 'symptom' && leading === 'allClear' && !DENIAL_OPENERS.has(tokens[leadStart]?.word ?? '')) return true;
  }
  return false;
}

/** Words between an admission and the thing it names ("I've had a fever", "I have been getting some sweats"). */
const BEFORE_THING = new Set(['had', 'been', 'got', 'getting', 'having', 'a', 'an', 'some', 'the', 'my', 'this', 'bad', 'really', 'quite', 'also']);

/**
 * Whether the token at an index sits in a later clause that opens (after a contrast or filler) with
 * an admission of a thing named in its own words ("but I've had a fever", "I have had sweats"): not a
 * vague thing ("some trouble", "something", yes-no.yaml `vagueThings`), a hedge, a feeling or a change.
 */
function toldApart(prepared: PreparedText, firstEnd: number, compiled: CompiledAnswers): (index: number) => boolean {
  const { tokens } = prepared;
  const starts = laterClauseStarts(tokens, firstEnd);
  const admissions = mentions(compiled.admissions, prepared, false);
  const vague = [...mentions(compiled.hedges, prepared, false), ...mentions(compiled.sensations, prepared, true), ...changesTold(prepared, compiled)];
  const apartClauses = new Set(starts.filter((start) => {
    let at = start;
    while (at < tokens.length && (compiled.fillerWords.has(tokens[at]!.word) || compiled.contrastWords.has(tokens[at]!.word))) at += 1;
    const admission = admissions.find((m) => m.span.start === at && ['i', 'we'].includes(tokens[at]!.word));
    if (!admission) return false;
    let thing = admission.span.end + 1;
    while (thing < tokens.length && BEFORE_THING.has(tokens[thing]!.word)) thing += 1;
    const word = tokens[thing]?.word;
    if (word === undefined || word === SENTENCE_BOUNDARY || tokens[thing]!.afterComma || compiled.vagueThings.has(word)) return false;
    return !vague.some((m) => m.span.start <= thing && m.span.end >= thing);
  }));
  return (index) => {
    const clause = starts.filter((start) => start <= index).at(-1);
    return clause !== undefined && apartClauses.has(clause) && clauseEnd(tokens, clause) >= index;
  };
}

/** The changes told (yes-no.yaml `changeTold`), not those inside an idiom of something else ("been off the cards", `notChange`). */
function changesTold(prepared: PreparedText, compiled: CompiledAnswers): Mention<'change'>[] {
  const idioms = mentions(compiled.notChange, prepared, false);
  return mentions(compiled.changeTold, prepared, false).filter((m) => !idioms.some((i) => m.span.end >= i.span.start && m.span.start <= i.span.end));
}

/** A later clause tells of a change ("my bladder isn't quite right"), with no denial before it in its clause. */
function changeToldAfter(prepared: PreparedText, firstEnd: number, compiled: CompiledAnswers): boolean {
  const { tokens } = prepared;
  const starts = laterClauseStarts(tokens, firstEnd);
  return changesTold(prepared, compiled).some((m) => {
    if (m.span.start <= firstEnd) return false;
    const clauseStart = starts.filter((at) => at <= m.span.start).at(-1) ?? firstEnd + 1;
    return !tokens.slice(clauseStart, m.span.start).some((t) => compiled.gapDenials.has(t.word) || DENIAL_OPENERS.has(t.word));
  });
}

/**
 * The answer given at the start of a later clause, after a first clause that gives none ("it's
 * probably nothing but yes"): a yes or no word opening the clause, one polarity in all.
 */
function laterOpener(prepared: PreparedText, found: Mention<Label>[], firstEnd: number, compiled: CompiledAnswers): 'yes' | 'no' | undefined {
  const { tokens } = prepared;
  const carer = mentions(compiled.preambles, prepared, false).length > 0;
  const said = new Set<'yes' | 'no' | 'unsure'>();
  for (const start of laterClauseStarts(tokens, firstEnd)) {
    let at = start;
    while (at < tokens.length && (compiled.fillerWords.has(tokens[at]!.word) || compiled.contrastWords.has(tokens[at]!.word))) at += 1;
    const end = clauseEnd(tokens, at);
    const opener = found.find((m) => m.span.start === at && (m.label === 'yes' || m.label === 'no'));
    // "my husband had cancer, I haven't": the person's own short answer making up a later clause,
    // after what someone else had. Only said of "I" ("he hasn't" may be of the patient a carer writes for).
    const own = !carer && found.find((m) => m.span.start === at && (m.label === 'wholeNo' || m.label === 'wholeYes') && FIRST_PERSON.has(tokens[at]!.word)
      && tokens.slice(m.span.end + 1, end + 1).every((t) => compiled.fillerWords.has(t.word) || OWN_WORDS.has(t.word)));
    if (opener) said.add(POLARITY[opener.label]);
    else if (own) said.add(POLARITY[own.label]);
  }
  if (said.size !== 1) return undefined;
  const [answer] = [...said];
  return answer === 'unsure' ? undefined : answer;
}

/**
 * The answer brought at the end of the message by a `conclusions` word ("I said yes on the last
 * screen, so yes", "so I agree"): a yes or no, or an agreement, that runs to the message's end.
 */
function concludedAnswer(prepared: PreparedText, found: Mention<Label>[], compiled: CompiledAnswers): 'yes' | 'no' | undefined {
  const { tokens } = prepared;
  let last = tokens.length - 1;
  while (last > 0 && (compiled.fillerWords.has(tokens[last]!.word) || tokens[last]!.word === SENTENCE_BOUNDARY)) last -= 1;
  for (let i = last - 1; i >= 1; i -= 1) {
    if (!compiled.conclusionWords.has(tokens[i]!.word)) continue;
    const answer = found.find((m) => m.span.start === i + 1 && m.span.end >= last && POLARITY[m.label] !== 'unsure' && (LEADS.has(m.label) || m.label === 'wholeYes' || m.label === 'wholeNo'));
    return answer ? (POLARITY[answer.label] as 'yes' | 'no') : undefined;
  }
  return undefined;
}

/**
 * At an offer, the message ends with a clause of its own (after a sentence end, a comma or "but")
 * that is only agreement: a yes word opening its own sentence, or an agreement ("ok fine yes", "Let's start.", "but otherwise
 * ready to go", after `finalLeadIns`), every word after it agreeing too (`offerTail`). Never with a
 * no, a decline or doubt anywhere before it ("not today. ok" is no consent).
 */
function agreesAtTheEnd(prepared: PreparedText, found: Mention<Label>[], compiled: CompiledAnswers, fillers: readonly Mention<'filler'>[]): boolean {
  const { tokens } = prepared;
  let last = tokens.length - 1;
  while (last > 0 && (tokens[last]!.word === SENTENCE_BOUNDARY || compiled.fillerWords.has(tokens[last]!.word))) last -= 1;
  const start = laterClauseStarts(tokens, clauseEnd(tokens, 0)).filter((at) => at <= last).at(-1);
  if (start === undefined) return false;
  let at = start;
  while (at < last && (compiled.contrastWords.has(tokens[at]!.word) || compiled.fillerWords.has(tokens[at]!.word) || compiled.finalLeadIns.has(tokens[at]!.word))) at += 1;
  if (found.some((m) => m.span.start < start && POLARITY[m.label] !== 'yes')) return false;
  const opener = found.filter((m) => m.span.start === at && POLARITY[m.label] === 'yes' && m.span.end <= last).sort((a, b) => b.span.end - a.span.end)[0];
  if (!opener) return false;
  // A plain word ("yes", "ok") only opening a sentence of its own: "my back hurts, yes" may affirm the statement.
  if (compiled.particles.has(tokens[opener.span.start]!.word) && tokens[start - 1]?.word !== SENTENCE_BOUNDARY) return false;
  return opener.span.end === last || offerClauseAgrees(tokens, found, opener, last, compiled, fillers);
}

/** The longest yes/no phrase that leads wherever it opens the message, starting at `start`. */
function leadingWordAt(set: CompiledAnswers['yesNo']['symptom'], prepared: PreparedText, start: number): Mention<Label> | undefined {
  let best: Mention<Label> | undefined;
  const possible = set.possible(prepared);
  for (const { label, pattern } of set.entries) {
    if (!LEADS.has(label) || !possible.has(pattern)) continue;
    for (const span of findSpans(pattern, prepared)) {
      if (span.start === start && (!best || span.end > best.span.end)) best = { label, span };
    }
  }
  return best;
}

/** A later clause that is only doubt ("i dont think so? not sure", "can't say I've noticed, but I've not been looking. Maybe?"). */
function doubtAfter(prepared: PreparedText, found: Mention<Label>[], firstEnd: number, tentative: boolean, compiled: CompiledAnswers, leading: Label): boolean {
  const nextClause = laterClauseStarts(prepared.tokens, firstEnd)[0];
  const after = (m: Mention<string>) => m.span.start > firstEnd;
  const toldAfter = tentative && (mentions(compiled.hedges, prepared, false).some(after) || mentions(compiled.sensations, prepared, true).some(after));
  return laterClauseStarts(prepared.tokens, firstEnd).some((next) => {
    const end = clauseEnd(prepared.tokens, next);
    // "sort of. it's hard to say", "no. it's hard to say": the doubt may follow a few lead-in words
    // (yes-no.yaml `doubtLeadIns`); not after a plain yes ("yes. it's hard to say how bad" stays a yes).
    let at = next;
    while ((POLARITY[leading] === 'no' || (leading !== 'yes' && onlyVagueAfter(prepared, found, firstEnd, compiled))) && at < end && compiled.doubtLeadIns.has(prepared.tokens[at]!.word) && at < next + 2) at += 1;
    if (found.some((m) => m.label === 'unsure' && (m.span.start === next || m.span.start === at) && end - m.span.end <= 2)) return true;
    // "I think so? it's hard to tell honestly": an answer asked back, then doubt opening the next
    // clause (after "it's" at most), is a guess, not an answer. Not when anything of the sign is
    // told after it ("i think so? hard to tell, maybe a tiny bit less on the left" stays a yes: a
    // partial disclosure still refers).
    return tentative && next === nextClause && !toldAfter && found.some((m) => m.label === 'unsure' && m.span.start >= next && m.span.start <= next + 2 && m.span.start <= end);
  });
}

/**
 * Every clause after the first only doubts, or tells of a change in vague words alone ("my
 * waterworks have been a bit funny", "there's a kind of odd feeling"): nothing of the sign itself
 * (a feeling lost, a loss, a date, or any other words: "it starts ok but I never feel done").
 */
function onlyVagueAfter(prepared: PreparedText, found: Mention<Label>[], firstEnd: number, compiled: CompiledAnswers): boolean {
  const { tokens } = prepared;
  const changes = changesTold(prepared, compiled);
  const hedges = mentions(compiled.hedges, prepared, false);
  const concrete = [...mentions(compiled.sensations, prepared, true), ...mentions(compiled.losses, prepared, false), ...mentions(compiled.lately, prepared, true)];
  return laterClauseStarts(tokens, firstEnd).every((start) => {
    const end = clauseEnd(tokens, start);
    const inside = (m: Mention<string>) => m.span.start >= start && m.span.start <= end;
    if (tokens.slice(start, end + 1).every((t) => t.word === SENTENCE_BOUNDARY || compiled.fillerWords.has(t.word))) return true;
    if (found.some((m) => m.label === 'unsure' && inside(m))) return true;
    return !concrete.some(inside) && (changes.some(inside) || hedges.some(inside));
  });
}

/** The first clause ends in a question mark ("I think so? ..."): the answer is offered as a guess. */
const askedBack = (text: string) => /^[^.,;!?]*\?/.test(text);

/** Every word of the first clause after an offer's yes is another yes, a filler or a word that completes an agreement (offerTail). */
function offerClauseAgrees(tokens: Token[], found: Mention<Label>[], leading: Mention<Label>, firstEnd: number, compiled: CompiledAnswers, fillers: readonly Mention<'filler'>[]): boolean {
  const yesSpans = found.filter((m) => POLARITY[m.label] === 'yes');
  for (let i = leading.span.end + 1; i <= firstEnd; i += 1) {
    const word = tokens[i]!.word;
    if (compiled.offerTail.has(word) || compiled.fillerWords.has(word) || compiled.particles.has(word)) continue;
    // "yeah like I said go ahead": a filler of several words ("like I said") changes nothing.
    if (yesSpans.some((m) => m.span.start <= i && m.span.end >= i) || fillers.some((m) => m.span.start <= i && m.span.end >= i)) continue;
    return false;
  }
  return true;
}

/** After an offer's yes, a clause opened by "I mean", "basically"... that goes on into a statement: the yes was a way of talking. */
function elaboratesIntoStatement(prepared: PreparedText, found: Mention<Label>[], firstEnd: number, compiled: CompiledAnswers, fillers: readonly Mention<'filler'>[]): boolean {
  const next = laterClauseStarts(prepared.tokens, firstEnd)[0];
  if (next === undefined) return false;
  // "sure, like I said I'm happy to": a filler that opens the clause ("like I said") is its opener.
  // Only a filler of several words: "though" alone opens a clause that must agree ("yes, though my legs are tired").
  const openers = [...mentions(compiled.elaborations, prepared, true), ...fillers.filter((m) => m.span.end > m.span.start)].filter((m) => m.span.start === next);
  const opener = openers.reduce<(typeof openers)[number] | undefined>((a, b) => (!a || b.span.end > a.span.end ? b : a), undefined);
  if (!opener) return false;
  const end = clauseEnd(prepared.tokens, next);
  if (opener.span.end >= end) return false;
  return !offerClauseAgrees(prepared.tokens, found, { label: 'yes', span: opener.span }, end, compiled, fillers);
}

/**
 * "my bladder is not normal", "everything is far from fine", "it's not all fine": a denial in an
 * all-clear's gap ("...2") or just before it. The phrase's own words ("can walk no problem") count not.
 */
function deniedAllClear(m: Mention<Label>, tokens: Token[], compiled: CompiledAnswers): boolean {
  if (m.label !== 'allClear') return false;
  if (DENYING.has(tokens[m.span.start - 1]?.word ?? '')) return true;
  return m.span.gapTokens.some((i) => compiled.gapDenials.has(tokens[i]?.word ?? ''));
}

/**
 * "no feeling down there", "no control over my bladder", "never know when I need to go": the no
 * word opens a statement of something lost, which is the sign. Not when the word after the loss
 * denies after all ("no control problems") or a sensation follows it ("no feeling of numbness").
 */
function tellsOfLoss(prepared: PreparedText, leading: Mention<Label>, firstEnd: number, compiled: CompiledAnswers): boolean {
  const { tokens } = prepared;
  const sensations = mentions(compiled.sensations, prepared, false);
  return mentions(compiled.losses, prepared, false).some((m) => {
    if (m.span.start < leading.span.start || m.span.start > leading.span.end || m.span.start > firstEnd) return false;
    if (compiled.lossDenied.has(tokens[m.span.end + 1]?.word ?? '')) return false;
    return !sensations.some((s) => s.span.start > m.span.end && s.span.start <= m.span.end + 3);
  });
}

/**
 * "yes, all normal", "yeah everything works", "absolutely fine", "yes, I can feel it": after the
 * yes, in its clause or opening the next, the person tells that all is normal. The yes affirms the
 * all-clear, not the sign; a yes read from it would be the wrong way round.
 */
function affirmsAllClear(prepared: PreparedText, found: Mention<Label>[], leading: Mention<Label>, firstEnd: number, compiled: CompiledAnswers): boolean {
  const { tokens } = prepared;
  let next = leading.span.end + 1;
  while (next < tokens.length && (compiled.fillerWords.has(tokens[next]!.word) || tokens[next]!.word === SENTENCE_BOUNDARY)) next += 1;
  const nextClause = laterClauseStarts(tokens, firstEnd)[0];
  const opensAfter = (start: number) => start === next || start === nextClause;
  if (found.some((m) => m.label === 'allClear' && ((m.span.start > leading.span.end && m.span.start <= firstEnd) || opensAfter(m.span.start)))) return true;
  return mentions(compiled.wellness, prepared, false).some((m) => opensAfter(m.span.start));
}

/**
 * At a safety question, the words before the answer that say who speaks or how they checked ("I'm
 * writing for my wife. She says no trouble", "I checked with a tissue and it feels the same"), and
 * a first clause of only "fine" or the like before an all-clear ("Honestly fine. Pee normal"), are
 * passed over. Not when an answer starts with them and makes up its clause ("she says so").
 */
function afterPreambles(prepared: PreparedText, found: Mention<Label>[], from: number, compiled: CompiledAnswers, fillers: readonly Mention<'filler'>[]): number {
  const { tokens } = prepared;
  const preambles = mentions(compiled.preambles, prepared, false);
  const skipOpeners = (at: number) => {
    let moved = true;
    while (moved) {
      moved = false;
      while (tokens[at]?.word === SENTENCE_BOUNDARY) { at += 1; moved = true; }
      const filler = fillers.find((m) => m.span.start === at);
      if (filler) { at = filler.span.end + 1; moved = true; }
    }
    return at;
  };
  const answersAt = (at: number) => {
    const end = clauseEnd(tokens, at);
    return found.some((m) => m.span.start === at && (LEADS.has(m.label) || tokens.slice(m.span.end + 1, end + 1).every((t) => compiled.fillerWords.has(t.word))));
  };
  let start = from;
  for (;;) {
    const preamble = preambles.find((m) => m.span.start === start);
    if (preamble && !answersAt(start)) {
      start = skipOpeners(preamble.span.end + 1);
      continue;
    }
    break;
  }
  // "Honestly fine. Pee normal, poo normal": the all-clear after a first clause of "fine" answers.
  const end = clauseEnd(tokens, start);
  const next = laterClauseStarts(tokens, end)[0];
  const onlyWell = end >= start && tokens.slice(start, end + 1).every((t) => compiled.wellWords.has(t.word) || compiled.fillerWords.has(t.word));
  if (onlyWell && next !== undefined && !found.some((m) => m.span.start >= start && m.span.start <= end)) {
    const at = skipOpeners(next);
    if (found.some((m) => m.span.start === at && POLARITY[m.label] === 'no' && LEADS.has(m.label))) return at;
  }
  return start;
}

/**
 * "I pee more at night, but I've always been like that, nothing new", "Just the leg thing that's
 * always there. Right calf, nothing new, nothing on the left": something longstanding, then denials
 * to the end with an all-clear among them. Not when anything recent is told before the denials
 * ("always had a weak stream but now it stops, nothing new otherwise" is no no).
 */
function longstandingThenAllClear(prepared: PreparedText, found: Mention<Label>[], compiled: CompiledAnswers): boolean {
  const { tokens } = prepared;
  const starts = [0, ...laterClauseStarts(tokens, clauseEnd(tokens, 0))].filter((at) => tokens[at]?.word !== SENTENCE_BOUNDARY);
  let first = starts.length;
  while (first > 0 && DENIAL_OPENERS.has(tokens[starts[first - 1]!]!.word)) first -= 1;
  if (first === 0 || first === starts.length) return false;
  const denialsFrom = starts[first]!;
  if (!found.some((m) => m.label === 'allClear' && m.span.start >= denialsFrom && DENIAL_OPENERS.has(tokens[m.span.start]!.word))) return false;
  if (found.some((m) => m.span.start >= denialsFrom && POLARITY[m.label] !== 'no')) return false;
  const before = (m: Mention<string>) => m.span.start < denialsFrom;
  return mentions(compiled.longstanding, prepared, false).some(before) && !mentions(compiled.recent, prepared, false).some(before);
}

/**
 * "works fine until I cough", "all normal apart from a numb patch", "I can feel everything going
 * numb": an all-clear that its own clause limits, or that a feeling follows, tells of the sign as
 * well; read as a no it would be the wrong way round, so it is not sure (the coach checks).
 */
function limitedAllClear(prepared: PreparedText, leading: Mention<Label>, firstEnd: number, compiled: CompiledAnswers): boolean {
  if (leading.label !== 'allClear') return false;
  const inRest = (m: Mention<string>) => m.span.start > leading.span.end && m.span.start <= firstEnd;
  // "no problems apart from the usual": a denial stands as before; another sign told after it is
  // the warning-sign check's to read ("no new numbness, but ..."), a feeling said in it is not.
  const denial = DENIAL_OPENERS.has(prepared.tokens[leading.span.start]?.word ?? '');
  // "it all works fine, mostly": the limit may open the next clause too.
  const next = laterClauseStarts(prepared.tokens, firstEnd)[0];
  const limits = denial ? [] : mentions(compiled.allClearLimits, prepared, false);
  return limits.some((m) => inRest(m) || m.span.start === next) || mentions(compiled.sensations, prepared, true).some(inRest);
}

/**
 * "my legs feel odd", "walking's been a bit funny lately", "my toilet habits have changed": with no
 * answer word, the first clause tells of a change, which is the sign the question asks about (a
 * yes; the coach asks the sign's own question next). Not when a denial comes before it in the
 * clause ("nothing feels odd", "my legs don't feel different"): a yes is never read from a denial.
 */
function tellsOfChange(prepared: PreparedText, found: Mention<Label>[], start: number, firstEnd: number, compiled: CompiledAnswers): boolean {
  const { tokens } = prepared;
  const changes = changesTold(prepared, compiled);
  // "not quite" in "my waterworks aren't quite right" is the change's own words, not a no.
  const inChange = (m: Mention<Label>) => changes.some((c) => m.span.start >= c.span.start && m.span.end <= c.span.end && m.span.start > c.span.start);
  if (found.some((m) => POLARITY[m.label] !== 'yes' && !inChange(m))) return false;
  // "my back feels odd but not my legs": a contrast after it may deny what the question asks about.
  if (laterClauseStarts(tokens, firstEnd).some((at) => compiled.contrastWords.has(tokens[at]!.word))) return false;
  return changes.some((m) => {
    if (m.span.start < start || m.span.start > firstEnd) return false;
    return !tokens.slice(start, m.span.start).some((t) => compiled.gapDenials.has(t.word) || DENIAL_OPENERS.has(t.word));
  });
}

/**
 * "I'm a bit constipated from the painkillers but I can feel when I need to go", "sex is off the
 * cards because it hurts my back, but the feeling is all normal": with no answer word, a look-alike
 * given its cause, then an all-clear that ends the message after a contrast, is a no. Never when a
 * feeling, a loss, a change, something that happened or anything recent is told before it, nor when
 * the all-clear is of the rest only ("otherwise normal"): those tell of the sign, or may.
 */
function explainedThenAllClear(prepared: PreparedText, found: Mention<Label>[], compiled: CompiledAnswers): boolean {
  const { tokens } = prepared;
  let last = tokens.length - 1;
  while (last > 0 && tokens[last]!.word === SENTENCE_BOUNDARY) last -= 1;
  const endsWithThough = tokens[last]?.word === 'though';
  // The clause the all-clear is in: opened by a contrast, or ended by "though".
  const starts = laterClauseStarts(tokens, clauseEnd(tokens, 0));
  const clauseStart = starts.at(-1);
  if (clauseStart === undefined) return false;
  const opensWithContrast = compiled.contrastWords.has(tokens[clauseStart]!.word);
  if (!opensWithContrast && !endsWithThough) return false;
  const allClear = found.find((m) => m.label === 'allClear' && m.span.start >= clauseStart);
  if (!allClear) return false;
  // Nothing after the all-clear but its clause's own words (fillers, "though", "and there's no accidents").
  if (found.some((m) => m.span.start >= clauseStart && POLARITY[m.label] !== 'no')) return false;
  if (found.some((m) => m.span.start < clauseStart && (LEADS.has(m.label) && m.label !== 'allClear' || m.label === 'unsure'))) return false;
  const before = (m: Mention<string>) => m.span.start < clauseStart;
  if (!mentions(compiled.explanations, prepared, false).some(before)) return false;
  if (mentions(compiled.recent, prepared, false).some(before) || mentions(compiled.admissions, prepared, false).some(before)) return false;
  if (mentions(compiled.explainedSigns, prepared, false).some(before)) return false;
  if (mentions(compiled.sensations, prepared, false).length > 0 || mentions(compiled.losses, prepared, false).length > 0) return false;
  if (changesTold(prepared, compiled).length > 0 || mentions(compiled.exceptions, prepared, false).length > 0) return false;
  return mentions(compiled.allClearLimits, prepared, false).every((m) => m.span.start < allClear.span.start && m.span.start < clauseStart);
}

/**
 * "Did the tissue thing. Left side of my bum feels like nothing, right is normal": a check made for
 * the question opens the message, and with no answer word after it a feeling lost is told
 * (`sensations`, not denied): that is a yes. The check confines it to what the question asks.
 */
function checkedThenLoss(prepared: PreparedText, found: Mention<Label>[], from: number, compiled: CompiledAnswers): boolean {
  const check = mentions(compiled.checks, prepared, false).find((m) => m.span.start === from);
  if (!check) return false;
  // Told as now, read as the warning-sign check reads it: "it was numb last week but that's gone" is resolved.
  const lost = mentions(compiled.sensations, prepared, true).filter((m) => m.span.start > check.span.end && spanContext(prepared.tokens, m.span, compiled.sensations.negation, true) === 'affirmed');
  // A no or doubt decides otherwise; an all-clear of another part may stand beside it ("right is
  // normal"), and so may the words of the loss itself ("nothing" in "feels like nothing").
  const inLoss = (m: Mention<Label>) => lost.some((l) => m.span.start >= l.span.start && m.span.end <= l.span.end);
  const inCheck = (m: Mention<Label>) => m.span.start >= check.span.start && m.span.end <= check.span.end;
  if (found.some((m) => POLARITY[m.label] !== 'yes' && m.label !== 'allClear' && !inLoss(m) && !inCheck(m))) return false;
  // "feels like nothing is wrong": an all-clear that begins inside the loss's words undoes it.
  if (found.some((m) => m.label === 'allClear' && lost.some((l) => m.span.start >= l.span.start && m.span.start <= l.span.end))) return false;
  if (mentions(compiled.resolved, prepared, false).some((m) => m.span.start > check.span.end)) return false;
  return lost.length > 0;
}

/** The message asks what the question's own words mean ("what do you mean by different?", yes-no.yaml `wording`). */
export function asksAboutWording(text: string, lexicon: Lexicon): boolean {
  const compiled = compileAnswers(lexicon);
  return mentions(compiled.wording, prepareText(answerText(text, compiled)), false).length > 0;
}

/**
 * Nothing in the message doubts ("not sure"), says yes ("yeah I know when I need a wee"), hedges ("a bit", "sometimes"), limits
 * ("mostly", "except", "until", "most times"), tells of one part or side only ("right inner thigh
 * normal"), reports a check made for the question, guesses at its start or end ("..., I think"),
 * denies softly ("not as such") or tells the thing again in other words ("more like it's not there"),
 * or asks (a question mark): a statement that can
 * stand for a plain answer. The words are yes-no.yaml's own (`unsure`, `hedges`, `allClearLimits`,
 * `partOnly`, `checks`, `guesses`, `softNo`, `redescribed`). `partsAllowed`: one part may be the answer itself ("only my left leg" to
 * the question about both legs).
 */
export function saysPlainly(text: string, lexicon: Lexicon, partsAllowed = false): boolean {
  if (text.includes('?')) return false;
  const compiled = compileAnswers(lexicon);
  const prepared = prepareText(answerText(text, compiled));
  // A yes word anywhere ("yeah I know when I need a wee") affirms: never read as a no (affirmsAllClear).
  const doubt = (mentions(compiled.yesNo.symptom, prepared, false) as Mention<Label>[]).some((m) => m.label === 'unsure' || m.label === 'yes');
  if (doubt || mentions(compiled.hedges, prepared, false).length > 0 || mentions(compiled.allClearLimits, prepared, false).length > 0) return false;
  if (!partsAllowed && mentions(compiled.partOnly, prepared, false).length > 0) return false;
  // A guess at the start or the end of the message is a guess at the answer.
  const tokens = prepared.tokens;
  let first = 0;
  while (first < tokens.length && tokens[first]!.word === SENTENCE_BOUNDARY) first += 1;
  let last = tokens.length - 1;
  while (last > 0 && (tokens[last]!.word === SENTENCE_BOUNDARY || compiled.fillerWords.has(tokens[last]!.word))) last -= 1;
  if (mentions(compiled.guesses, prepared, false).some((m) => m.span.start === first || m.span.end >= last)) return false;
  if (mentions(compiled.softNo, prepared, false).length > 0 || mentions(compiled.redescribed, prepared, false).length > 0) return false;
  return mentions(compiled.checks, prepared, false).length === 0;
}

/**
 * Every yes in the message only sets a condition ("only if I've overdone it in the day", yes-no.yaml
 * `conditions`, with the rest of its clause), and nothing else in it says yes, doubts, or tells of a
 * feeling lost.
 */
export function yesOnlyOnCondition(text: string, lexicon: Lexicon): boolean {
  const compiled = compileAnswers(lexicon);
  const prepared = prepareText(answerText(text, compiled));
  const conditions = mentions(compiled.conditions, prepared, false);
  if (conditions.length === 0) return false;
  const found = mentions(compiled.yesNo.symptom, prepared, false) as Mention<Label>[];
  // The condition's own clause is the condition ("only if I have overdone it": its "I have" says no yes).
  const inCondition = (m: Mention<Label>) => conditions.some((c) => m.span.start >= c.span.start && m.span.end <= clauseEnd(prepared.tokens, c.span.start));
  if (found.some((m) => (POLARITY[m.label] === 'yes' || POLARITY[m.label] === 'unsure') && !inCondition(m))) return false;
  return mentions(compiled.sensations, prepared, true).length === 0 && mentions(compiled.losses, prepared, false).length === 0;
}

/** The message tells of something recent or new ("now", "started", "since Monday"; yes-no.yaml `recent`). */
export function toldAsRecent(text: string, lexicon: Lexicon): boolean {
  const compiled = compileAnswers(lexicon);
  return mentions(compiled.recent, prepareText(answerText(text, compiled)), false).length > 0;
}

/** The message puts what it tells in the past ("felt normal last month", "used to", "years ago"; yes-no.yaml `resolved`). */
export function toldAsPast(text: string, lexicon: Lexicon): boolean {
  const compiled = compileAnswers(lexicon);
  return mentions(compiled.resolved, prepareText(answerText(text, compiled)), false).length > 0;
}

/** The sentence asks "what if" ("and if it ever jumped to the other leg as well?", yes-no.yaml `whatIf`). */
export function asksWhatIf(sentence: string, lexicon: Lexicon): boolean {
  const compiled = compileAnswers(lexicon);
  return mentions(compiled.whatIf, prepareText(answerText(sentence, compiled)), false).length > 0;
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
  // "not happy with that", "never ok": a yes word denied just before it is not a yes; "my bladder
  // is not normal": an all-clear with a denial inside it is none.
  // "not sure how to explain": doubt about the words, not about the answer.
  const describing = mentions(compiled.describing, prepared, false);
  const aboutWords = (span: { start: number; end: number }) => describing.some((d) => span.start >= d.span.start && span.end <= d.span.end);
  // "Never had that before" tells that what was just said is new: its "never" is no "no".
  const novelty = kind === 'symptom' ? mentions(compiled.novelty, prepared, false) : [];
  const inNovelty = (m: Mention<Label>) => POLARITY[m.label] === 'no' && novelty.some((n) => m.span.end >= n.span.start && m.span.start <= n.span.end);
  const found = (mentions(set, prepared, false) as Mention<Label>[]).filter((m) => (POLARITY[m.label] !== 'yes' || !DENYING.has(tokens[m.span.start - 1]?.word ?? '')) && !deniedAllClear(m, tokens, compiled) && !(m.label === 'unsure' && aboutWords(m.span)) && !inNovelty(m));
  const firstStart = start;
  if (kind === 'symptom') start = afterPreambles(prepared, found, start, compiled, fillers);
  const firstEnd = clauseEnd(tokens, start);
  const wholeClauseAt = (mention: Mention<Label>) => tokens.slice(mention.span.end + 1, firstEnd + 1).every((token) => compiled.fillerWords.has(token.word));
  // After a preamble the answer may sit inside a longer phrase ("she says no trouble": "no").
  const longest = found.find((m) => m.span.start === start) ?? (start > 0 && kind === 'symptom' ? leadingWordAt(set, prepared, start) : undefined);
  // "never had a problem with it": a whole-answer phrase ("never had") that is not the whole clause
  // gives way to the leading word it starts with ("never").
  const fallback = longest && !LEADS.has(longest.label) && !wholeClauseAt(longest) && kind === 'symptom' ? leadingWordAt(set, prepared, start) : undefined;
  const opening = fallback ?? longest;
  // At an offer a yes or no goes on into a statement only after a plain yes/no word: "never had
  // surgery" at consent is a story, not a refusal.
  const plainWord = (m: Mention<Label>) => m.span.start === m.span.end && compiled.particles.has(tokens[m.span.start]?.word ?? '');
  // "yes please start. my knee hurts": a longer yes phrase ("yes please") that opens on a plain word
  // and does not make up its clause still leads with that word, so the rest of the clause is read
  // as an offer's agreement is ("please start" agrees; "yes please my back hurts" does not).
  const openingWord = opening && compiled.particles.has(tokens[opening.span.start]?.word ?? '') ? { label: opening.label, span: { ...opening.span, end: opening.span.start, gapTokens: [] } } : undefined;
  const leading = opening && kind === 'offer' && (opening.label === 'yes' || opening.label === 'no') && !plainWord(opening) && !wholeClauseAt(opening) ? openingWord : opening;
  // Doubt in the first clause wins ("I'm not sure", "no idea"): a guessed answer to a safety question is the worst misreading.
  // "cant say, I havent paid attention": a phrase run on over a comma ("can not say i have") is no
  // one answer, so the doubt of its first clause is not inside it.
  const overComma = leading !== undefined && tokens.slice(leading.span.start + 1, leading.span.end + 1).some((t) => t.afterComma);
  const insideLeading = (span: { start: number; end: number }) => leading !== undefined && !overComma && span.start >= leading.span.start && span.end <= leading.span.end && leading.label !== 'unsure';
  const possible = set.possible(prepared);
  const doubt = set.entries.some(({ label, pattern }) => label === 'unsure' && possible.has(pattern) && findSpans(pattern, prepared).some((span) => span.start <= firstEnd && !insideLeading(span) && !aboutWords(span)));
  if (doubt) return { answer: 'unsure', questionBack: false };
  // "where my bra strap goes" (no question mark) describes; "where is the middle back?" asks.
  const anyMatch = (phrases: CompiledAnswers['statements'] | CompiledAnswers['questions']) => {
    const possible = phrases.possible(prepared);
    return phrases.entries.some(({ pattern }) => possible.has(pattern) && findSpans(pattern, prepared).length > 0);
  };
  const describes = !text.includes('?') && anyMatch(compiled.statements);
  const asks = !describes && anyMatch(compiled.questions);
  const endsWithQuestion = /\?\s*$/.test(text.trim()) && !text.includes('.');

  const wholeClause = wholeClauseAt;
  // "I guess so... do I need to get on the floor? ok fine yes", "sorry if that's TMI. Let's start.":
  // at an offer, a last clause of its own that only agrees ends the message with the answer.
  if (kind === 'offer' && !/\?\s*$/.test(text.trim()) && agreesAtTheEnd(prepared, found, compiled, fillers)) return { answer: 'yes', questionBack: false };
  if (leading && (LEADS.has(leading.label) || wholeClause(leading))) {
    const inClause = found.filter((m) => m.span.start <= firstEnd && m !== leading);
    if (leading.label !== 'unsure' && inClause.some((m) => m.label === 'unsure')) return { answer: 'unsure', questionBack: false };
    const polarity = POLARITY[leading.label];
    // "sure my back hurts", "fine until I bend": at an offer a yes whose clause goes on into a statement gives no consent.
    if (kind === 'offer' && polarity === 'yes' && !offerClauseAgrees(tokens, found, leading, firstEnd, compiled, fillers)) return { questionBack: false };
    if (kind === 'offer' && polarity === 'yes' && elaboratesIntoStatement(prepared, found, firstEnd, compiled, fillers)) return { questionBack: false };
    const opposite = inClause.some((m) => POLARITY[m.label] !== polarity && POLARITY[m.label] !== 'unsure' && LEADS.has(m.label));
    if (opposite) return { questionBack: false };
    // "no feeling down there": a no word opening a loss tells of the sign; "yes, all normal": a yes
    // affirming an all-clear. Neither is read either way at a safety question; the coach checks.
    if (kind === 'symptom' && polarity === 'no' && tellsOfLoss(prepared, leading, firstEnd, compiled)) return { answer: 'unsure', questionBack: false };
    if (kind === 'symptom' && limitedAllClear(prepared, leading, firstEnd, compiled)) return { answer: 'unsure', questionBack: false };
    if (kind === 'symptom' && polarity === 'yes' && affirmsAllClear(prepared, found, leading, firstEnd, compiled)) return { answer: 'unsure', questionBack: false };
    // "kind of?", "a bit?": a hedge that makes up the first clause, asked back, is a guess at a part of
    // a yes; at a safety question that is not sure (the coach checks) when only vague words follow
    // ("kind of? it starts ok but I never feel done" tells of the sign, and stays a yes).
    if (kind === 'symptom' && polarity === 'yes' && askedBack(text) && wholeClause(leading) && onlyVagueAfter(prepared, found, firstEnd, compiled) && mentions(compiled.hedges, prepared, false).some((m) => m.span.start <= leading.span.start && m.span.end >= leading.span.end)) return { answer: 'unsure', questionBack: false };
    // Taken back or qualified: on a safety question that is "not sure" (the coach checks with the
    // person); an offer is simply asked again.
    if (takenBack(prepared, found, firstEnd, leading.label, kind, compiled, leading.span.start)) return kind === 'symptom' ? { answer: 'unsure', questionBack: false } : { questionBack: false };
    // "I don't think so? not sure": doubt said straight after the answer.
    // "not now, maybe after tea": at an offer, doubt with more words after a decline suggests another time; the no stands.
    const suggestsLater = kind === 'offer' && polarity === 'no' && laterClauseStarts(tokens, firstEnd).every((at) => !found.some((m) => m.label === 'unsure' && m.span.start === at && m.span.end >= clauseEnd(tokens, at)));
    if (!suggestsLater && doubtAfter(prepared, found, firstEnd, askedBack(text), compiled, leading.label)) return { answer: 'unsure', questionBack: false };
    return { answer: polarity, questionBack: false, ...(leading.label === 'allClear' && !DENIAL_OPENERS.has(tokens[leading.span.start]?.word ?? '') ? { allClear: true } : {}) };
  }
  // "so maybe 2 kilos?" doubts an answer and "lower back, why?" asks only after it; "one side of
  // what, my back?" asks from its first clause, though it does not start like a question.
  const firstClauseAsks = tokens.slice(start, firstEnd + 1).some((token) => QUESTION_WORDS.has(token.word));
  const doubtOnly = !asks && !firstClauseAsks;
  // "I said yes on the last screen, so yes": the answer concluded at the end.
  const concluded = concludedAnswer(prepared, found, compiled);
  if (concluded && !asks && !endsWithQuestion) return { answer: concluded, questionBack: false };
  if (asks || endsWithQuestion) return { questionBack: true, ...(doubtOnly ? { markOnly: true } : {}) };
  // "um it's a bit embarrassing but yes, it does feel numb": at a safety question the answer may
  // open a later clause. Not at an offer: consent needs its yes up front, never after a statement.
  const later = kind === 'symptom' ? laterOpener(prepared, found, firstEnd, compiled) : undefined;
  if (later) return { answer: later, questionBack: false };
  if (kind === 'symptom' && longstandingThenAllClear(prepared, found, compiled)) return { answer: 'no', questionBack: false };
  if (kind === 'symptom' && explainedThenAllClear(prepared, found, compiled)) return { answer: 'no', questionBack: false };
  if (kind === 'symptom' && checkedThenLoss(prepared, found, firstStart, compiled)) return { answer: 'yes', questionBack: false };
  if (kind === 'symptom' && tellsOfChange(prepared, found, start, firstEnd, compiled)) return { answer: 'yes', questionBack: false, told: true };
  // A short answer: "I do", "is correct", "nothing new", "hard to say".
  const wordCount = tokens.slice(start).filter((token) => token.word !== SENTENCE_BOUNDARY).length;
  if (wordCount > SHORT_ANSWER_WORDS || tokens.some((token) => token.word === SENTENCE_BOUNDARY)) return { questionBack: false };
  const polarities = new Set(found.filter((m) => LEADS.has(m.label) || m.span.end >= firstEnd).map((m) => POLARITY[m.label]));
  if (polarities.has('unsure')) return { answer: 'unsure', questionBack: false };
  if (polarities.size !== 1) return { questionBack: false };
  const counted = found.filter((m) => LEADS.has(m.label) || m.span.end >= firstEnd);
  const allClear = counted.every((m) => m.label === 'allClear' && !DENIAL_OPENERS.has(tokens[m.span.start]?.word ?? ''));
  return { answer: [...polarities][0]!, questionBack: false, ...(allClear ? { allClear: true } : {}) };
}
