import { asyncScheduler, catchError, defer, finalize, ignoreElements, last, map, merge, type Observable, of, scan, type SchedulerLike, switchMap, takeWhile, timer } from 'rxjs';
import { ask } from './ask';
import { browserEnvironment, type IceCandidateLike, type MediaEnvironment } from './environment';
import { listenTo } from './listen';
import { clampScheduler } from '../scheduling/clamp-scheduler';

/** Candidates gathered, by type. */
export interface IceCandidateCounts {
  readonly host: number;
  /** Server-reflexive: a STUN server answered. */
  readonly srflx: number;
  /** Relayed: a TURN server allocated a relay (the path that crosses networks blocking peer-to-peer). */
  readonly relay: number;
}

/**
 * The best candidate type seen: `relay`, `srflx`, `host-only`, or `none`; `ended` says whether
 * gathering stopped at the first relay, completed, or ran into the timeout. `unavailable`: no
 * `RTCPeerConnection`, or the browser refused to gather (`failed`, with its message).
 */
export type IceCheckResult =
  | { readonly status: 'relay' | 'srflx' | 'host-only' | 'none'; readonly candidates: IceCandidateCounts; readonly ended: 'relay-found' | 'complete' | 'timeout' }
  | { readonly status: 'unavailable'; readonly reason: 'no-webrtc' | 'failed'; readonly message: string };

/** Options of {@link checkIceServers}. */
export interface IceCheckConfig {
  /** The globals to read (`RTCPeerConnection`), once per subscription. Default: the page's own. */
  readonly environment?: () => MediaEnvironment;
  /** Runs the timeout. Default `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
  /** How long to gather. Default 5000 ms. */
  readonly timeoutMs?: number;
}

type Gathered = { readonly candidates: IceCandidateCounts; readonly ended?: 'relay-found' | 'complete' | 'timeout' };
type Step = { readonly type: 'candidate'; readonly candidate: IceCandidateLike } | { readonly type: 'complete' | 'timeout' };

const NONE: IceCandidateCounts = { host: 0, srflx: 0, relay: 0 };

/** `host` / `srflx` / `relay` from the candidate's `type`, else from its SDP line (`… typ relay …`). */
export function candidateType(candidate: IceCandidateLike): keyof IceCandidateCounts | undefined {
  const type = candidate.type || / typ (\w+)/.exec(candidate.candidate)?.[1];
  return type === 'host' || type === 'srflx' || type === 'relay' ? type : undefined;
}

const gather = (state: Gathered, step: Step): Gathered => {
  if (step.type !== 'candidate') return { ...state, ended: step.type };
  const type = candidateType(step.candidate);
  if (type === undefined) return state;
  const candidates = { ...state.candidates, [type]: state.candidates[type] + 1 };
  return { candidates, ...(type === 'relay' ? { ended: 'relay-found' as const } : {}) };
};

const verdict = ({ candidates, ended = 'timeout' }: Gathered): IceCheckResult => {
  const status = candidates.relay > 0 ? 'relay' : candidates.srflx > 0 ? 'srflx' : candidates.host > 0 ? 'host-only' : 'none';
  return { status, candidates, ended };
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : typeof error === 'string' ? error : '');

/**
 * Whether the brand's STUN/TURN servers answer from this network, before a call: gathers ICE
 * candidates with a throw-away `RTCPeerConnection` (a data channel, a local offer; no media, no
 * prompt) and emits one {@link IceCheckResult} at the first relay candidate, when gathering
 * completes, or after `timeoutMs` — whichever comes first — then completes. Never errors. Teardown
 * (also an early unsubscribe) removes the listener and closes the connection.
 *
 * ```
 * candidates:  -h--s----r       h: host, s: srflx, r: relay
 * result:      ---------(R|)    R: { status: 'relay', ended: 'relay-found' }
 * ```
 *
 * @example
 * import { checkIceServers } from 'lp-call-streams/readiness';
 * checkIceServers([{ urls: 'turn:turn.example.com:3478', username: 'u', credential: 'p' }])
 *   .subscribe((r) => console.log(r.status));   // 'relay' when the TURN server allocated one
 */
export function checkIceServers(iceServers: readonly RTCIceServer[], config: IceCheckConfig = {}): Observable<IceCheckResult> {
  const { environment = browserEnvironment, scheduler = asyncScheduler, timeoutMs = 5000 } = config;
  return defer(() => {
    const PeerConnection = environment().RTCPeerConnection;
    if (typeof PeerConnection !== 'function') return of<IceCheckResult>({ status: 'unavailable', reason: 'no-webrtc', message: '' });
    const pc = new PeerConnection({ iceServers: [...iceServers] });
    const step$ = merge(
      listenTo(pc, 'icecandidate').pipe(map(({ candidate }): Step => (candidate ? { type: 'candidate', candidate } : { type: 'complete' }))),
      ask(() => {
        pc.createDataChannel('lp-call-streams-ice-check'); // gives the offer something to gather for
        return pc.createOffer();
      }).pipe(switchMap((offer) => ask(() => pc.setLocalDescription(offer))), ignoreElements()),
      timer(timeoutMs, clampScheduler(scheduler)).pipe(map((): Step => ({ type: 'timeout' }))),
    );
    return step$.pipe(
      scan(gather, { candidates: NONE }),
      takeWhile((state) => state.ended === undefined, true),
      last(),
      map(verdict),
      finalize(() => pc.close()),
    );
  }).pipe(catchError((error: unknown) => of<IceCheckResult>({ status: 'unavailable', reason: 'failed', message: messageOf(error) })));
}
