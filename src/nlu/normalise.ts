/**
 * Turns a free-text message into plain lower-case word tokens that content patterns can match.
 * People type fast and on phones: curly apostrophes, missing apostrophes ("cant", "dont"),
 * accents and mixed case must all end up the same, and "can't" must read as "can not" so a
 * pattern or a negation rule only has one spelling to know.
 */

/** A word of the message, or the sentence boundary marker `.`. */
export interface Token {
  /** Normalised word (letters and digits only), or `.` for a sentence boundary. */
  word: string;
  /** Offsets into the original text, so a detection can quote the person's own words. */
  start: number;
  end: number;
  /** A comma, colon, dash or bracket came right before this word: a possible clause break. */
  afterComma: boolean;
  /** On a sentence boundary: a question mark ended the sentence ("legs giving way? no, ..."). */
  asks?: true;
}

export const SENTENCE_BOUNDARY = '.';

/**
 * Contractions with and without the apostrophe (not "ill" or "id": those are words too).
 * This is English grammar, not clinical content, which is why it lives in code: every pattern
 * and negation rule relies on it being the same.
 */
const CONTRACTION_LIST: Readonly<Record<string, string>> = {
  cant: 'can not', cannot: 'can not', wont: 'will not', dont: 'do not', doesnt: 'does not',
  didnt: 'did not', isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not',
  havent: 'have not', hasnt: 'has not', hadnt: 'had not', couldnt: 'could not',
  wouldnt: 'would not', shouldnt: 'should not', aint: 'is not', mustnt: 'must not',
  im: 'i am', ive: 'i have', youre: 'you are', theyre: 'they are',
  thats: 'that is', theres: 'there is', whats: 'what is', hes: 'he is', shes: 'she is',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', dunno: 'do not know',
  // text-speak and slips seen in messages
  cnt: 'can not', carnt: 'can not', cudnt: 'could not', cldnt: 'could not', coudnt: 'could not', wudnt: 'would not',
  shudnt: 'should not', dnt: 'do not', didint: 'did not', dosnt: 'does not', dosent: 'does not', doesent: 'does not',
  havnt: 'have not', hvnt: 'have not', hant: 'have not', wasent: 'was not', isent: 'is not',
  // text-speak words, too short for the spelling corrector: "couldn't finish, if u know what i mean", "b4 it was fine"
  u: 'you', ur: 'your', b4: 'before', nite: 'night', tonite: 'tonight', '2nite': 'tonight', '2day': 'today', yday: 'yesterday',
  '2moro': 'tomorrow', tmrw: 'tomorrow',
  // short words typed as they sound, too short for the spelling corrector: "cant feal anything wen i wipe"
  wen: 'when', feal: 'feel', feeel: 'feel', fele: 'feel',
  // Scots: "I cannae pee", "it didnae come", "naethin comes"
  cannae: 'can not', canna: 'can not', couldnae: 'could not', didnae: 'did not', didna: 'did not', dinnae: 'do not',
  dinna: 'do not', doesnae: 'does not', wouldnae: 'would not', willnae: 'will not', winnae: 'will not', wisnae: 'was not',
  wasnae: 'was not', isnae: 'is not', hasnae: 'has not', havnae: 'have not', havenae: 'have not', naethin: 'nothing',
  nothin: 'nothing', nuthin: 'nothing',
  "can't": 'can not', "won't": 'will not', "shan't": 'shall not', "ain't": 'is not',
  "i'm": 'i am', "it's": 'it is', "i'd": 'i would', "let's": 'let us',
};
// A Map, not the object: "constructor" or "toString" typed by a person must not find Object's methods.
const CONTRACTIONS: ReadonlyMap<string, string[]> = new Map(Object.entries(CONTRACTION_LIST).map(([word, expansion]) => [word, expansion.split(' ')]));

/**
 * Text-speak "da" is "the" ("i wet da bed last nite"), but after an owner it is Irish and Northern English for "dad"
 * ("me da can't pee", "my da had cancer"), kept as the word and read as another person (context.yaml `otherPeople`).
 */
const DAD_OWNERS = new Set(['my', 'me', 'our', 'his', 'her', 'your', 'ur', 'their', 'yer']);
const theOrDad = (previous: string | undefined) => (previous !== undefined && DAD_OWNERS.has(previous) ? 'da' : 'the');

/**
 * Text-speak "r" is "are" after a plural or a pronoun that takes it ("my legs r both on fire", "u r", "they r"), and
 * stays as typed elsewhere, where it is most often "right" ("my r leg", "his r knee").
 */
const ARE_AFTER = new Set(['you', 'we', 'they', 'there', 'these', 'those', 'who', 'what', 'how', 'where', 'why', 'both', 'all']);
const NOT_PLURAL = new Set(['his', 'hers', 'its', 'ours', 'yours', 'theirs', 'is', 'was', 'has', 'does', 'this', 'us', 'plus', 'bus', 'yes', 'less', 'across']);
const areOrR = (previous: string | undefined) =>
  previous !== undefined && (ARE_AFTER.has(previous) || (previous.length > 3 && previous.endsWith('s') && !previous.endsWith('ss') && !NOT_PLURAL.has(previous))) ? 'are' : 'r';

