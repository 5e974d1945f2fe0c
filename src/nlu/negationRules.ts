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
  /** Before a phrase, within the sentence: it is a "what if", not a statement ("what should I do if I can't pee"). */
  hypothetical: string[];
  parserHypothetical: string[];
  /** A fear or an imagining, then (words between) a future "will", "might": "scared every time I go that I won't be able to go". */
  fearOfFuture: string[];
  /** Before "is" and a sign told as "-ing": the thing feared ("my biggest fear is wetting myself in the supermarket one day"). */
  fearIs: string[];
  /** Like `hypothetical`, but only in the sign's own comma clause: "I'm worried about getting worse, my legs are both weak now" is a disclosure. */
  hypotheticalInClause: string[];
  /** In the sign's own comma clause, after a frame in an earlier one: it is so now (`nowInOwnClause`). */
  stillNowHere: string[];
  futureModals: string[];
  /** A sentence starting with one of these asks about a possibility ("would a fever mean..."). */
  hypotheticalAtStart: string[];
  /**
   * Before a phrase, in a sentence with no "I" or "my": a question about the sign in general ("why would
   * numbness between the legs be serious?"). With them it is a disclosure asked as a question ("why
   * would the area round my anus feel numb??").
   */
  generalQuestion: string[];
  hypotheticalAfter: string[];
  generalAfter: string[];
  asker: string[];
  affirmedNext: string[];
  askingAbout: string[];
  affirmedLater: string[];
  /** "if" right after one of these belongs to the disclosure ("not sure if my bladder is empty"). */
  notHypotheticalIf: string[];
  /** Right after a phrase: it was there and is over ("the tingling has gone"); the sign is asked about again. */
  resolvedAfter: string[];
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
  /** Among the other people, never the patient, whatever the tense ("my dog keeps wetting the floor", "my toddler has been wetting the bed"). */
  neverThePatient: string[];
  /** A young child named in more than one word, never the patient: "my little one wet the bed last night" (in the sign's own clause). */
  youngChild: string[];
  firstPerson: string[];
  /** Before "me", a place or a likeness: "the guy in the bed next to me" is not the writer's own. */
  besideMe: string[];
  /** Before "my", after another person: where they are from ("a chap at my support group", "a lady in my class"). */
  placeBeforeMy: string[];
  /** People the writer does not write for: their sign is their own story ("a lady in my group said she wet herself"). */
  acquaintances: string[];
  /** The writer says plainly that it is someone else's sign they are passing on for them ("I'm typing for my dad"). */
  writingFor: string[];
  /** Anywhere in the message, after another person's sign: the writer does not have it ("..., I'm fine though"). */
  notMe: string[];
  /**
   * The writer tells of their own case ("mine's only the one leg", "when my back goes"): they are the patient, and another
   * person's sign told beside it is that person's own, not written for them.
   */
  ownCase: string[];
  /** Later in the sign's sentence, after it: the writer says they do not have it ("my friend said to ask about numbness in my bottom but I don't have that"). */
  deniedLater: string[];
  deniedLaterTail: string[];
  /** Between a sign and a later "I don't have that": another's view, not the writer's denial ("the GP thinks I don't have it"). */
  someoneElsesView: string[];
  /** Right after a sign that ends on "are" or "feel": all is well ("both legs are fine", "both legs are strong"). */
  wellAfter: string[];
  /** Like `ownCase`, but only in a sentence of its own that names nobody else ("My dad wears pads now. My back's slowly getting better."). */
  ownCaseAlone: string[];
  /** Before "gone": what is lost, not an episode over ("the feeling's gone", "my strength has gone"). */
  lostWhenGone: string[];
  /** Anywhere later in the sign's sentence about the past, however far: an unmistakable recovery ("it's been fine ever since"). */
  resolvedAnywhere: string[];
  /** Like `resolvedAnywhere`, but only for a sign that names no loss: "leaked when I coughed ..., not happened since" is over, "couldn't wee ..., nothing's happened since" is not. */
  resolvedAnywhereUnlessLoss: string[];
  /** In the sentence after a sign about the past, a first comma part telling of it being looked at ("saw the neurologist, it's better now"): the all-clear after it opens that sentence. */
  lookedAt: string[];
  /** Anywhere in the message: the sign is not new ("Not new, no. I've an enlarged prostate..."), unless its sentence says it is now (`newNow`). */
  /** In the sign's sentence: it goes on, so no recovery far after it ends it. */
  stillGoing: string[];
  notNew: string[];
  newNow: string[];
  /** For the next sentence's "fine once I got out": the sign's sentence is about the past. */
  pastForNext: string[];
  /** Who has it is left open, whatever "I" is in the sentence ("my partner and I, one of us, ..."). */
  unclearWho: string[];
  /** With another person named: signs that the person is the patient, written for by a carer ("he can't feel when he goes", "since his surgery"). */
  carerMarkers: string[];
  /** Anyone at all, with no "I" or "my": a question about the sign in general ("is it serious if you lose control of your bladder?"). */
  generic: string[];
  /** Someone else said it, and no "I" or "my": unclear whose symptom it is ("numb down there, they said"). */
  hearsay: string[];
  /** After a phrase, in its sentence: it happened and is over. With `pastMarkers` in the sentence, or right after the phrase. */
  resolvedMarkers: string[];
  /** Like `resolvedMarkers`, but only with `pastMarkers` in the sentence, never for being close to the phrase alone. */
  resolvedMarkersInPast: string[];
  /** Anywhere in the sentence: an episode long ago ("when I was a kid I wet the bed"), unless the sentence also speaks of now (`stillNow`). */
  longAgo: string[];
  /** Anywhere in the sentence: there for years, not new ("I leak when I sneeze, I've had that since my kids were born"). */
  longStanding: string[];
  /**
   * Opening the sentence after one that ends in "?", with a comma or the sentence's end right after: the question
   * echoed and answered no ("feel like my legs give way? No, I just go slowly"). Not "no idea", "no wonder".
   */
  echoAnsweredNo: string[];
  /** Besides the one-word denials, in the echoed question: it is put in the negative, so a no may mean yes ("can't pee? No."). */
  negativeQuestion: string[];
  /** In that answer: it turns or says it is so after all ("No, everywhere actually", "no, worse than that"). */
  echoTurns: string[];
  /** Within four words after "since": a birth, so there for years ("since I had my second baby", "since the twins were born"). */
  sinceBirth: string[];
  stillNow: string[];
  pastMarkers: string[];
  /**
   * Like `pastMarkers`, but only for a marker of recovery lasting to now ("been ok since", "back to just the left"): "I leak for a
   * bit when I stand, it's fine" is a habit played down, not an episode over.
   */
  episodeMarkers: string[];
  /** Opening the next sentence, after a sign in a sentence about the past: it is over ("a few drips came out last night. Been ok today."). */
  overNext: string[];
  overNextUnlessLoss: string[];
  /** In the sign's sentence: the episode counted, so an absence after it is of the episode ("lost my balance a couple of times early on, not since"). */
  episodeCounted: string[];
  /** Before an all-clear opening a later sentence, these words still leave it about the episode or the writer ("but it", "its", "i am"). */
  overOpeners: string[];
  /**
   * After a phrase, like `resolvedMarkers`, but only for a sign that names no loss: "double vision for ten minutes, it hasn't
   * come back" is over, "I lost the feeling in my bum and it hasn't come back" is not (`lossInSign`).
   */
  resolvedUnlessLoss: string[];
  resolvedIfLoss: string[];
  absenceAfter: string[];
  /**
   * Right after a sign that tells of feeling lost and names no symptom ("couldn't feel my bum", "lost a bit of feeling"),
   * in a sentence about an episode gone by: the feeling came back ("..., but it came back"). After "numb" the "it" may be the
   * numbness, so those stay present.
   */
  feelingBack: string[];
  feelingWords: string[];
  /** A day or a month the episode is dated to: a sentence about the past ("wet myself a bit on the bus on Monday. Been dry since."). */
  datedPast: string[];
  symptomNamed: string[];
  lossInSign: string[];
  /** In a later sentence's all-clear: it is about the rest, not the sign ("Been fine otherwise", "ok apart from that"). */
  restIsFine: string[];
  /** A sign that starts with one of these and then "has gone": the limb gave way, it is not over ("both legs have gone now"). */
  limbs: string[];
  /** In the sign's own sentence: it goes on ("still", "keeps"), so the next sentence's "been ok" does not end it. */
  goesOn: string[];
  resolvedReach: number;
  /** Right before a marker of it being over, one or two words back: it is not over ("the numbness hasn't worn off", "it never went away"). */
  notOver: string[];
  /** "... and so did I": the experience is the person's too. */
  sharedWithMe: string[];
  /**
   * A side or the other one of a pair: an all-clear said of one side is not said of the sign on the other ("left side of my
   * bum feels like nothing, right is normal", "left inner thigh normal, right side I barely feel").
   */
  sides: string[];
  /** In the sign itself: it is about both of a pair, so an all-clear of one side does take it back ("both legs tingle, left is fine now"). */
  pairWords: string[];
  /** How many words a negation before a phrase reaches; after a phrase. */
  beforeReach: number;
  afterReach: number;
}

