import type restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import type { PictureFolder } from './cards/pictures.ts';
import type { WebChatWording } from './content.ts';
import { createDirectLine, type DirectLine } from './directline/routes.ts';
import { createPortalVerifier } from './webchat/portal.ts';
import { webChatPage } from './webchat/routes.ts';
import { sessionRoutes } from './webchat/session.ts';
import { createWebPush, type WebPush } from './webpush/notifier.ts';
import { parseServices } from './webpush/subscription.ts';
import { vapidKeys } from './webpush/vapid.ts';

/** The local web chat is on without credentials, off with them, unless LOCAL_WEBCHAT says otherwise. */
export function localWebChatEnabled(config: Pick<Config, 'LOCAL_WEBCHAT' | 'MicrosoftAppId'>): boolean {
  if (config.LOCAL_WEBCHAT === 'on') return true;
  if (config.LOCAL_WEBCHAT === 'off') return false;
  return !config.MicrosoftAppId;
}

/** Whether a browser may start a conversation of its own: yes, unless a portal hands out the conversations (or WEBCHAT_ANONYMOUS says otherwise). */
export function anonymousWebChatAllowed(config: Pick<Config, 'WEBCHAT_ANONYMOUS' | 'WEBCHAT_TOKEN_SECRET' | 'WEBCHAT_JWKS_URL'>): boolean {
  if (config.WEBCHAT_ANONYMOUS === 'on') return true;
  if (config.WEBCHAT_ANONYMOUS === 'off') return false;
  return !config.WEBCHAT_TOKEN_SECRET && !config.WEBCHAT_JWKS_URL;
}

export interface ChannelDeps {
  adapter: CloudAdapter;
  onTurn: (context: TurnContext) => Promise<void>;
  log: Logger;
  db: Database;
  wording: WebChatWording;
  /** The exercise pictures the web chat page serves. */
  pictures: PictureFolder;
  clock?: () => number;
}

export interface Channels {
  routes: ((server: restify.Server) => void)[];
  directLine?: DirectLine;
  webPush?: WebPush;
  /** Once the server listens: stored web chat references point at this process's connector. */
  listening(): Promise<void>;
}

/** The channel routes this process serves besides /api/messages: the web chat page, its Direct Line endpoint, its session and Web Push. */
export async function channelRoutes(config: Config, deps: ChannelDeps): Promise<Channels> {
  if (!localWebChatEnabled(config)) return { routes: [], listening: async () => undefined };
  const pushServices = parseServices(config.WEBPUSH_SERVICES);
  const webPush = createWebPush({
    db: deps.db,
    log: deps.log,
    vapid: await vapidKeys(deps.db),
    subject: config.WEBPUSH_SUBJECT ?? (config.PUBLIC_URL?.startsWith('https://') ? config.PUBLIC_URL : 'mailto:webpush@disc-coach.invalid'),
    services: pushServices,
    wording: deps.wording.push,
    clock: deps.clock,
  });
  const directLine = await createDirectLine({
    db: deps.db,
    adapter: deps.adapter,
    onTurn: deps.onTurn,
    log: deps.log,
    botId: config.MicrosoftAppId ?? 'disc-coach',
    botName: 'Disc coach',
    clock: deps.clock,
    allowAnonymous: anonymousWebChatAllowed(config),
    onProactive: (conversation) => void webPush.notify(conversation),
  });
  const session = sessionRoutes({ directLine, portal: createPortalVerifier(config, deps.clock), webPush, pushServices, log: deps.log });
  return {
    routes: [webChatPage({ frameAncestors: config.WEBCHAT_FRAME_ANCESTORS, pictures: deps.pictures }), directLine.register, session],
    directLine,
    webPush,
    listening: () => directLine.adoptReferences().catch((error: unknown) => deps.log.warn({ err: error }, 'web chat: could not update stored connector addresses')),
  };
}
