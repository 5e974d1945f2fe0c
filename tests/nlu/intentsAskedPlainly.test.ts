/**
 * Intents said plainly (issue 17): asking in English to go on in another language is read like a
 * message in one ("can we talk in Polish please?"), stopping use of the coach is a stop ("I want to
 * stop using this", not "stop using painkillers"), and not understanding what is asked is a call for
 * help ("i dont understand what your asking me"). Own wording, both ways.
 */
import { describe, expect, it } from 'vitest';
import { isOtherLanguage } from '../../src/nlu/answers/language.ts';
import { detectIntent } from '../../src/nlu/intent.ts';
import { lexicon } from './content.ts';

describe('asked to go on in another language', () => {
  it.each(['could you write to me in Spanish', 'do you speak Urdu?', 'is there a Romanian version', 'can I answer in Portuguese', "I'd prefer to chat in Turkish"])('"%s"', (text) => expect(isOtherLanguage(text, lexicon)).toBe(true));
  it.each(['my physio speaks Polish', 'I talk to my mum in Polish', "I'm Polish and my back hurts", 'my wife is Spanish, she is writing for me'])('not "%s"', (text) => expect(isOtherLanguage(text, lexicon)).toBe(false));
});

describe('stop using the coach', () => {
  it.each(["I'd like to stop using the app", 'want to quit using this', "I'm going to stop using it"])('"%s"', (text) => expect(detectIntent(text, lexicon)).toBe('stop_messages'));
  it.each(['I want to stop using painkillers', 'trying to stop using the heat pad'])('not "%s"', (text) => expect(detectIntent(text, lexicon)).toBeUndefined());
});

describe('not understanding what is asked', () => {
  it.each(["sorry I don't get what you're asking me", 'i dont understand what u mean by that', "I don't follow what you're asking for"])('"%s"', (text) => expect(detectIntent(text, lexicon)).toBe('help'));
  it.each(["I don't understand why my leg hurts", "I don't get what causes sciatica"])('not "%s"', (text) => expect(detectIntent(text, lexicon)).toBeUndefined());
});

describe('not knowing what to do here, and a wait with its reason misspelt (2026-12j)', () => {
  it.each(["not sure what I'm supposed to type", 'no idea what im meant to answer'])('help: "%s"', (text) => expect(detectIntent(text, lexicon)).toBe('help'));
  it.each(["I know what I'm meant to do with the exercises", 'what am I meant to eat with this diet'])('not help: "%s"', (text) => expect(detectIntent(text, lexicon)).not.toBe('help'));
  it.each(['hang on a sec, somebodys at the door', 'hold on 2 mins somebody is on the phone'])('pause: "%s"', (text) => expect(detectIntent(text, lexicon)).toBe('pause'));
});
