import { checkIceServers, type IceCandidateLike, type IceCheckResult } from '../../lib/readiness';
import { runMarbles } from '../../lib/testing';
import { domError, type FakePeerConnection, fakePeerConnections, type FakePeerConnectionOptions } from './fakes';
import type { SchedulerLike } from 'rxjs';

const TURN: RTCIceServer[] = [{ urls: 'turn:turn.example.com:3478', username: 'u', credential: 'p' }];
const host: IceCandidateLike = { candidate: 'candidate:1 1 udp 2122260223 abc.local 54321 typ host generation 0', type: 'host' };
const srflx: IceCandidateLike = { candidate: 'candidate:2 1 udp 1686052607 203.0.113.5 54321 typ srflx raddr 0.0.0.0 rport 0', type: 'srflx' };
const relay: IceCandidateLike = { candidate: 'candidate:3 1 udp 41885439 198.51.100.7 61000 typ relay raddr 203.0.113.5 rport 54321', type: 'relay' };

/** A fake RTCPeerConnection class, and a way to fire candidates on the one the check makes. */
function setup(scheduler: SchedulerLike, options: FakePeerConnectionOptions = {}) {
  const { RTCPeerConnection, made } = fakePeerConnections(scheduler, options);
  const at = (frame: number, candidate: IceCandidateLike | null): void => {
    scheduler.schedule(() => made[0]?.gather(candidate), frame);
  };
  return { environment: () => ({ RTCPeerConnection }), made, at };
}

describe('checkIceServers', () => {
  it('stops at the first relay candidate: one value, then the connection is closed and unlistened', () => {
    let pc: FakePeerConnection | undefined;
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const { environment, made, at } = setup(scheduler);
      at(1, host);
      at(2, srflx);
      at(3, relay);
      at(4, relay);
      expectObservable(checkIceServers(TURN, { environment, scheduler })).toBe('---(r|)', {
        r: { status: 'relay', candidates: { host: 1, srflx: 1, relay: 1 }, ended: 'relay-found' } satisfies IceCheckResult,
      });
      scheduler.schedule(() => (pc = made[0]), 5);
    });
    expect(pc?.configuration).toEqual({ iceServers: TURN });
    expect(pc?.channels).toHaveLength(1);
    expect(pc?.localDescription).toEqual({ type: 'offer', sdp: 'v=0' });
    expect(pc?.closed).toBe(true);
    expect(pc?.listenerCount('icecandidate')).toBe(0);
  });

  it('gathering complete (a null candidate) with a STUN answer only: srflx', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const { environment, at } = setup(scheduler);
      at(1, host);
      at(2, srflx);
      at(3, { candidate: '', type: null }); // Chrome's end-of-candidates for one m-line: ignored
      at(4, null);
      expectObservable(checkIceServers(TURN, { environment, scheduler })).toBe('----(s|)', {
        s: { status: 'srflx', candidates: { host: 1, srflx: 1, relay: 0 }, ended: 'complete' },
      });
    });
  });

  it('the timeout ends it with what was gathered: host-only, or none', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const first = setup(scheduler);
      first.at(1, host);
      expectObservable(checkIceServers(TURN, { environment: first.environment, scheduler, timeoutMs: 10 })).toBe('10ms (h|)', {
        h: { status: 'host-only', candidates: { host: 1, srflx: 0, relay: 0 }, ended: 'timeout' },
      });
      const second = setup(scheduler);
      expectObservable(checkIceServers([], { environment: second.environment, scheduler, timeoutMs: 10 })).toBe('10ms (n|)', {
        n: { status: 'none', candidates: { host: 0, srflx: 0, relay: 0 }, ended: 'timeout' },
      });
      scheduler.schedule(() => expect([first.made[0]?.closed, second.made[0]?.closed]).toEqual([true, true]), 11);
    });
  });

  it('reads the type from the SDP line where the browser leaves `type` out', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const { environment, at } = setup(scheduler);
      at(1, { candidate: relay.candidate });
      expectObservable(checkIceServers(TURN, { environment, scheduler })).toBe('-(r|)', {
        r: { status: 'relay', candidates: { host: 0, srflx: 0, relay: 1 }, ended: 'relay-found' },
      });
    });
  });

  it('an early unsubscribe closes the connection and removes the listener', () => {
    let pc: FakePeerConnection | undefined;
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const { environment, made, at } = setup(scheduler);
      at(1, host);
      expectObservable(checkIceServers(TURN, { environment, scheduler }), '^--!').toBe('---');
      scheduler.schedule(() => (pc = made[0]), 4);
    });
    expect(pc?.closed).toBe(true);
    expect(pc?.listenerCount('icecandidate')).toBe(0);
  });

  describe('failures are values', () => {
    it('no RTCPeerConnection: unavailable, no-webrtc', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        expectObservable(checkIceServers(TURN, { environment: () => ({}), scheduler })).toBe('(u|)', { u: { status: 'unavailable', reason: 'no-webrtc', message: '' } });
      });
    });

    it('the constructor throwing (a malformed ICE server URL): unavailable, failed, with its message', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const { environment } = setup(scheduler, { constructError: domError('SyntaxError', "'tern:x' is not a valid URL") });
        expectObservable(checkIceServers([{ urls: 'tern:x' }], { environment, scheduler })).toBe('(u|)', {
          u: { status: 'unavailable', reason: 'failed', message: "'tern:x' is not a valid URL" },
        });
      });
    });

    it('createOffer rejecting: unavailable, failed; the connection is closed', () => {
      let pc: FakePeerConnection | undefined;
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const { environment, made } = setup(scheduler, { offerError: domError('InvalidStateError', 'closed') });
        expectObservable(checkIceServers(TURN, { environment, scheduler })).toBe('(u|)', { u: { status: 'unavailable', reason: 'failed', message: 'closed' } });
        scheduler.schedule(() => (pc = made[0]), 1);
      });
      expect(pc?.closed).toBe(true);
    });
  });
});
