import type restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { setPictureDir } from './cards/pictures.ts';
import { createDirectLine, type DirectLine } from './directline/routes.ts';
import { registerWebChat } from './webchat/routes.ts';

/** The local web chat is on without credentials, off with them, unless LOCAL_WEBCHAT says otherwise. */
export function localWebChatEnabled(config: Pick<Config, 'LOCAL_WEBCHAT' | 'MicrosoftAppId'>): boolean {
  if (config.LOCAL_WEBCHAT === 'on') return true;
  if (config.LOCAL_WEBCHAT === 'off') return false;
  return !config.MicrosoftAppId;
}

export interface ChannelDeps {
  adapter: CloudAdapter;
  onTurn: (context: TurnContext) => Promise<void>;
  log: Logger;
}

/** The channel routes this process serves besides /api/messages: the web chat page and its Direct Line endpoint. */
export function channelRoutes(config: Config, deps: ChannelDeps): { routes: ((server: restify.Server) => void)[]; directLine?: DirectLine } {
  setPictureDir(join(config.CONTENT_DIR, 'pictures'));
  if (!localWebChatEnabled(config)) return { routes: [] };
  const directLine = createDirectLine({ adapter: deps.adapter, onTurn: deps.onTurn, log: deps.log, botId: config.MicrosoftAppId ?? 'disc-coach', botName: 'Disc coach' });
  return { routes: [registerWebChat, directLine.register], directLine };
}
