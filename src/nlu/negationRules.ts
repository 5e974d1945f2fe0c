/**
 * NegEx-style context rules (after Chapman et al. 2001, and ConText for who the experience
 * belongs to). These are rules of English, not clinical content: they decide whether a matched
 * phrase is said to be present, and they are the same for every red flag.
 *
 * Safety bias: a wrongly negated warning sign is the worst error, so scopes are short, they stop
 * at every clause break, and anything that reads like a symptom stated with "not" ("no longer
 * able to", "not always") is a pseudo-negation, not a negation.
 */

export interface NegationRules {
  /** Words before a phrase that deny it ("no", "never", "haven't"), or frame it as not real ("what if"). */
  before: string[];
  /**
   * Words right after a phrase that deny it ("is fine", "has gone"). Trailing `$`: must end the
   * sentence, because "the tingling has gone" is over but "has gone to both legs" has spread.
   */
  after: string[];
  /** Look like negations but are not ("no longer", "not only", "not sure"). */
  pseudo: string[];
  /** Words that end a negation's reach ("but", "although"). */
  terminators: string[];
  /** Words that open a new clause after a comma or a conjunction ("..., I can't"). */
  clauseStarters: string[];
  conjunctions: string[];
  /**
   * A denial reaches past a comma only into a list ("no numbness, tingling or weakness"); a
   * comma segment without one of these is a new statement ("no leg pain, numb bum though").
   */
  listWords: string[];
  /** Other people: "my mum had cancer" is not the person's own history. */
  otherPeople: string[];
  firstPerson: string[];
  /** "... and so did I": the experience is the person's too. */
  sharedWithMe: string[];
  /** How many words a negation before a phrase reaches; after a phrase. */
  beforeReach: number;
  afterReach: number;
}

export const NEGATION_RULES: NegationRules = {
  before: [
    'no', 'not', 'never', 'without', 'nothing', 'none', 'nor', 'neither', 'deny', 'denies',
    'free of', 'absence of', 'ruled out', 'no sign of', 'no signs of', 'negative for',
    // hypothetical or reported-as-a-question frames
    'what if', 'in case', 'look out for', 'looking out for', 'watch out for', 'watch for', 'warned me about',
    'told me to watch', 'asked if', 'asked me if', 'asked whether', 'asked me whether', 'asked about',
    'checked for', 'tested for', 'could it be', 'could this be', 'might it be', 'worried it is',
    'worried that it is', 'scared it is', 'afraid it is', 'in the event of',
  ],
  after: [
    'is fine', 'are fine', 'feels fine', 'feel fine', 'is normal', 'are normal', 'feels normal', 'feel normal',
    'is ok', 'are ok', 'is okay', 'are okay', 'all fine', 'all good', 'all normal', 'is gone$', 'has gone$', 'have gone$',
    'is gone now', 'has gone now', 'has gone away', 'have gone away', 'went away', 'gone away', 'has resolved', 'have resolved', 'cleared up', 'no problem',
    'no problems', 'not a problem', 'not an issue', 'no issues', 'is not an issue',
    'no$', 'none$', 'nope$', 'never$', 'not really$',
  ],
  pseudo: [
    'no longer', 'not only', 'not just', 'not sure', 'not certain', 'no idea', 'not even', 'no matter',
    'not always', 'not quite', 'not fully', 'not completely', 'not properly', 'not totally', 'not entirely',
    'whether or not', 'if not', 'not to mention', 'no doubt', 'nothing but', 'not able', 'not normal',
    'not right', 'not working', 'not as', 'not much', 'not like', 'no one', 'no way',
    // "without" describing how it happened, not denying it: "without any warning I wet myself"
    'without warning', 'without any warning', 'without realising', 'without realizing', 'without knowing',
    'without feeling', 'without noticing', 'without meaning', 'without trying',
    // "No" as an interjection answering the coach, followed by the person's own sentence
    'no i', 'no my', 'no it', 'no its', 'no the', 'no that', 'no this', 'no there', 'no actually', 'no wait',
    'no sorry', 'no but', 'no and', 'no now', 'no well', 'no just', 'no yes', 'no im', 'no ive',
  ],
  terminators: [
    'but', 'however', 'although', 'though', 'except', 'apart', 'yet', 'whereas', 'because', 'cos', 'cause',
    'which', 'otherwise', 'still', 'now', 'besides', 'instead', 'else', 'everything', 'other',
  ],
  clauseStarters: ['i', 'my', 'it', 'there', 'we', 'me', 'this', 'that', 'when', 'then', 'and', 'also', 'sometimes', 'today', 'yesterday', 'lately', 'recently', 'just', 'only', 'now', 'though'],
  listWords: ['or', 'nor', 'and'],
  conjunctions: ['and', 'or', 'so', 'also', 'then', 'plus', 'while'],
  otherPeople: [
    'mum', 'mom', 'mother', 'dad', 'father', 'brother', 'sister', 'wife', 'husband', 'partner', 'son', 'daughter',
    'friend', 'aunt', 'auntie', 'uncle', 'grandma', 'grandmother', 'grandad', 'granddad', 'grandfather', 'grandpa',
    'nan', 'nana', 'gran', 'cousin', 'colleague', 'neighbour', 'neighbor', 'family', 'parents', 'boyfriend',
    'girlfriend', 'he', 'she', 'they', 'his', 'her', 'their',
  ],
  firstPerson: ['i', 'me', 'my', 'myself', 'mine'],
  sharedWithMe: ['so did i', 'so have i', 'as did i', 'me too', 'i did too', 'i have too', 'i had too', 'i have it too', 'i had it too', 'and me', 'i also', 'and i'],
  beforeReach: 6,
  afterReach: 3,
};
