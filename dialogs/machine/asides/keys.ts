/**
 * Message and question keys the answer handling can emit (the direct question about a mentioned
 * sign, the replies to a message that is not an answer), checked when content loads.
 */
export const answerMessageKeys = [
  'signNow.hypothetical', 'signNow.resolved', 'signNow.unclearPerson', 'signNow.vague',
  'signNow.thanks', 'signNow.unsure', 'signNow.unclear', 'signNow.help',
  'help.default', 'help.menu', 'greeting.again', 'language.englishOnly', 'symbolsOnly', 'skip.needed', 'skip.safety',
  'checkInTime.howTo', 'heard.score', 'heard.region', 'heard.days', 'unclear.statement', 'unclear.again',
  'unclear.consent', 'unclear.offer', 'unclear.symptom', 'unclear.score', 'unclear.region', 'unclear.reach', 'unclear.sides',
  'unclear.onset', 'unclear.surgery', 'unclear.duration', 'unclear.age', 'unclear.weight', 'unclear.movement',
] as const;

export const answerQuestionKeys = ['signNow', 'signQuestion', 'reachPastKnee', 'reachIntoArm'] as const;
