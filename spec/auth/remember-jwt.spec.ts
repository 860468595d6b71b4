import { firstValueFrom, isObservable, of } from 'rxjs';
import type { AuthProvider, JwtReason, JwtRequest, JwtSource } from '../../lib/auth/auth';
import { rememberJwt, type JwtStorage } from '../../lib/auth/remember-jwt';

function memoryStorage(): JwtStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const request = (reason: JwtReason, accountId = '123'): JwtRequest => ({ reason, accountId, domainApi: 'http://127.0.0.1:1', fetch: undefined });

async function tokenOf(source: JwtSource): Promise<string> {
  return isObservable(source) ? firstValueFrom(source) : await source;
}

function countingProvider(): AuthProvider & { calls: JwtReason[] } {
  const calls: JwtReason[] = [];
  return { calls, jwt: (r) => (calls.push(r.reason), of(`token-${calls.length}`)) };
}

describe('rememberJwt', () => {
  it('stores the first token and reuses it on the next page load (initial), per account', async () => {
    const storage = memoryStorage();
    const inner = countingProvider();
    expect(await tokenOf(rememberJwt(inner, storage).jwt(request('initial')))).toBe('token-1');
    // a "reload": a new provider over the same storage
    expect(await tokenOf(rememberJwt(inner, storage).jwt(request('initial')))).toBe('token-1');
    expect(inner.calls).toEqual(['initial']);
    expect(await tokenOf(rememberJwt(inner, storage).jwt(request('initial', '456')))).toBe('token-2');
    expect([...storage.items.keys()]).toEqual(['lp-call-streams.jwt:123', 'lp-call-streams.jwt:456']);
  });

  it('a refresh (4401 expired / 4407 identity) forgets the stored token and stores the fresh one', async () => {
    const storage = memoryStorage();
    const inner = countingProvider();
    const auth = rememberJwt(inner, storage);
    await tokenOf(auth.jwt(request('initial')));
    expect(await tokenOf(auth.jwt(request('expired')))).toBe('token-2');
    expect(await tokenOf(auth.jwt(request('initial')))).toBe('token-2');
    expect(await tokenOf(auth.jwt(request('identity')))).toBe('token-3');
    expect(inner.calls).toEqual(['initial', 'expired', 'identity']);
  });

  it('a failing provider stores nothing', async () => {
    const storage = memoryStorage();
    const auth = rememberJwt({ jwt: () => Promise.reject(new Error('idp down')) }, storage);
    await expect(tokenOf(auth.jwt(request('initial')))).rejects.toThrow('idp down');
    expect(storage.items.size).toBe(0);
  });
});
