/**
 * What a channel can show. Adaptive Cards 1.5 with Action.Submit render in Teams, Web Chat (Direct
 * Line) and the Emulator; Teams does not support newer card versions and Web Chat has no
 * Action.Execute, so 1.5 + Action.Submit is the common ground. Any other channel gets text, and a
 * channel known to have no buttons at all gets the choices written out in the text.
 */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator']);
const TEXT_ONLY_CHANNELS = new Set(['sms', 'email']);

export interface ChannelCapabilities {
  cards: boolean;
  /** Suggested actions (quick-reply buttons). */
  buttons: boolean;
  /** Card actions can show the chosen label as the person's message (Web Chat's messageBack). */
  messageBack: boolean;
}

export function capabilitiesOf(channelId: string | undefined): ChannelCapabilities {
  const id = (channelId ?? '').toLowerCase();
  return {
    cards: CARD_CHANNELS.has(id),
    buttons: !TEXT_ONLY_CHANNELS.has(id),
    messageBack: id === 'directline' || id === 'webchat' || id === 'emulator',
  };
}
