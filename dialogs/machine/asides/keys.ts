/**
 * Message and question keys the answer handling can emit (the direct question about a mentioned
 * sign, the replies to a message that is not an answer), checked when content loads.
 */
export const answerMessageKeys = [
  'signNow.hypothetical', 'signNow.resolved', 'signNow.unclearPerson', 'signNow.vague',
  'signNow.thanks', 'signNow.unsure', 'signNow.unclear', 'signNow.help',
] as const;

export const answerQuestionKeys = ['signNow'] as const;