/** The pronouns whose "'s" means "is" rather than a possessive. */
const IS_CONTRACTED = new Set(['it', 'that', 'there', 'what', 'he', 'she', 'here', 'who', 'where']);

/**
 * After a name or a noun ("Mum's", "my dad's", "the wife's"), a "'s" before one of these past participles is "has",
 * not a possessive: "Mum's lost loads of weight", "Dad's been on steroids for years", "my husband's had two falls".
 * Only words that are verbs there; "Mum's right calf", "Dad's broken hip" and "his wife's wet coat" stay possessives.
 */
const HAS_BEFORE = new Set(['been', 'got', 'gotten', 'gone', 'had', 'lost', 'started', 'stopped', 'begun', 'become', 'developed', 'fallen', 'noticed', 'complained', 'mentioned', 'said', 'told', 'kept', 'needed', 'struggled', 'taken', 'gained', 'tried']);

/** Who "'d" means "would" after ("I'd", "she'd"); after another word it is a past tense ("pee'd myself" is "peed"). */
const WOULD_AFTER = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it', 'that', 'who', 'there', 'what', 'where', 'how', 'this']);

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ["n't", ' not'], ["'ve", ' have'], ["'re", ' are'], ["'ll", ' will'], ["'d", ' would'], ["'m", ' am'],
];

