/** @jest-environment node */
/** Accounts: an unknown accountId gets 404 from the Domain API and the IdP (as on LivePerson), unless known or permissive. */
import { startEmulator, type RunningEmulator } from '../lib';
import { httpJson } from './raw-client';

const started: RunningEmulator[] = [];
afterEach(async () => Promise.all(started.splice(0).map((e) => e.close())));

async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  const running = await startEmulator({ browserAssets: false, ...options });
  started.push(running);
  return running;
}

const domainApi = (e: RunningEmulator, account: string) => httpJson('GET', `${e.url}/api/account/${account}/service/asyncMessagingEnt/baseURI.json?version=1.0`);

describe('accounts', () => {
  it('knows 123456 and 12345678 by default; any other account id is a 404 on the Domain API and the IdP', async () => {
    const e = await emulator();
    expect((await domainApi(e, '123456')).status).toBe(200);
    expect((await domainApi(e, '12345678')).status).toBe(200);
    const unknown = await domainApi(e, '1234567');
    expect(unknown).toMatchObject({ status: 404, json: { error: expect.stringContaining('unknown account 1234567') } });
    expect((await httpJson('POST', `${e.url}/api/account/1234567/signup`)).status).toBe(404);
    expect((await httpJson('POST', `${e.url}/api/account/1234567/authenticate`, { authCode: 'a' })).status).toBe(404);
    expect(e.state().accounts).toEqual({ known: ['123456', '12345678'], permissive: false });
  });

  it('adds accounts from options, code and HTTP; refuses a malformed id', async () => {
    const e = await emulator({ accounts: ['le123'] });
    expect((await domainApi(e, '123456')).status).toBe(404);
    expect((await domainApi(e, 'le123')).status).toBe(200);
    e.accounts.add('777');
    expect((await domainApi(e, '777')).status).toBe(200);
    expect(await httpJson('POST', `${e.url}/emulator/accounts`, { accountId: '888' })).toMatchObject({ status: 200, json: { accounts: ['le123', '777', '888'], permissive: false } });
    expect((await httpJson('POST', `${e.url}/api/account/888/signup`)).status).toBe(200);
    expect(await httpJson('POST', `${e.url}/emulator/accounts`, { accountId: 'a/b' })).toMatchObject({ status: 400, json: { code: 'bad-request' } });
    expect(() => e.accounts.add('')).toThrow(RangeError);
  });

  it('permissive: every account id is answered', async () => {
    const e = await emulator({ permissive: true });
    expect((await domainApi(e, 'anything')).status).toBe(200);
    expect(e.accounts.knows('whatever')).toBe(true);
  });
});
