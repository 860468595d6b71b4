import { callStatusIn } from '../../lib/browser/call-status';
import { ACTIVE_CALL_KEY } from '../../lib/browser/call-store';
import { createFakeFetch, flushPromises, type FakeFetch } from './fakes';
import { ACCEPT_DELAY_MS, OFFER, addContainer, installHarness, type StandInHarness } from './setup';

const dialog = (state: string, sessionState: string): object => ({
  dialogId: 'd1',
  channelType: 'COBROWSE',
  state,
  metaData: { serviceId: OFFER.serviceId, mode: 'VIDEO_CALL', sessionState },
});
const snapshot = (...dialogs: object[]): object => ({
  conversations: [{ conversationId: 'c1', dialogs: [{ dialogId: 'c1', channelType: 'MESSAGING', state: 'OPEN' }, ...dialogs] }],
  connections: [{ id: 'k1', state: 'OPEN' }],
});

describe('callStatusIn', () => {
  it('finds the dialog by metaData.serviceId', () => {
    expect(callStatusIn(snapshot(dialog('OPEN', 'ACCEPTED')), OFFER.serviceId)).toBe('open');
    expect(callStatusIn(snapshot(dialog('OPEN', 'CLOSED')), OFFER.serviceId)).toBe('closed');
    expect(callStatusIn(snapshot(dialog('CLOSE', 'ACCEPTED')), OFFER.serviceId)).toBe('closed');
  });

  it('finds a flat dialog summary naming serviceId directly', () => {
    expect(callStatusIn({ dialogs: [{ serviceId: OFFER.serviceId, sessionState: 'ACCEPTED' }] }, OFFER.serviceId)).toBe('open');
    expect(callStatusIn({ dialogs: [{ serviceId: OFFER.serviceId, sessionState: 'CLOSED' }] }, OFFER.serviceId)).toBe('closed');
  });

  it('finds call fields in any direct child object (e.g. a `cobrowse` record)', () => {
    const stored = { dialogId: 'd1', state: 'OPEN', cobrowse: { serviceId: OFFER.serviceId, sessionState: 'ACCEPTED' } };
    expect(callStatusIn([stored], OFFER.serviceId)).toBe('open');
    expect(callStatusIn([{ ...stored, state: 'CLOSE' }], OFFER.serviceId)).toBe('closed');
    expect(callStatusIn([{ ...stored, cobrowse: { serviceId: OFFER.serviceId, sessionState: 'CLOSED' } }], OFFER.serviceId)).toBe('closed');
  });

  it('is absent for other calls and for junk', () => {
    expect(callStatusIn(snapshot(dialog('CLOSE', 'CLOSED')), 'other#id')).toBe('absent');
    expect(callStatusIn(snapshot(), OFFER.serviceId)).toBe('absent');
    expect(callStatusIn(null, OFFER.serviceId)).toBe('absent');
    expect(callStatusIn('text', OFFER.serviceId)).toBe('absent');
  });
});

describe('ending the call from the emulator state', () => {
  let h: StandInHarness;
  let server: FakeFetch;

  const acceptCall = (): void => {
    addContainer();
    h.publish('cobrowseOffered', OFFER);
    h.publish('cobrowseAccepted', OFFER);
    h.timers.advance(ACCEPT_DELAY_MS);
  };
  const tick = async (): Promise<void> => {
    h.timers.advance(1000);
    await flushPromises();
  };

  beforeEach(() => {
    document.body.replaceChildren();
    sessionStorage.clear();
    server = createFakeFetch();
    h = installHarness({ fetch: server.fetch, stateUrl: 'http://emu.test/emulator/state' });
  });
  afterEach(() => h.standIn.uninstall());

  it('does not poll without an active call', async () => {
    await tick();
    await tick();
    expect(server.calls).toEqual([]);
  });

  it('polls every second while the call is open and ends it when the dialog closes', async () => {
    server.respond(snapshot(dialog('OPEN', 'ACCEPTED')));
    acceptCall();
    await tick();
    await tick();
    expect(server.calls).toEqual(['http://emu.test/emulator/state', 'http://emu.test/emulator/state']);
    expect(h.screen()).not.toBeNull();

    server.respond(snapshot(dialog('CLOSE', 'CLOSED')));
    await tick();
    expect(h.screen()).toBeNull();
    expect(sessionStorage.getItem(ACTIVE_CALL_KEY)).toBeNull();
    await tick();
    expect(server.calls).toHaveLength(3);
  });

  it('ends the call when its conversation disappears after it was seen open', async () => {
    server.respond(snapshot(dialog('OPEN', 'ACCEPTED')));
    acceptCall();
    await tick();
    server.respond({ conversations: [] });
    await tick();
    expect(h.standIn.activeCall()).toBeUndefined();
  });

  it('keeps the call while the snapshot never names it (unknown layout) or the fetch fails', async () => {
    server.respond({ conversations: [] });
    acceptCall();
    await tick();
    server.respond(new Error('offline'));
    await tick();
    expect(h.standIn.activeCall()?.serviceId).toBe(OFFER.serviceId);
    expect(h.screen()).not.toBeNull();
    expect(server.calls).toHaveLength(2);
  });
});
