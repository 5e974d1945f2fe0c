import { describe, expect, it } from 'vitest';
import { loadScheduleContent } from '../../src/schedule/content.ts';
import { parseDuration, parseScheduleCommand, parseTimeOfDay, parseZone } from '../../src/schedule/parse.ts';

const content = loadScheduleContent('content').content!;
const aliases = content.zoneAliases;
const parse = (text: string, intent?: string) => parseScheduleCommand(text, { intent, aliases });

describe('times of day', () => {
  it.each([
    ['check in at 8am', 8, 0],
    ['at 8 am please', 8, 0],
    ['7:30', 7, 30],
    ['7.30pm', 19, 30],
    ['at 18:45', 18, 45],
    ['12pm', 12, 0],
    ['12am', 0, 0],
    ['noon', 12, 0],
    ['half past six in the evening', 18, 30],
    ['quarter to eight', 7, 45],
    ['at 7 in the evening', 19, 0],
    ['at 7', 7, 0],
    ["9 o'clock", 9, 0],
    ['at 2130', 21, 30],
  ])('%s', (text, hour, minute) => {
    expect(parseTimeOfDay(text)).toEqual({ hour, minute });
  });

  it.each(['6/10', 'my pain is 6', '25:00', 'pause for 3 days', '13pm'])('no time in %s', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
});

describe('durations', () => {
  it.each([
    ['pause for 3 days', 3],
    ['for three days', 3],
    ['a week', 7],
    ['2 weeks', 14],
    ['a couple of days', 2],
    ['a few days', 3],
    ['a fortnight', 14],
    ['for a month', 30],
  ])('%s', (text, days) => {
    expect(parseDuration(text)).toEqual({ days });
  });
  it('until a weekday', () => {
    expect(parseDuration('pause until Monday')).toEqual({ untilWeekday: 1 });
  });
});

describe('time zones', () => {
  it.each([
    ['my time zone is Europe/Berlin', 'Europe/Berlin'],
    ['timezone: america/new_york', 'America/New_York'],
    ["I'm in London", 'Europe/London'],
    ['I moved to New York', 'America/New_York'],
    ['I live in Sydney now', 'Australia/Sydney'],
    ['time zone UTC+2', 'Etc/GMT-2'],
    ['8am eastern time', 'America/New_York'],
    ['timezone is pst', 'America/Los_Angeles'],
  ])('%s', (text, zone) => {
    expect(parseZone(text, aliases).zone).toBe(zone);
  });
  it('an unknown IANA-looking zone is reported, not guessed', () => {
    expect(parseZone('my timezone is Mars/Olympus_Mons', aliases)).toEqual({ unknown: 'Mars/Olympus_Mons' });
  });
});

describe('schedule commands', () => {
  it.each([
    'stop', 'STOP', 'Stop please', 'unsubscribe', 'opt out', 'no more messages', 'please stop sending me messages',
    "don't message me", 'do not contact me', 'leave me alone', 'turn off the reminders', 'cancel my check-ins',
    'I don’t want any more check-ins', 'no more reminders please', 'stop the check ins',
    "don't remind me", 'please do not remind me', "don't remind me again", 'do not remind me every day', "don't remind me about the exercises",
  ])('stop: %s', (text) => {
    expect(parse(text)).toEqual({ kind: 'stop' });
  });

  it('stop via the conversation intent', () => {
    expect(parse('enough now', 'stop_messages')).toEqual({ kind: 'stop' });
  });

  it.each([
    ['pause', null],
    ['pause for 3 days', 3],
    ['pause check-ins for a week', 7],
    ['snooze reminders for 2 days', 2],
    ["I'm on holiday for two weeks", 14],
    ['no check-ins for a few days please', 3],
    ['stop the messages for a week', 7],
    ['take a break from the check-ins', null],
    ['can we skip the next 3 days', 3],
    ['hold for a week please', 7],
    ['skip the check-ins for 2 days', 2],
  ])('pause: %s', (text, days) => {
    expect(parse(text)).toEqual({ kind: 'pause', days });
  });

  it.each(['resume', 'unpause', 'resume check-ins', 'start the check-ins again', 'turn on reminders again', 'restart messages'])('resume: %s', (text) => {
    expect(parse(text)).toMatchObject({ kind: 'resume', explicit: true });
  });

  it.each([
    ['check in at 7:30', { hour: 7, minute: 30 }, undefined],
    ['can you check in with me at 8pm instead', { hour: 20, minute: 0 }, undefined],
    ['remind me at 6am', { hour: 6, minute: 0 }, undefined],
    ['change my check-in time to 18:00', { hour: 18, minute: 0 }, undefined],
    ['check in at 8am London time', { hour: 8, minute: 0 }, 'Europe/London'],
    ['daily check-in at 9 am Europe/Paris', { hour: 9, minute: 0 }, 'Europe/Paris'],
  ])('set time: %s', (text, time, zone) => {
    expect(parse(text)).toEqual({ kind: 'set', time, zone, unknownZone: undefined });
  });

  it.each([
    ['my time zone is America/Chicago', 'America/Chicago'],
    ["I'm in Tokyo now", 'Asia/Tokyo'],
    ['timezone: Europe/Berlin', 'Europe/Berlin'],
  ])('set zone: %s', (text, zone) => {
    expect(parse(text)).toMatchObject({ kind: 'set', zone });
  });

  it.each(['when is my next check-in?', 'what time are my check-ins', 'show my schedule'])('show: %s', (text) => {
    expect(parse(text)).toEqual({ kind: 'show' });
  });

  it.each([
    '6', '6/10', 'six', 'yes', 'no', 'my lower back hurts', 'I had to stop the exercise', 'it got worse when I stopped',
    'done', 'next', 'stop the exercise, it hurts', 'I woke at 7 with pain', 'I need a break', 'lower back', 'I am in pain',
    'I was in London last week and my back hurt',
    // a story with a duration is no pause of the check-ins
    'I had to skip the exercises for 2 days', 'not been able to hold my urine for 2 days', 'the pain went away for 2 days',
    // "don't remind me" after a statement is a sigh, not a stop
    "turned fifty in August, don't remind me", "52, don't remind me", 'ugh my back, dont remind me lol',
  ])('not a schedule command: %s', (text) => {
    expect(parse(text)).toBeNull();
  });
});

describe('British "half seven"', () => {
  it('is half past seven, in the evening when said so', () => {
    expect(parseTimeOfDay('check in with me at half seven in the evening')).toEqual({ hour: 19, minute: 30 });
    expect(parseTimeOfDay('half eight')).toEqual({ hour: 8, minute: 30 });
  });
  it('"half an hour" is no time of day', () => expect(parseTimeOfDay('half an hour later')).toBeNull());
});

describe('a break of no set length', () => {
  it('"can i have a break for a bit" pauses', () => expect(parse('can i have a break for a bit', 'pause')).toEqual({ kind: 'pause', days: null }));
});
