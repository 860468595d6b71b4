/**
 * LivePerson's Domain API (service discovery) and IdP (consumer JWTs), pointing back at this server.
 */
import { randomUUID } from 'node:crypto';
import { ACCOUNT_ID, requireKnownAccount, type AccountControl } from './accounts';
import type { Route, RouteContext } from './http-router';
import { HttpError } from './http-router';
import { isRecord, nonEmptyString } from './narrow';
import { consumerIdFromAuthCode, type TokenIssuer } from './tokens';

/** Services the Domain API answers with this server's address. */
export const EMULATED_SERVICES: readonly string[] = ['asyncMessagingEnt', 'idp'];


/** The account id of a route, or a 400; an account this emulator does not know is a 404 (as on LivePerson). */
export function accountOf(ctx: RouteContext, accounts?: AccountControl): string {
  const accountId = ctx.params['accountId'] ?? '';
  if (!ACCOUNT_ID.test(accountId)) throw new HttpError(400, 'bad account id');
  if (accounts !== undefined) requireKnownAccount(accounts, accountId);
  return accountId;
}

function requireVersion(ctx: RouteContext): void {
  if (ctx.url.searchParams.get('version') !== '1.0') throw new HttpError(400, 'query parameter version=1.0 is required');
}

/** A 503 naming `maxTokens` when the IdP may issue no more tokens for now. */
function refuseWhenFull(tokens: TokenIssuer): void {
  const full = tokens.refusal();
  if (full !== undefined) throw new HttpError(503, full);
}

/**
 * The Domain API and the IdP. The Domain API answers `publicHost()` (the configured public host, else
 * the bound address): never the request's `Host`, which a page or a proxy could have chosen.
 */
export function domainAndIdpRoutes(tokens: TokenIssuer, publicHost: () => string, accounts?: AccountControl): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/account/:accountId/service/:service/baseURI.json',
      handler(ctx) {
        const account = accountOf(ctx, accounts);
        requireVersion(ctx);
        const service = ctx.params['service'] ?? '';
        if (!EMULATED_SERVICES.includes(service)) throw new HttpError(404, `service not emulated: ${service.slice(0, 64)}`);
        ctx.json(200, { service, account, baseURI: publicHost() });
      },
    },
    {
      method: 'GET',
      path: '/api/account/:accountId/service/baseURI.json',
      handler(ctx) {
        const account = accountOf(ctx, accounts);
        requireVersion(ctx);
        const baseURI = publicHost();
        ctx.json(200, { baseURIs: EMULATED_SERVICES.map((service) => ({ service, account, baseURI })) });
      },
    },
    {
      method: 'POST',
      path: '/api/account/:accountId/signup',
      handler(ctx) {
        const account = accountOf(ctx, accounts);
        refuseWhenFull(tokens);
        ctx.json(200, { jwt: tokens.issue(account, randomUUID()) });
      },
    },
    {
      method: 'POST',
      path: '/api/account/:accountId/authenticate',
      async handler(ctx) {
        const account = accountOf(ctx, accounts);
        const body = await ctx.readBody();
        const authCode = isRecord(body) ? nonEmptyString(body['authCode'], 8192) : undefined;
        if (authCode === undefined) throw new HttpError(400, 'authCode is required (a non-empty string)');
        refuseWhenFull(tokens);
        ctx.json(200, { jwt: tokens.issue(account, consumerIdFromAuthCode(account, authCode)) });
      },
    },
  ];
}
