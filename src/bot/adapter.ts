import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, ConnectorFactory, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
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
/**
 * Connector and user-token clients are reused across turns. The SDK builds a new ConnectorClient and
 * a new UserTokenClient (each an Azure HTTP pipeline) for every inbound activity, even for
 * `expectReplies`, whose replies go back in the HTTP answer and never use them: measured, about 3 %
 * of the CPU under load. A client depends only on the bot's identity, the audience and the service
 * URL, and holds no per-turn state, so one per key serves every turn (bounded: the service URL of
 * an unauthenticated local request is whatever the caller sent).
 */
class ReusedClients<T> {
  private readonly clients = new Map<string, Promise<T>>();
  constructor(private readonly limit: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    const found = this.clients.get(key);
    if (found) return found;
    const created = create();
    created.catch(() => this.clients.delete(key));
    if (this.clients.size >= this.limit) this.clients.delete(this.clients.keys().next().value!);
    this.clients.set(key, created);
    return created;
  }
}

function identityKey(identity: ClaimsIdentity): string {
  const claim = (type: string) => identity.getClaimValue(type) ?? '';
  return `${claim(AuthenticationConstants.AudienceClaim)}|${claim(AuthenticationConstants.AppIdClaim)}|${claim(AuthenticationConstants.AuthorizedParty)}|${claim(AuthenticationConstants.VersionClaim)}`;
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly identity: string,
    private readonly clients: ReusedClients<ConnectorClient>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.identity}|${audience ?? ''}|${serviceUrl}`, () => this.inner.create(serviceUrl, audience));
  }
}

class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ReusedClients<ConnectorClient>(256);
  private readonly tokenClients = new ReusedClients<UserTokenClient>(32);

  override async authenticateRequest(activity: Activity, authHeader: string) {
    let result: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`token could not be validated: ${(error as Error)?.message ?? error}`, 401);
    }
    if (result.connectorFactory) result.connectorFactory = new ReusingConnectorFactory(result.connectorFactory, identityKey(result.claimsIdentity), this.connectors);
    return result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(super.createConnectorFactory(claimsIdentity), identityKey(claimsIdentity), this.connectors);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(identityKey(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
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
