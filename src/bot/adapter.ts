import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';

/**
 * CloudAdapter with the Bot Framework credential names. An empty app id is local mode: no token is
 * required. With an app id set, a request without a valid token is answered 401 by the adapter.
 */
/**
 * A token that cannot be validated is refused with 401, even when validation fails for another
 * reason (e.g. the signing keys cannot be fetched): an unverified request must never be served.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string) {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`token could not be validated: ${(error as Error)?.message ?? error}`, 401);
    }
  }
}

export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new StrictAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? (config.MicrosoftAppId ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, conversationId: context.activity.conversation?.id }, 'unhandled turn error');
  };
  return adapter;
}