export const NEGATION_RULES: NegationRules = {
  before: [
    'no', 'not', 'never', 'without', 'nothing', 'none', 'nor', 'neither', 'deny', 'denies',
    'free of', 'absence of', 'ruled out', 'no sign of', 'no signs of', 'negative for',
    // reported as checked for, or wondered about: not a statement that it is there
    // the sense working: "I can feel when my bladder is full"
    'can feel when', 'i know when', 'i can tell when', 'still feel when', 'can still feel when',
    'checked for', 'tested for', 'could it be', 'could this be', 'might it be', 'worried it is',
    'worried that it is', 'scared it is', 'afraid it is',
  ],
  hypothetical: [
    'what if', 'in case', 'look out for', 'looking out for', 'watch out for', 'watch for', 'watching for', 'warned me about',
    'told me to watch', 'told to watch', 'to watch for', 'asked if', 'asked me if', 'asked whether', 'asked me whether', 'asked about',
    'in the event of', 'if', 'if ever', 'should i ever', 'hypothetically', 'supposing', 'suppose', 'imagine', 'imagining', 'keep imagining', 'picturing', 'say if',
    'what happens when', 'what would happen', 'signs of', 'symptoms of', 'such as', 'what does', 'what do you mean',
    'what counts as', 'how would i know', 'how do i know', 'how would i tell', 'how do i tell', 'meaning of',
    'how would i even know', 'how do i even know', 'how would you know', 'how will i know', 'how would i notice',
    // a likeness, not an event: "I spilled tea on my trousers, looks like I wet myself"
    'looks like', 'look like', 'looked like',
    'might need', 'may need', 'will need', 'might have to', 'may have to', 'will have to', 'might end up', 'will end up',
    'what would count as', 'what does count as', 'what would you tell', 'what would you say to', 'what do you tell',
    // a fear of what may come: "I'm scared I'll lose bowel control", "I keep worrying I might fall"
    'scared i will', 'scared i might', 'afraid i will', 'afraid i might', 'worried i will', 'worried i might',
    'worried that i will', 'worried that i might', 'worry i will', 'worry i might', 'worrying i might', 'worrying i will',
    'worrying that i will', 'worrying that i might', 'worrying that i could', 'worrying that i may', 'scared that i will', 'terrified i will', 'terrified i might',
    'worry that i will', 'worry that i might', 'worry that i could', 'worry that i may', 'worry that i am going to', 'i worry i will',
    'worry that one day', 'worried that one day', 'scared that one day', 'one day i will', 'one day i might', 'one day i could',
    // "I'll" typed without its apostrophe: "im scared ill end up wetting myself"
    'scared ill', 'afraid ill', 'worried ill', 'terrified ill', 'frightened ill', 'worry ill', 'ill end up',
    // what a clinician brought up, not what happens: "my GP mentioned saddle numbness"
    'gp mentioned', 'doctor mentioned', 'physio mentioned', 'nurse mentioned', 'surgeon mentioned', 'consultant mentioned',
    'they mentioned', 'she mentioned', 'he mentioned', 'told me about', 'explained about',
    'terrified of losing', 'scared of losing', 'afraid of losing', 'frightened of losing', 'worried about losing', 'fear of losing',
    'terrified of ending up', 'scared of ending up', 'afraid of ending up', 'worried about ending up',
    // a question about what could come: "could I end up incontinent?", "is there a chance I'll lose feeling?"
    'could i end up', 'will i end up', 'could i become', 'will i become', 'could i lose', 'will i lose', 'am i going to',
    'is there a chance', 'is there any chance', 'should i expect', 'am i likely to', 'how likely is it',
    // what others say in general: "I've heard that some people can't pee with a bad disc"
    'i have heard that', 'i heard that', 'heard that some', 'some people',
    // what a leaflet or a web page says, not what happens: "the leaflet said calf swelling after surgery is a worry"
    'the leaflet', 'leaflet said', 'leaflet says', 'the card says', 'the card said', 'the booklet', 'the website',
    // a dream, not an event: "I dreamt I'd wet the bed, woke up totally dry"
    'i dreamt', 'i dreamed', 'dreamt i', 'dreamed i', 'dreamt that', 'dreamed that', 'in my dream', 'had a dream', 'a nightmare that',
    'been reading that', 'read online', 'read that', 'looked online', 'online it says', 'google says',
    // a question of what the signs are: "what are the signs that it's pressing on the bladder?"
    'what are the signs', 'what are signs', 'what are the symptoms', 'what would the signs be', 'what are the warning signs',
  ],
  /**
   * The hypothetical frames that were denials before mentions were told apart (issue 17). The
   * answer parsers still read them as "not an answer", exactly as before; only warning signs
   * use the wider `hypothetical` list.
   */
  parserHypothetical: [
    'what if', 'in case', 'look out for', 'looking out for', 'watch out for', 'watch for', 'warned me about',
    'told me to watch', 'asked if', 'asked me if', 'asked whether', 'asked me whether', 'asked about', 'in the event of',
  ],
  fearIs: ['fear', 'fears', 'dread', 'nightmare', 'phobia'],
  fearOfFuture: ['anxious', 'panic', 'panicking', 'panicky', 'scared', 'afraid', 'worried', 'worry', 'worrying', 'terrified', 'frightened', 'petrified', 'paranoid', 'nervous', 'dread', 'dreading', 'fear', 'fearing', 'imagining', 'picturing', 'convinced'],
  futureModals: ['will', 'might', 'may', 'going'],
  stillNowHere: ['again', 'happened', 'now', 'today', 'currently', 'already', 'at the moment', 'keep', 'keeps', 'since', 'this morning', 'tonight', 'right now', 'still'],
  hypotheticalInClause: [
    // the odds of it coming, with the asker's own "I": "what are the chances I'd lose bladder control?"
    'what are the chances', 'what is the chance', 'whats the chance', 'whats the chances', 'what are the odds', 'how likely am i', 'risk of getting',
    'chance of getting', 'chances of getting', 'worried about getting', 'worried about developing', 'worry about getting', 'risk of developing',
    // a fear of it coming, in other words: "terrified of getting numbness down there", "scared of ending up with it"
    'scared of getting', 'terrified of getting', 'afraid of getting', 'frightened of getting', 'petrified of getting', 'worried of getting',
    'scared of developing', 'terrified of developing', 'afraid of developing', 'frightened of developing',
    // a topic read up on, in its own clause only ("I read about it, I can't feel when I wee" is a disclosure): "I keep reading about numbness down below"
    'keep reading about', 'reading about', 'read about', 'reading up on', 'read up on', 'reading up about',
    // so is having read ("I read about it and now I can't feel when I wee" is a disclosure)
    'i read', 'i have read', 'i was reading', 'i have been reading',
  ],
  hypotheticalAtStart: ['would', 'hypothetically', 'suppose', 'supposing', 'say'],
  generalQuestion: [
    'why would', 'why might', 'why could', 'why does', 'why do', 'why is', 'what causes', 'what does it mean when',
    'can a', 'can an', 'can it', 'can this', 'can discs', 'could a', 'could it', 'could this', 'does a', 'does it', 'do discs',
    'is it true', 'is it possible', 'is it common', 'is it likely', 'how likely',
    'what is the chance', 'what are the chances', 'whats the chance', 'whats the chances', 'what are the odds', 'how common is it',
    // about other people with the condition: "do people with this ever get sciatica down both legs?"
    'can someone', 'can anyone', 'could someone', 'could anyone', 'does someone', 'do people', 'can people', 'do other people', 'do most people', 'do some people', 'does anyone', 'does anybody', 'has anyone', 'has anybody',
  ],
  /** After a phrase, in its sentence: a worry about oneself ("... could that happen to me?"), not a disclosure. */
  /** A sentence asking what to look out for: the example in the next sentence is asked about too ("what would be a warning sign? like numbness down below?"). */
  askingAbout: ['is that what happens', 'does that happen', 'is that what will happen', 'could that happen', 'warning sign', 'warning signs', 'red flag', 'red flags', 'what would', 'what are the', 'what should i look', 'what to look', 'look out for', 'watch out for'],
  /** The next sentence says it is so: "can a herniated disc make sex feel numb? it does now". */
  affirmedNext: [
    'it does', 'mine does', 'i do now', 'that is me', 'i have it now', 'i have that now', 'it has now', 'it is now', 'mine is',
    'because i have got it', 'because i have it', 'cos i have', 'i have got it', 'i have it', 'i have got that', 'i have that',
    // the question's "you" turned on oneself with a reason: "...need a poo? because that's me since wednesday"
    'because that is me', 'cos that is me', 'cause that is me', 'as that is me', 'that is been me', 'that has been me', 'that is what i have',
    'that is happening to me', 'it is happening to me', 'because it does', 'cos it does', 'because mine does', 'cos mine does', 'same here', 'that is me now',
  ],
  /** Later in the same sentence, the writer says it is so: "worried I might lose control of my bladder, actually I already have a bit today". */
  affirmedLater: ['i already have', 'actually i have', 'i have already', 'i have got it', 'i do have it', 'which i have', 'and i have it', 'happening to me now', 'i am having it', 'i have it now', 'because i have it'],
  /**
   * After a phrase, in a sentence with no "I" or "my" but the asker's own: a question about the sign
   * in general ("is losing bladder control a sign of something serious?").
   */
  generalAfter: [
    'a sign of', 'a warning sign', 'a red flag', 'a symptom of', 'something serious', 'something to worry about', 'something i should worry about', 'an emergency',
    'the first sign', 'the first signs', 'an early sign', 'the early signs', 'the first symptom', 'how it starts', 'how it started',
    // "is losing bladder control something that happens with a bulging disc?"
    'something that happens', 'something that can happen', 'a thing that happens', 'something that happens with', 'common with', 'normal with', 'likely with', 'usual with',
  ],
  /**
   * "I" as the one asking, not the one with the sign ("should I worry?", "I was wondering"): not a
   * first person for the questions about a sign in general, or about someone else.
   */
  asker: [
    'should i worry', 'should i be worried', 'should i be concerned', 'do i need to worry', 'do i need to know', 'do i need to',
    'i should worry', 'i should be worried', 'i need to worry', 'i should look for', 'i should look out for', 'should i look',
    'i wondered', 'i was wondering', 'i wonder', 'i just want to know', 'i want to know', 'i just wanted to know', 'can i ask',
    'may i ask', 'i was reading', 'i have been reading', 'i read', 'i have read', 'i heard', 'i have heard', 'i am curious',
    'my group', 'my forum', 'my class', 'my support group',
  ],
  hypotheticalAfter: ['if it happens', 'if that happens', 'if it ever happens', 'if that ever happens', 'happen to me', 'could i get', 'will i get', 'might i get', 'could that be me', 'am i going to get', 'could i end up'],
  notHypotheticalIf: [
    // an apology for what follows: "sorry if tmi, my flow is a dribble"
    'sorry', 'apologies', 'forgive me', 'excuse me', 'pardon me',
    'sure', 'unsure', 'know', 'knowing', 'tell', 'wonder', 'wondering', 'see', 'check', 'as', 'even', 'idea', 'ask', 'asking',
    'feel', 'notice', 'whether', 'matter', 'only', 'especially', 'realise', 'realize', 'telling', 'work out',
    'bad', 'normal', 'serious', 'worrying', 'concerning', 'dangerous',
    // a wish, not a "what if": "it would be easier if I just didn't wake up"
    'easier', 'simpler', 'better off',
    // "is it the disc if my chest hurts and I'm breathless?": a question about one's own symptoms
    'disc', 'disk',
  ],
  after: [
    'is fine', 'are fine', 'feels fine', 'feel fine', 'is normal', 'are normal', 'feels normal', 'feel normal',
    'is ok', 'are ok', 'is okay', 'are okay', 'all fine', 'all good', 'all normal', 'no problem',
    'no problems', 'not a problem', 'not an issue', 'no issues', 'is not an issue',
    'no$', 'none$', 'nope$', 'never$', 'not really$',
    // a figure of speech: "I wanted to die of embarrassment"
    'of embarrassment', 'with embarrassment', 'of shame', 'of boredom', 'laughing',
    // on the way to the loo: a full bladder that is about to be emptied, as usual
    'so i am off', 'so off to', 'so i am going to the', 'so going to the', 'brb', 'be right back', 'back in a sec',
  ],
  resolvedAfter: [
    'is gone$', 'has gone$', 'have gone$', 'is gone now', 'has gone now', 'has gone away', 'have gone away', 'went away', 'gone away',
    'has resolved', 'have resolved', 'cleared up',
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
    // "couldn't do it, feverish...": what could not be done is the exercise, not what follows
    'not do it', 'not do that', 'not do this', 'not do them', 'not do the', 'not finish', 'not manage',
    // "I suppose", "I imagine": a hedge, not a "what if"
    'i suppose', 'i imagine',
    // a numb part described: "my feet feel like they're not mine when I walk"
    'not mine', 'not my own', 'not part of me', 'not attached',
    // not knowing it happened is part of the disclosure: "I didn't know I'd wet myself"
    // not knowing how much more one can take is the despair itself: "I don't know how much more of this I can take"
    'not know how much', 'not know how long', 'not know how many more',
    'not know i', 'not realise i', 'not realize i', 'not notice i', 'not know that i', 'not realise that i', 'not notice that i',
    'not even know i', 'not even realise i', 'not even notice i',
    // a double negative of non-native English is a negative: "my private is not feeling nothing"
    'not feeling nothing', 'not feel nothing', 'not felt nothing', 'not feeling anything', 'no feel nothing',
    // "nothing helps", "nothing comes out": the sign said, not denied
    'nothing helps', 'nothing makes', 'nothing eases', 'nothing works', 'nothing comes', 'nothing came', 'nothing happens',
    'nothing happened', 'nothing will', 'nothing seems', 'nothing touches', 'nothing stops',
    'nothing relieves', 'nothing i do', 'nothing i try', 'nothing is working', 'nothing has worked', 'nothing has helped',
    // "no feeling" is the numbness itself: "no feeling and can't get hard" is two signs, not a list of denials
    'no feeling and', 'no feeling in', 'no feeling down', 'no feeling when', 'no feeling at all', 'no sensation in', 'no sensation down', 'no sensation when',
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
    'girlfriend', 'he', 'she', 'they', 'his', 'her', 'their', 'kids', 'kid', 'children', 'child', 'baby', 'niece',
    'nephew', 'grandson', 'granddaughter', 'flatmate', 'housemate', 'boss', 'stepdad', 'stepmum',
    'lady', 'woman', 'guy', 'bloke', 'fella', 'chap', 'gentleman', 'man', 'girl', 'boy', 'him', 'mrs', 'mr', 'ms',
    'hubby', 'missus', 'gf', 'bf', 'wifey', 'hubs', 'missis', 'misses', 'fiance', 'fiancee', 'toddler', 'grandchild', 'grandkids', 'stepson', 'stepdaughter',
    'dog', 'dogs', 'cat', 'cats', 'puppy', 'kitten', 'pet',
    'guy', 'bloke', 'lad', 'lads', 'fella', 'chap',
  ],
  neverThePatient: ['dog', 'dogs', 'cat', 'cats', 'puppy', 'kitten', 'pet', 'toddler', 'baby', 'babies', 'infant', 'newborn'],
  youngChild: ['little one', 'little ones', 'little un', 'little uns', 'littlun', 'littluns', 'the littlest', 'my littlest'],
  carerMarkers: [
    'now', 'since', 'keeps', 'keep', 'kept', 'today', 'tonight', 'this morning', 'currently', 'at the moment',
    'lately', 'recently', 'started', 'can not', 'could not', 'has been', 'have been', 'says', 'said', 'asked me to', 'typing for',
    'writing for', 'on behalf of', 'messaging for', 'his back', 'her back', 'his neck', 'her neck', 'his spine', 'her spine',
    'his disc', 'her disc', 'his surgery', 'her surgery', 'his operation', 'her operation', 'his op', 'her op', 'his scar',
    'her scar', 'his wound', 'her wound', 'has back pain', 'has bad back pain', 'has neck pain', 'has had back pain',
    'never had back pain', 'with back pain', 'got back pain', 'getting worse', 'wants to', 'is getting', 'are getting',
    'wound', 'scar', 'stitches', 'incision',
    // the present perfect progressive of a symptom: "mum's been having accidents", "dad's been wetting himself"
    'been having', 'is having', 'are having', 'keeps having', 'been wetting', 'been soiling', 'been leaking',
    'been dribbling', 'is unable', 'been unable', 'no longer', 'has lost', 'have lost', 'is losing', 'has stopped',
    'has started', 'is struggling', 'is not able', 'has not been able', 'can hardly', 'can barely',
    // a leg failing now: "his leg won't hold him" (not a fever alone: "my husband has a fever, I hope I don't catch it")
    'will not hold', 'will not take his weight', 'will not take her weight', 'will not support',
    // a back named with its part, a complaint now, a course over recent weeks: "she's complaining her mid back hurts", "his walking has gone unsteady the last few weeks"
    'his mid back', 'her mid back', 'his lower back', 'her lower back', 'his upper back', 'her upper back', 'complaining',
    'the last few weeks', 'the past few weeks', 'the last few days', 'the past few days', 'the last couple of weeks',
    // who the patient is, said outright: "he's the one with the slipped disc, I'm his son" (the writer's own "I'm the one with" is `ownCase`)
    'is the one with', 'she is the one', 'he is the one', 'i am his son', 'i am his daughter', 'i am her son', 'i am her daughter',
    'i am his wife', 'i am her husband', 'i am his partner', 'i am her partner',
  ],
  // not "you": "numb bum, what do you think?" speaks to the coach
  generic: ['your', 'yourself', 'someone', 'somebody', 'anyone', 'anybody', 'a person', 'people'],
  hearsay: ['asking for the family', 'for the family', 'asking for my family', 'asking for family', 'asking for the household', 'asking for a friend', 'for a friend', 'asking for someone', 'for someone else', 'asking on behalf of someone', 'a friend of mine', 'one of us', 'one of them', 'in the family', 'in our family', 'in my family', 'someone i know', 'a mate of mine',
    'asking for a mate', 'for a mate', 'asking for a pal', 'for a pal', 'asking for a buddy', 'not saying it is me', 'not saying it is mine', 'not saying i have it',
    'there is been some', 'there has been some', 'there have been some', 'apparently', 'they said', 'they say', 'i am told', 'i was told', 'supposedly', 'allegedly', 'so they say', 'someone said'],
  resolvedMarkers: [
    'gone$', 'gone now', 'gone completely', 'all gone', 'went away', 'gone away', 'cleared', 'resolved', 'got better', 'fine now',
    'ok now', 'okay now', 'good now', 'normal now', 'better now', 'back to normal', 'it passed', 'passed$', 'settled', 'stopped after', 'stopped since', 'it has stopped', 'it is stopped', 'it stopped',
    'went within', 'gone within', 'cleared within', 'settled within', 'went in a', 'cleared in a',
    // "it went by the evening", "gone by the morning"
    'went by the', 'gone by the', 'cleared by the', 'settled by the', 'passed by the', 'went off by the', 'wore off by the',
    // "sorted themselves out after a few days", "passed after a minute", "only once"
    'and went$', 'then went$', 'and then went$', 'stopped a fortnight ago', 'stopped a week ago', 'stopped a month ago', 'stopped a few days ago',
    'stopped a couple of days ago', 'stopped a while ago', 'stopped last week', 'stopped last month', 'stopped days ago',
    'sorted themselves', 'cleared themselves', 'settled themselves', 'passed after', 'passed within', 'passed in a', 'only once', 'just once', 'once only',
    'went after', 'back to just', 'was fine', 'were fine', 'is good', 'recovered', 'sorted itself', 'they are fine', 'it is fine',
    'that is fine', 'all fine now',
    // "its normal again now", "it's been dry since", "nothing since then", "but now is gone", "I'm doing better now"
    'normal again', 'fine again', 'ok again', 'okay again', 'gone back to normal', 'went back to normal',
    // the all-clear in other words: "it's been grand since", "alright since", "no bother since"
    'was ok', 'was okay', 'was alright', 'then i was fine', 'walking fine since', 'been walking fine', 'walking normally since', 'walking ok since', 'it went$', 'but it went$',
    'working again', 'all working again', 'working normally again', 'working properly again', 'working fine again',
    'none of that now', 'none of that anymore', 'nothing like that now',
    'been grand', 'grand since', 'grand now', 'been alright', 'alright since', 'alright now', 'been good since', 'good since', 'been great since', 'all good since', 'no bother since', 'no issues since',
    'been dry since', 'dry since', 'dry ever since', 'stayed dry',
    'now is gone', 'now it is gone', 'now gone', 'doing better now', 'feeling better now', 'much better now',
    'fine since', 'fine ever since', 'ok since', 'okay since', 'no problems since', 'no trouble since',
    'normal since', 'been normal', 'has been normal', 'been fine', 'has been fine', 'been ok', 'been okay',
    'no temperature since', 'no fever since', 'no more since', 'none of that since', 'nothing like that since',
    'no more of that since', 'not again since', 'not happened again', 'not lately',
    'not recently', 'not for a while', 'calmed down', 'settled down', 'died down', 'eased off', 'that was it', 'only happened once',
    'just the once', 'happened once', 'a one off', 'happened the once', 'only the once', 'the once', 'a one time thing', 'now it is just', 'now it is only', 'now its just', 'just the left again',
    'just the right again', 'back to one side', 'only lasted', 'just the right leg since', 'just the left leg since',
    'just the one leg since', 'only the right leg since', 'only the left leg since', 'only one leg since',
    'it was sorted', 'got sorted', 'was sorted out', 'sorted out', 'they sorted it',
    'that stopped', 'stopped months ago', 'stopped years ago', 'stopped weeks ago', 'stopped ages ago',
    // told it is normal: "a bit of redness where the stitch was, nurse says normal"
    'nobody hurt', 'no one hurt', 'nobody was hurt', 'no one was hurt', 'nobody injured', 'no one injured',
    'gone next day', 'gone the next day', 'gone by the next day',
    // looked into and nothing found: "had an MRI, nothing found", "they checked, all clear"
    'all clear', 'nothing found', 'found nothing', 'nothing was found', 'came back clear', 'came back normal', 'scan was clear',
    'mri was clear', 'nothing showed up', 'nothing showed', 'nothing sinister',
    // a fall or a knock that did no harm: "slipped on the ice but didn't hurt myself"
    'did not hurt myself', 'not hurt myself', 'did not hurt anything', 'was not hurt', 'no harm done', 'unhurt', 'not injured',
    'did not injure myself', 'no injury', 'no injuries',
    // numbness from an anaesthetic that passed: "my face went numb at the dentist, wore off after an hour"
    'wore off', 'worn off',
    // "I had the shock down my spine a couple of times last month, hasn't done it since"
    'not done it since', 'not done that since', 'not done it again', 'not done that again', 'never done it since', 'never done it again',
  ],
  resolvedMarkersInPast: [
    // getting better, told it is normal, passing each time: over only in a sentence about the past ("my leg was weaker but
    // getting stronger again"); "I can't feel when I wee, nurse says it's normal" and "my bum goes numb, it wears off" are now
    'stronger again', 'getting stronger again', 'strength is coming back', 'strength coming back',
    'says normal', 'said normal', 'says it is normal', 'said it is normal', 'said it was normal', 'says it is fine', 'said it is fine',
    'said it was fine', 'nothing to worry about',
    'wears off', 'it wears off', 'goes off after', 'passes after', 'passes in a',
    // "before one week yes, but now it is coming back normal": recovering, over only in a story of the past
    'coming back normal', 'coming back to normal', 'getting back to normal', 'going back to normal',
  ],
  longAgo: [
    'as a child', 'as a kid', 'when i was a child', 'when i was a kid', 'when i was little', 'when i was young',
    'when i was small', 'when i was younger', 'in my teens', 'when i was a teenager', 'growing up', 'years ago',
    'years back', 'decades ago', 'in my twenties', 'in my 20s',
  ],
  longStanding: [
    // the same for years, before the back trouble began: "my bottom goes numb on a hard seat, has done for years"
    'has done for years', 'have done for years', 'done that for years', 'done this for years', 'been happening for years',
    'happened for years', 'been going on for years', 'that has been years', 'that is been years', 'it has been years like that',
    'even before my back', 'long before my back', 'well before my back', 'before my back trouble', 'before my back problems',
    'since my first pregnancy', 'since my pregnancy', 'since i was pregnant', 'since the birth', 'since giving birth',
    'had that for years', 'had this for years', 'had it for years', 'had that since', 'had this since', 'had it since',
    'always had that', 'always had this', 'always had it', 'since my kids were born', 'since having my kids', 'since i had my kids',
    'since childbirth', 'since i had the baby', 'all my life', 'my whole life', 'for as long as i can remember',
    'been like that for years', 'been like this for years', 'like that for years', 'like this for years', 'been the case for years',
    'always has', 'always does', 'always been like that', 'always been that way', 'has always done that',
    // childbirth said with a number or another word for the children: "a bit of a leak when I laugh since having my three kids"
    'since having my two kids', 'since having my three kids', 'since having my four kids', 'since having my children', 'since having the kids',
    'since having kids', 'since having children', 'since having my babies', 'since having the children', 'since my children were born',
    'since the kids were born', 'since the children were born', 'since i had my children', 'since i had children', 'since i had kids',
  ],
  echoAnsweredNo: ['no', 'nope', 'nah', 'not really', 'no not really', 'definitely not', 'not at all', 'no never', 'never', 'not that i have noticed'],
  negativeQuestion: ['unable', 'cannot', 'cant', 'nothing', 'lost', 'loss', 'less', 'hardly', 'barely'],
  echoTurns: [
    'but', 'though', 'although', 'except', 'however', 'yet', 'actually', 'worse', 'everywhere', 'always', 'also', 'too', 'more',
    'not just', 'not only', 'yes', 'yeah', 'sometimes', 'twice', 'once', 'often', 'a lot', 'all the time', 'happened', 'happens',
    // a hedge takes the no back: "No... well, a bit", "no, maybe slightly"
    'a bit', 'a little', 'bit', 'little', 'kind of', 'kinda', 'sort of', 'sorta', 'maybe', 'perhaps', 'possibly', 'not sure', 'unsure',
    'well', 'hmm', 'um', 'slightly', 'occasionally', 'now and then', 'on and off', 'i think', 'i guess', 'wait', 'hang on', 'hold on',
  ],
  sinceBirth: ['baby', 'babies', 'pregnancy', 'pregnancies', 'childbirth', 'born', 'twins', 'labour', 'delivery', 'c-section', 'caesarean'],
  stillNow: [
    'now', 'today', 'currently', 'again', 'lately', 'recently', 'this morning', 'this week', 'since', 'started',
    'anymore', 'any more', 'still', 'at the moment', 'these days', 'keep', 'keeps', 'tonight', 'yesterday', 'last night',
  ],
  pastMarkers: [
    // a past tense of its own: "numb bum from sitting on the floor but it wore off"
    'it wore off', 'that wore off', 'it soon wore off', 'it quickly wore off', 'they wore off',
    'had', 'was', 'were', 'used to', 'ago', 'last', 'before', 'previously', 'earlier', 'once', 'at the start', 'at first',
    'checked', 'investigated', 'scan', 'mri', 'years', 'early on', 'did have', 'there was', 'for a few days',
    'for a couple of days', 'for a day or two', 'for a few weeks', 'for a week', 'for a couple of weeks', 'for a day or so', 'years back', 'felt', 'in the spring', 'in the summer', 'in the autumn', 'in the winter',
    // "I'd been kneeling on the floor" (the tokeniser reads "'d" as "would"): a past perfect
    'would been',
    // "from the other week", "a few weeks back"
    'the other day', 'the other week', 'the other night', 'weeks back', 'months back', 'days back', 'a while back',
  ],
  episodeMarkers: [
    // an episode measured in minutes or hours, or dated to a day or month gone by: "hands went clumsy for a minute or so, been ok since"
    'for a minute', 'for a few minutes', 'for a couple of minutes', 'for a few seconds', 'for a second', 'for a moment', 'for an hour',
    'for a few hours', 'for a couple of hours', 'for half an hour', 'for a bit', 'for about', 'for around', 'for roughly', 'for maybe', 'on monday', 'on tuesday', 'on wednesday', 'on thursday',
    'on friday', 'on saturday', 'on sunday', 'in january', 'in february', 'in march', 'in april', 'in june', 'in july', 'in august',
    'in september', 'in october', 'in november', 'in december',
  ],
  overNext: [
    'fine once', 'fine after', 'fine as soon as', 'ok once', 'okay once', 'fine when i got', 'went once', 'gone once', 'i got help',
    'been ok', 'been okay', 'been fine', 'been alright', 'been good', 'fine since', 'fine now', 'ok now', 'okay now', 'all good now',
    'all fine now', 'it has gone', 'it is gone', 'gone now', 'it went away', 'it stopped', 'it has stopped',
    'not happened again', 'back to normal', 'normal since', 'normal now',
    // "But it sorted itself out by Tuesday", "its gone back to normal", "I'm doing better now", "been dry since"
    'sorted itself', 'sorted out', 'cleared up', 'went away', 'gone away', 'calmed down', 'settled down', 'settled',
    'gone back to normal', 'went back to normal', 'back to normal again', 'normal again', 'fine again', 'ok again', 'okay again',
    'been normal', 'been completely normal', 'been totally normal', 'been perfectly normal', 'been fine since', 'been dry', 'dry since', 'stayed dry',
    'doing better', 'feeling better', 'better now', 'much better now', 'a lot better now', 'fine today', 'ok today', 'okay today', 'all clear',
    // the morning after: "both legs were tingling last night ... All fine this morning."
    'fine this morning', 'ok this morning', 'okay this morning', 'gone this morning', 'fine by the morning', 'gone by the morning', 'fine the next day', 'fine next day', 'gone by morning', 'fine by morning',
    'no problems since', 'no trouble since', 'no more since', 'it passed', 'it wore off',
    'now it is only', 'now its only', 'now it is just', 'now its just', 'now only the', 'now just the', 'now only on the', 'now just on the',
    'all good since', 'fine since', 'ok since', 'okay since', 'none of that now',
  ],
  /** Like `overNext`, but only after a sign that names no loss (`lossInSign`): "Couldn't pee at 6. Nothing since." may be no urine since. */
  episodeCounted: ['once', 'twice', 'a couple of times', 'a few times', 'several times', 'three times', 'it happened', 'one time', 'that one time', 'the one time'],
  overNextUnlessLoss: ['not happened since', 'nothing since', 'none since', 'nothing since then', 'not since', 'not had any since', 'not had it since', 'not had one since'],
  overOpeners: ['but', 'and', 'it', 'its', 'is', 'has', 'have', 'was', 'that', 'this', 'i', 'am', 'everything', 'all', 'thankfully', 'luckily', 'now', 'though', 'anyway', 'then', 'seems', 'seem', 'looks', 'feels'],
  restIsFine: ['otherwise', 'apart', 'except', 'besides', 'aside'],
  resolvedUnlessLoss: [
    'that is gone', 'it is gone', 'that has gone', 'that went', 'that went away', 'not come back', 'never came back', 'not came back', 'not returned', 'never returned', 'not been back', 'not happened again since',
  ],
  /**
   * An absence said of what came after: over for a leak or a fall, or an episode counted (`episodeCounted`), but after "couldn't pee"
   * or "nothing came" it may be no urine since ("tried to wee at 6 and nothing came, nothing since").
   */
  feelingBack: ['the feeling came back', 'feeling came back', 'the sensation came back', 'feeling returned', 'the feeling has come back', 'it came back$', 'then it came back$', 'but it came back$', 'and it came back$', 'it came back fine', 'it came back normal', 'it came back to normal', 'it all came back', 'came back on its own', 'it has come back$', 'it is come back$'],
  datedPast: [
    'on monday', 'on tuesday', 'on wednesday', 'on thursday', 'on friday', 'on saturday', 'on sunday', 'at the weekend', 'over the weekend',
    'in january', 'in february', 'in march', 'in april', 'in june', 'in july', 'in august', 'in september', 'in october', 'in november', 'in december',
  ],
  feelingWords: ['feel', 'feeling', 'feelings', 'sensation', 'sensations', 'felt'],
  symptomNamed: ['numb', 'numbness', 'numbed', 'tingle', 'tingly', 'tingling', 'tingles', 'pins', 'needles', 'dead', 'buzzing', 'burning', 'weird', 'odd', 'strange', 'funny'],
  absenceAfter: [
    'nothing since then$', 'none since then$', 'not since then$', 'nothing else since then', 'nothing more since', 'nothing since$', 'none since$', 'not since$',
    'nothing else since', 'not happened since', 'not had any since', 'not had one since', 'had none since', 'not had it since',
  ],
  /** For a sign that names a loss, the thing lost coming back is the episode over: "couldn't feel my saddle area, it came back within the hour". */
  resolvedIfLoss: ['came back within', 'came back after', 'came back by', 'came back the next', 'came back later', 'came back that', 'feeling came back', 'sensation came back', 'feeling returned', 'sensation returned', 'feeling is back', 'feeling has come back', 'has come back now', 'came back now'],
  lossInSign: [
    // an absence or an inability is a loss too: "nothing came", "unable to go"
    'nothing', 'unable', 'hardly', 'barely',
    'lost', 'lose', 'losing', 'loss', 'numb', 'numbness', 'weak', 'weakness', 'dead', 'feeling', 'feel', 'sensation', 'control', 'strength',
    'power', 'grip', 'no', 'not', 'can', 'cannot', 'gone', 'go', 'went', 'urge',
  ],
  limbs: ['leg', 'legs', 'arm', 'arms', 'foot', 'feet', 'knee', 'knees', 'hand', 'hands'],
  goesOn: ['still', 'now', 'keep', 'keeps', 'again', 'every', 'always', 'since'],
  resolvedReach: 14,
  notOver: ['not', 'never', 'yet'],
  firstPerson: ['i', 'me', 'my', 'myself', 'mine'],
  placeBeforeMy: ['at', 'in', 'from'],
  besideMe: ['to', 'beside', 'opposite', 'near', 'behind', 'of', 'with', 'like', 'than'],
  acquaintances: [
    'friend', 'friends', 'mate', 'colleague', 'neighbour', 'neighbor', 'boss', 'flatmate', 'housemate', 'lady', 'woman', 'man',
    'guy', 'bloke', 'fella', 'chap', 'gentleman', 'lad', 'lads', 'girl', 'mrs', 'mr', 'ms', 'someone', 'somebody', 'patient', 'people',
  ],
  ownCase: [
    // not "my back" alone ("lifting her is doing my back in"), nor a hope ("fingers crossed"): a carer says those too
    'mine is', 'mine has', 'mine was', 'mine looks', 'mine feels', 'mine seems', 'mine only', 'mine just', 'my own',
    'when my back', 'my back goes', 'my back went', 'my disc', 'my sciatica', 'my bulge', 'my herniation', 'my prolapse',
    'nothing like that here', 'nothing like that for me', 'i am the one with', 'i am the one who',
  ],
  writingFor: ['asked me to', 'typing for', 'writing for', 'on behalf of', 'messaging for', 'carer', 'caregiver', 'care giver', 'care worker', 'support worker', 'i am looking after', 'i look after', 'i care for', 'caring for'],
  notMe: [
    'i have not had any of that', 'i have never had any of that', 'i have had none of that', 'none of that for me',
    'i am fine though', 'i am ok though', 'i am okay though', 'i am alright though', 'but i am fine', 'but i am ok', 'but i am okay',
    // the same aside in other words: "that was my uncle years ago, I'm fine btw"
    'i am fine btw', 'i am fine by the way', 'i am ok btw', 'i am okay btw', 'i am fine myself', 'i am ok myself', 'i am fine thankfully', 'i am fine luckily',
    'all fine so far', 'fine so far', 'keeping an eye on myself', 'not me', 'not happening to me', 'glad my', 'glad i am not', 'glad i do not', 'glad it is not', 'glad that is not', 'i do not have that', 'i do not have it', 'i have not got that', 'i have not got it', 'i never had that',
    'i have never had that', 'i have not had that',
    // "my dad had bowel cancer but I've never had anything like that"
    'i have never had anything like that', 'i have not had anything like that', 'i have never had anything like it', 'i have not had anything like it',
  ],
  ownCaseAlone: ['my back', 'my neck', 'my pain', 'my leg', 'my sciatica'],
  lostWhenGone: ['feeling', 'sensation', 'urge', 'strength', 'control', 'power', 'grip', 'balance', 'sense', 'signal'],
  resolvedAnywhere: [
    // far after the sign, past the reason someone gave: "had trouble going for a wee after the op, they said that was the anaesthetic and it sorted itself out"
    'sorted itself out', 'it sorted itself', 'sorted themselves out', 'it is normal again', 'its normal again', 'back to normal strength', 'come back to normal',
    'came back to normal', 'not done it since', 'not done that since',
    'fine ever since', 'been fine ever since', 'fine since then', 'been fine for weeks', 'been fine for months', 'been fine for days', 'fine for weeks now', 'been ok for weeks', 'been okay for weeks', 'been normal for weeks', 'settled completely', 'cleared up completely', 'gone completely',
    'walk normally now', 'walking normally now', 'walk normally again', 'walking normally again', 'normally now', 'looks fine now',
    // the person on the way back up, far after the sign: "had some dark thoughts over the summer, talked to my gp, i'm on the up now"
    'i am on the up', 'on the up now', 'on the mend now', 'i am on the mend', 'i am doing much better now', 'i am doing a lot better now', 'i am in a better place now',
    'gone back to just', 'back to just the', 'in a good place now', 'in a better place', 'in a much better place', 'in a good place', 'all fine now', 'back to normal now', 'no problems since',
    // a knock or a slip that did no harm: "hit on the head by a football, tiny bump", "missed the step but caught myself"
    'tiny bump', 'just a bump', 'only a bump', 'only a small bump', 'just a small bump', 'did not actually fall', 'caught myself',
    // "missed the bottom step but landed on my feet, nothing hurts"
    'landed on my feet', 'stayed on my feet', 'kept my feet', 'kept my balance', 'did not go down', 'nothing hurts', 'nothing hurt', 'no damage done',
    // numbness from sitting that went the moment the person moved: "my bum went dead, fine once I got up", "it came right straight away"
    // numb or tingling from the cold, gone once warm: "both my feet went numb in the cold at the match, fine once I warmed up"
    'fine once i warmed up', 'fine once i had warmed up', 'fine once they warmed up', 'fine once i got warm', 'fine once i was warm', 'fine once i got inside',
    'went once i warmed up', 'gone once i warmed up', 'went as soon as i warmed up', 'fine as soon as i warmed up',
    'came right', 'fine once i got up', 'fine once i got out', 'fine once i stood', 'fine as soon as i got', 'fine as soon as i stood',
    'as soon as i got up', 'as soon as i got out', 'as soon as i stood up', 'the moment i got up', 'the moment i stood up', 'once i got up and',
  ],
  resolvedAnywhereUnlessLoss: [
    'not happened since', 'not happened again', 'never happened again', 'never happened since', 'not had it since', 'not had it again',
    'not had that since', 'not had that again', 'not had one since', 'not had another',
    // "..., the physio gave me exercises and it went away" ("and it stopped" is left out: after "struggling to pee" it may be the flow that stopped)
    'and it went away', 'and then it went away', 'and it soon went away',
  ],
  lookedAt: [
    'saw the', 'seen the', 'saw my', 'seen by', 'went to the', 'went to my', 'been to the', 'got it checked', 'had it checked', 'got checked',
    'had a look', 'had a listen', 'looked at', 'checked me', 'checked it', 'examined', 'gp', 'doctor', 'neurologist', 'nurse', 'physio',
    'consultant', 'surgeon', 'specialist', 'a and e', 'hospital', 'scan', 'mri', 'bloods', 'blood test',
  ],
  stillGoing: ['still', 'keep', 'keeps', 'worse', 'worsening'],
  notNew: ['not new', 'it is not new', 'not a new thing', 'nothing new about it', 'not a new problem'],
  newNow: ['now', 'today', 'worse', 'new', 'suddenly', 'started', 'again', 'lately', 'recently'],
  pastForNext: [
    'yesterday', 'went', 'got', 'came', 'drove', 'last', 'was', 'were', 'had', 'ago', 'missed', 'slipped', 'tripped',
    // a story told in the simple past: "On Sunday I couldn't get my pee going, I stood there forever"
    'happened', 'woke', 'stood', 'ran', 'leaked', 'lifted', 'struggled', 'noticed',
  ],
  unclearWho: [
    'someone in this house', 'somebody in this house', 'someone in the house', 'somebody in the house', 'someone here',
    'somebody here', 'someone in here', 'somebody in here',
    'rather not say who', 'not say who', 'will not say who', 'not telling who',
    'one of us', 'either of us', 'not saying who', 'not saying which', 'someone in my family', 'someone in the family', 'someone in our family',
    'someone i know', 'a relative', 'a family member', 'somebody in my family',
    'someone at home', 'somebody at home', 'someone in my house', 'somebody in my house', 'someone close to me', 'someone in my household',
    // an account shared by two people: "not me, the other account holder, he says..."
    'account holder', 'share this account', 'share the account', 'share an account', 'shared account', 'same account', 'joint account',
  ],
  // each ends its sentence, or is followed only by "though", "thankfully", "at all" (`deniedLaterTail`)
  deniedLater: [
    // "..., I haven't had any of that", "none of that for me"
    'i have not had any of that', 'i have never had any of that', 'i have had none of that', 'none of that for me', 'not had any of that myself',
    'i do not have that', 'i do not have it', 'i have not got that', 'i have not got it', 'i have not had that', 'i have never had that',
    'which i do not have', 'not that i have it', 'not that i have that', 'none of that here', 'i do not have any of that', 'i have not got any of that',
  ],
  deniedLaterTail: ['though', 'thankfully', 'luckily', 'at', 'all', 'anyway', 'tho', 'phew'],
  someoneElsesView: [
    'says', 'said', 'thinks', 'thought', 'reckons', 'reckoned', 'told', 'tells', 'believes', 'believed', 'insists', 'claims',
    'gp', 'doctor', 'doc', 'physio', 'nurse', 'consultant', 'surgeon', 'specialist', 'paramedic', 'paramedics', 'hospital',
  ],
  wellAfter: ['fine', 'strong', 'ok', 'okay', 'alright', 'normal', 'good', 'perfect', 'grand'],
  sharedWithMe: ['so did i', 'so have i', 'as did i', 'me too', 'i did too', 'i have too', 'i had too', 'i have it too', 'i had it too', 'and me', 'i also', 'and i'],
  sides: ['left', 'right', 'other', 'lhs', 'rhs'],
  pairWords: ['both', 'each', 'either', 'two', '2', 'all'],
  beforeReach: 6,
  afterReach: 3,
};
