import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';

const base64url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url');

/** A browser's PushSubscription (its toJSON()), as the page posts it. */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/, message: 'endpoint must be an http(s) URL' }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    // An uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
    p256dh: base64url(80, 100),
    auth: base64url(16, 32),
  }),
});
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

/** What the page posts to opt in: its subscription, and its time zone (for "once a day"). */
export const subscribeBodySchema = z.strictObject({
  subscription: pushSubscriptionSchema,
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => DateTime.now().setZone(zone).isValid, 'timeZone must be an IANA time zone such as Europe/Berlin')
    .optional(),
});

export const unsubscribeBodySchema = z.strictObject({ endpoint: z.url().max(2048) });

export const endpointHash = (endpoint: string) => createHash('sha256').update(endpoint).digest('base64url');

/** The push services of the big browsers (Chrome, Edge, Firefox, Safari). */
export const DEFAULT_PUSH_SERVICES = ['https://fcm.googleapis.com', 'https://updates.push.services.mozilla.com', 'https://*.notify.windows.com', 'https://web.push.apple.com', 'https://*.push.apple.com'];

/**
 * Whether the server may send to this endpoint: only the push services configured. The endpoint
 * comes from a browser, so without this anyone could make the server post to any address.
 */
export function pushServiceAllowed(endpoint: string, services: string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  return services.some((service) => {
    const match = /^(https?):\/\/([^/:]+)(?::(\d+))?$/.exec(service.trim());
    if (!match) return false;
    const [, scheme, host, port] = match;
    if (url.protocol !== `${scheme}:`) return false;
    if ((url.port || (scheme === 'https' ? '443' : '80')) !== (port ?? (scheme === 'https' ? '443' : '80'))) return false;
    if (host!.startsWith('*.')) return url.hostname.endsWith(host!.slice(1)) && url.hostname.length > host!.length - 1;
    return url.hostname === host;
  });
}

export const parseServices = (value: string | undefined) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : DEFAULT_PUSH_SERVICES);
