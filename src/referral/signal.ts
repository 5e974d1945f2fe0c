/**
 * "A turn just stored a handoff": the turn publishes, the parts that act on it (metrics, webhook
 * delivery, the care team's cases) subscribe. It only makes them start at once; the handoff is
 * already in the outbox, and their own scheduled work picks it up when a signal is missed.
 */
export interface HandoffSignal {
  stored(handoff: { urgency: string }): void;
  subscribe(listener: (handoff: { urgency: string }) => void): void;
}

export function handoffSignal(): HandoffSignal {
  const listeners: ((handoff: { urgency: string }) => void)[] = [];
  return {
    stored(handoff) {
      for (const listener of listeners) listener(handoff);
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