/** Expands one raw word (lower case, straight apostrophes) into one or more plain words. */
export function expandWord(raw: string): string[] {
  const direct = CONTRACTIONS.get(raw);
  if (direct !== undefined) return [...direct];
  // The common case, a plain word: nothing to expand (checked first, it is most words of a message).
  if (!raw.includes("'") && !raw.includes('.')) return raw.length > 0 ? [raw] : [];
  // "38.5" is one number, not two sentences: read it as "38 point 5".
  if (/^\d+\.\d+$/.test(raw)) return raw.replace('.', ' point ').split(' ');
  if (raw.endsWith("'d") && raw.length > 2 && !WOULD_AFTER.has(raw.slice(0, -2)) && /^[a-z]+$/.test(raw.slice(0, -2))) {
    const base = raw.slice(0, -2);
    return [base.endsWith('e') ? `${base}d` : `${base}ed`];
  }
  for (const [suffix, replacement] of SUFFIXES) {
    if (raw.endsWith(suffix) && raw.length > suffix.length) {
      return `${raw.slice(0, -suffix.length)}${replacement}`.replace(/'/g, '').split(' ');
    }
  }
  if (raw.endsWith("'s")) {
    const base = raw.slice(0, -2);
    return IS_CONTRACTED.has(base) ? [base, 'is'] : [base.replace(/'/g, '')];
  }
  return [raw.replace(/'/g, '')].filter((word) => word.length > 0);
}

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, no accents, straight apostrophes: "Can’t" and "can't" become the same. */
export function foldText(text: string): string {
  // Plain ASCII, most messages: decomposing finds nothing to strip, and "`" is the only quote to straighten.
  if (ASCII.test(text)) {
    const lower = text.toLowerCase();
    return lower.includes('`') ? lower.replace(/`/g, "'") : lower;
  }
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

const [DOT, BANG, QUESTION, SEMICOLON, NEWLINE, A, Z, ZERO, NINE] = ['.', '!', '?', ';', '\n', 'a', 'z', '0', '9'].map((char) => char.charCodeAt(0)) as [number, number, number, number, number, number, number, number, number];

const [APOSTROPHE, COMMA, COLON, OPEN, CLOSE, EN_DASH, EM_DASH, HYPHEN] = ["'", ',', ':', '(', ')', '\u2013', '\u2014', '-'].map((char) => char.charCodeAt(0)) as [number, number, number, number, number, number, number, number];
const SPACE = /\s/;

const isDigit = (code: number) => code >= ZERO && code <= NINE;
const isLetter = (code: number) => code >= A && code <= Z;
const isSentenceEnd = (code: number) => code === DOT || code === BANG || code === QUESTION || code === SEMICOLON || code === NEWLINE;

/**
 * Where the piece starting at `at` ends, or -1 when none starts there. The pieces, tried in this
 * order as a regex would (`\d+\.\d+|[a-z0-9]+(?:'[a-z]+)*|[.!?;\n]+|[,:()\u2013\u2014]|\s-\s`): a
 * decimal number, a word with inner apostrophes, a run of sentence ends, one clause mark, a
 * spaced dash. Read by character codes: a regex match allocates an array for every word.
 */
function pieceEnd(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (isDigit(code) || isLetter(code)) {
    let end = at + 1;
    while (end < text.length && (isDigit(text.charCodeAt(end)) || isLetter(text.charCodeAt(end)))) end += 1;
    if (isDigit(code)) {
      // "38.5": digits, a point, digits (only a run of digits before the point).
      let digits = at + 1;
      while (digits < text.length && isDigit(text.charCodeAt(digits))) digits += 1;
      if (text.charCodeAt(digits) === DOT && isDigit(text.charCodeAt(digits + 1))) {
        let decimal = digits + 2;
        while (decimal < text.length && isDigit(text.charCodeAt(decimal))) decimal += 1;
        return decimal;
      }
    }
    while (text.charCodeAt(end) === APOSTROPHE && isLetter(text.charCodeAt(end + 1))) {
      end += 2;
      while (end < text.length && isLetter(text.charCodeAt(end))) end += 1;
    }
    return end;
  }
  if (isSentenceEnd(code)) {
    let end = at + 1;
    while (end < text.length && isSentenceEnd(text.charCodeAt(end))) end += 1;
    return end;
  }
  if (code === COMMA || code === COLON || code === OPEN || code === CLOSE || code === EN_DASH || code === EM_DASH) return at + 1;
  if (text.charCodeAt(at + 1) === HYPHEN && at + 2 < text.length && SPACE.test(text[at]!) && SPACE.test(text[at + 2]!)) return at + 3;
  return -1;
}

/** A run of two or more dots (only dots) followed, after spaces, by a lower-case letter as typed. */
function pausesSentence(text: string, folded: string, piece: string, end: number): boolean {
  if (piece.length < 2 || text.length !== folded.length) return false;
  for (let k = 0; k < piece.length; k += 1) if (piece.charCodeAt(k) !== DOT) return false;
  let next = end;
  while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next += 1;
  return isLetter(text.charCodeAt(next));
}

/**
 * Splits text into tokens. Sentence ends collapse into one `.` token; never a leading or
 * trailing one, so a pattern anchored to the start or end of the message still works.
 */
export function tokenise(text: string): Token[] {
  const folded = foldText(text);
  const tokens: Token[] = [];
  let afterComma = false;
  // The token before is a name or noun with "'s" read as a possessive (`HAS_BEFORE`).
  let possessive = false;
  for (let at = 0; at < folded.length; ) {
    const start = at;
    const end = pieceEnd(folded, at);
    if (end < 0) {
      at += 1;
      continue;
    }
    at = end;
    const piece = folded.slice(start, end);
    // Which kind of piece it is shows in the first character alone.
    const first = piece.charCodeAt(0);
    if (first === DOT || first === BANG || first === QUESTION || first === SEMICOLON || first === NEWLINE) {
      // "Down there feels a bit... different?": dots trailing off before a word in lower case are a pause in the
      // sentence, read as a comma ("Legs... Both. Weak." and "I tried... Nothing." keep their sentence ends)
      if (pausesSentence(text, folded, piece, end)) {
        afterComma = true;
        continue;
      }
      if (tokens.length > 0 && tokens[tokens.length - 1]?.word !== SENTENCE_BOUNDARY) {
        tokens.push({ word: SENTENCE_BOUNDARY, start, end, afterComma: false });
      }
      const last = tokens[tokens.length - 1];
      if (piece.includes('?') && last?.word === SENTENCE_BOUNDARY) last.asks = true;
      afterComma = false;
      continue;
    }
    if (!((first >= A && first <= Z) || (first >= ZERO && first <= NINE))) {
      afterComma = true;
      continue;
    }
    // Most words are plain: no contraction, apostrophe or decimal point to expand (as in expandWord).
    if (!CONTRACTIONS.has(piece) && !piece.includes("'") && !piece.includes('.')) {
      const owner = tokens[tokens.length - 1];
      if (possessive && !afterComma && owner !== undefined && owner.word !== SENTENCE_BOUNDARY && HAS_BEFORE.has(piece)) {
        tokens.push({ word: 'has', start: owner.start, end: owner.end, afterComma: false });
      }
      possessive = false;
      const word = piece === 'da' ? theOrDad(owner?.word) : piece === 'r' ? areOrR(owner?.word) : piece;
      tokens.push({ word, start, end, afterComma });
      afterComma = false;
      continue;
    }
    const words = expandWord(piece);
    for (const word of words) {
      tokens.push({ word, start, end, afterComma });
      afterComma = false;
    }
    possessive = piece.endsWith("'s") && words.length === 1 && !CONTRACTIONS.has(piece);
  }
  while (tokens.length > 0 && tokens[tokens.length - 1]?.word === SENTENCE_BOUNDARY) tokens.pop();
  return tokens;
}

/** The words of a short phrase (a pattern word, a trigger), normalised the same way as messages. */
export function phraseWords(phrase: string): string[] {
  return tokenise(phrase)
    .map((token) => token.word)
    .filter((word) => word !== SENTENCE_BOUNDARY);
}
