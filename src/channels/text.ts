import { ActivityTypes, type Middleware } from 'botbuilder';

/** Channels that read a message's text as Markdown, where a single line break is joined into one line. */
const MARKDOWN_CHANNELS = new Set(['msteams', 'directline', 'webchat', 'emulator']);

/**
 * Keeps the line breaks a message was written with. Teams and Web Chat render text as Markdown, in
 * which a single line break is a space: "Pain: 4\nSleep: poor" would read "Pain: 4 Sleep: poor".
 * A single break becomes a paragraph break, which both render as a new line (a hard break with two
 * trailing spaces is not honoured by every Teams client). Blank lines and fenced code stay as they are.
 */
export function keepLineBreaks(text: string): string {
  const parts = text.replace(/\r\n?/g, '\n').split(/(```[\s\S]*?```)/);
  return parts.map((part, index) => (index % 2 === 1 ? part : part.replace(/([^\n])\n(?=[^\n])/g, '$1\n\n'))).join('');
}

/** Applies `keepLineBreaks` to every message this bot sends on a Markdown channel (replies and proactive messages alike). */
export function lineBreaks(): Middleware {
  return {
    async onTurn(context, next) {
      if (MARKDOWN_CHANNELS.has((context.activity.channelId ?? '').toLowerCase())) {
        context.onSendActivities(async (_context, activities, send) => {
          for (const activity of activities) {
            if (activity.type === ActivityTypes.Message && typeof activity.text === 'string' && activity.textFormat !== 'plain') activity.text = keepLineBreaks(activity.text);
          }
          return send();
        });
      }
      await next();
    },
  };
}
