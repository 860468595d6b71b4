import { map, type Observable } from 'rxjs';
import { fetchJson, type FetchLike, HttpError, stringField } from './http';

/** LivePerson's Domain API (service discovery). */
export const defaultDomainApi = 'https://api.liveperson.net';

/** The services a consumer needs: the UMS socket host and the identity provider. */
export type ConsumerService = 'asyncMessagingEnt' | 'idp';

function baseUriOf(body: unknown, service: string): string | undefined {
  const direct = stringField(body, 'baseURI');
  if (direct !== undefined) return direct;
  // Tolerate the list forms: `[{service, baseURI}]` and `{ baseURIs: [...] }`.
  const list: unknown = Array.isArray(body) ? body : typeof body === 'object' && body !== null ? Reflect.get(body, 'baseURIs') : undefined;
  if (!Array.isArray(list)) return undefined;
  const entry: unknown = list.find((item: unknown) => stringField(item, 'service') === service) ?? (list.length === 1 ? list[0] : undefined);
  return stringField(entry, 'baseURI');
}

/** `https` → `https`, `http` → `http`: the scheme the IdP is called with follows the Domain API's. */
export function httpScheme(domainApi: string): 'http' | 'https' {
  return /^http:/i.test(domainApi) ? 'http' : 'https';
}

/** `http` → `ws`, `https` → `wss`. */
export function socketScheme(domainApi: string): 'ws' | 'wss' {
  return httpScheme(domainApi) === 'http' ? 'ws' : 'wss';
}

/**
 * Looks up a service's host (`baseURI`) for an account: a cold Observable that emits once.
 *
 * `GET {domainApi}/api/account/{accountId}/service/{service}/baseURI.json?version=1.0`
 */
export function lookupService(fetchFn: FetchLike, domainApi: string, accountId: string, service: ConsumerService): Observable<string> {
  const url = `${domainApi.replace(/\/+$/, '')}/api/account/${encodeURIComponent(accountId)}/service/${service}/baseURI.json?version=1.0`;
  return fetchJson(fetchFn, url).pipe(
    map((body) => {
      const baseUri = baseUriOf(body, service);
      if (baseUri === undefined) throw new HttpError(url, 0, `no baseURI for ${service} in the Domain API answer`);
      return baseUri;
    }),
  );
}

/** The consumer socket URL for a UMS host. Never carries a token. */
export function consumerSocketUrl(scheme: 'ws' | 'wss', host: string, accountId: string): string {
  return `${scheme}://${host}/ws_api/account/${encodeURIComponent(accountId)}/messaging/consumer?v=3`;
}

/** Resolves the socket URL through the Domain API (scheme derived from the Domain API's). */
export function resolveSocketUrl(fetchFn: FetchLike, domainApi: string, accountId: string): Observable<string> {
  return lookupService(fetchFn, domainApi, accountId, 'asyncMessagingEnt').pipe(map((host) => consumerSocketUrl(socketScheme(domainApi), host, accountId)));
}
