/**
 * Intents in other words than the usual ones (issue 17, from a blind batch's development share):
 * leaving an exercise out is a skip, the next morning asked for is tomorrow, a human clinician
 * asked for is a handoff request, not knowing what to press is a call for help, a wait with its
 * reason but no time is a pause, and a question asked in the other language's own words is a
 * message in another language. Own wording, both ways: the same words in a statement stay as
 * they were.
 */
import { describe, expect, it } from 'vitest';
import { isOtherLanguage } from '../../src/nlu/answers/language.ts';
import { detectIntent } from '../../src/nlu/intent.ts';
import { lexicon } from './content.ts';

const intentOf = (text: string) => detectIntent(text, lexicon);

describe('leaving one out is a skip', () => {
  it.each(['could I leave that exercise out today', 'can we miss this one out', 'give this one a miss', 'shall we drop this one', "I'd like to leave out the bridge"])('"%s"', (text) => expect(intentOf(text)).toBe('skip'));
  it.each(['I want to leave this pain behind me', "don't leave me out", 'the pain left my leg'])('not "%s"', (text) => expect(intentOf(text)).not.toBe('skip'));
});

describe('the next morning asked for is tomorrow', () => {
  it.each(['can we carry on first thing', "I'll finish it off in the morning", "I'd rather do them first thing", 'could we try again tomorrow morning'])('"%s"', (text) => expect(intentOf(text)).toBe('tomorrow'));
  it.each(["I'll be fine in the morning", 'my back is worst in the morning', 'the stiffness eases by the morning'])('not "%s"', (text) => expect(intentOf(text)).not.toBe('tomorrow'));
});

describe('a human clinician asked for', () => {
  it.each(['can I have a proper physio look at this', 'I want an actual nurse to read this', 'could I see a real person about my results'])('"%s"', (text) => expect(intentOf(text)).toBe('talk_to_clinician'));
  it.each(['I need a proper rest', 'I want a proper night of sleep'])('not "%s"', (text) => expect(intentOf(text)).not.toBe('talk_to_clinician'));
});

describe('not knowing what to press', () => {
  it.each(["I don't know what I'm supposed to click", 'no idea what im meant to tap', "I'm stuck here"])('"%s"', (text) => expect(intentOf(text)).toBe('help'));
  it.each(['my leg needs help', "I'm stuck in bed with it", "I don't know what I did to it"])('not "%s"', (text) => expect(intentOf(text)).not.toBe('help'));
});

describe('a wait with its reason and no time', () => {
  it.each(['hold on, phone', 'one sec the kids are fighting', 'wait theres someone at the door'])('"%s" is a pause', (text) => expect(intentOf(text)).toBe('pause'));
  it.each(['hang on my leg is numb', 'the phone rang while I was doing it', 'wait, both legs feel weak'])('"%s" is no pause', (text) => expect(intentOf(text)).not.toBe('pause'));
});

describe('asked in the other language itself', () => {
  it.each(['kann ich auf deutsch schreiben', 'je peux parler francais?', 'posso scrivere in italiano', 'Czy mogę pisać po polsku?'])('"%s"', (text) => expect(isOtherLanguage(text, lexicon)).toBe(true));
  it.each(['my mum is polish and I go to a polski sklep', 'I can write in Deutsch class', 'I watched an italiano film'])('not "%s"', (text) => expect(isOtherLanguage(text, lexicon)).toBe(false));
});

describe('a session asked for now, not a habit told', () => {
  it.each(["let's get the exercises done", 'ok do the exercises', 'can we do the routine now', "I'm up for the workout", 'right, start my exercises'])('"%s" starts the session', (text) => expect(intentOf(text)).toBe('start_session'));
  it.each(['I do my exercises in the morning', 'I always do the routine before bed', 'my wife does her exercises with me', 'we do a workout class on Tuesdays'])('"%s" does not', (text) => expect(intentOf(text)).not.toBe('start_session'));
});
