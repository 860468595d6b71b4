/**
 * Fake browser globals for the readiness specs: event targets that count their listeners, and
 * browser promises answered at a virtual time of the test's scheduler (or synchronously, or never).
 */
import type { SchedulerLike } from 'rxjs';
import type {
  IceCandidateLike,
  MediaDeviceInfoLike,
  MediaEnvironment,
  MediaStreamLike,
  PeerConnectionConstructor,
  PeerConnectionLike,
  PermissionStatusLike,
} from '../../lib/readiness';

/** When a fake answers: synchronously (`0`), after that many virtual ms, or never. */
export type Delay = number | 'never';

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** A thenable settled on the scheduler; handlers run synchronously at that virtual time. */
export class Answer<T> implements PromiseLike<T> {
  private outcome: Outcome<T> | undefined;
  private readonly waiting: (() => void)[] = [];

  constructor(scheduler: SchedulerLike, delay: Delay, outcome: Outcome<T>) {
    if (delay === 0) this.outcome = outcome;
    else if (delay !== 'never') scheduler.schedule(() => this.settle(outcome), delay);
  }

  private settle(outcome: Outcome<T>): void {
    this.outcome = outcome;
    for (const run of this.waiting.splice(0)) run();
  }

  then<R1 = T, R2 = never>(onOk?: ((value: T) => R1 | PromiseLike<R1>) | null, onError?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    return new Promise<R1 | R2>((resolve, reject) => {
      const run = (): void => {
        const outcome = this.outcome;
        if (outcome === undefined) return;
        try {
          if (outcome.ok) resolve(onOk ? onOk(outcome.value) : (outcome.value as unknown as R1));
          else if (onError) resolve(onError(outcome.error));
          else reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
        } catch (error: unknown) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      if (this.outcome) run();
      else this.waiting.push(run);
    });
  }
}

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const rejected = (error: unknown): Outcome<never> => ({ ok: false, error });

/** A DOMException-like error as browsers reject with. */
export const domError = (name: string, message = `${name} message`): Error => Object.assign(new Error(message), { name });

export class FakeEventTarget<E = unknown> {
  private readonly listeners = new Map<string, Set<(event: E) => void>>();

  addEventListener(type: string, listener: (event: E) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: (event: E) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  dispatch(type: string, event: E): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
  }

  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }
}

export class FakePermissionStatus extends FakeEventTarget implements PermissionStatusLike {
  constructor(public state: string) {
    super();
  }

  /** The user changes it in the site settings. */
  change(state: string): void {
    this.state = state;
    this.dispatch('change', { type: 'change' });
  }
}

export interface FakePermissionsOptions {
  readonly states?: { readonly [name: string]: string };
  /** Names the browser does not know: the query rejects with a TypeError (Firefox before it knew camera/microphone). */
  readonly unknownNames?: readonly string[];
  readonly delay?: Delay;
}

/** `navigator.permissions`: one PermissionStatus per query, as browsers do; all kept to inspect. */
export class FakePermissions {
  readonly queries: string[] = [];
  readonly statuses: { readonly name: string; readonly status: FakePermissionStatus }[] = [];
  private readonly states = new Map<string, string>();

  constructor(private readonly scheduler: SchedulerLike, private readonly options: FakePermissionsOptions = {}) {
    for (const [name, state] of Object.entries(options.states ?? {})) this.states.set(name, state);
  }

  query(descriptor: { readonly name: string }): PromiseLike<PermissionStatusLike> {
    const { name } = descriptor;
    this.queries.push(name);
    const delay = this.options.delay ?? 0;
    if (this.options.unknownNames?.includes(name)) return new Answer<PermissionStatusLike>(this.scheduler, delay, rejected(new TypeError(`'${name}' (value of 'name' member of PermissionDescriptor) is not a valid value for enumeration PermissionName.`)));
    const status = new FakePermissionStatus(this.states.get(name) ?? 'prompt');
    this.statuses.push({ name, status });
    return new Answer<PermissionStatusLike>(this.scheduler, delay, ok(status));
  }

  /** The user changes `name` for the site: every live PermissionStatus of it fires `change`. */
  change(name: string, state: string): void {
    this.states.set(name, state);
    for (const entry of this.statuses) if (entry.name === name) entry.status.change(state);
  }

  changeListeners(): number {
    return this.statuses.reduce((sum, { status }) => sum + status.listenerCount('change'), 0);
  }
}

export const camera = (label = ''): MediaDeviceInfoLike => ({ kind: 'videoinput', label });
export const microphone = (label = ''): MediaDeviceInfoLike => ({ kind: 'audioinput', label });
export const speaker = (label = ''): MediaDeviceInfoLike => ({ kind: 'audiooutput', label });

export class FakeTrack {
  stopped = false;
  stop(): void {
    this.stopped = true;
  }
}

export interface FakeMediaDevicesOptions {
  readonly devices?: readonly MediaDeviceInfoLike[];
  readonly enumerateDelay?: Delay;
  readonly enumerateError?: unknown;
  readonly getUserMediaDelay?: Delay;
  /** getUserMedia rejects with it. */
  readonly getUserMediaError?: unknown;
  /** getUserMedia throws it synchronously. */
  readonly getUserMediaThrows?: Error;
}

/** `navigator.mediaDevices`; `plug()` changes the devices and fires `devicechange`. */
export class FakeMediaDevices extends FakeEventTarget {
  devices: readonly MediaDeviceInfoLike[];
  enumerations = 0;
  readonly getUserMediaCalls: { readonly audio: boolean; readonly video: boolean }[] = [];
  readonly tracks: FakeTrack[] = [];

  constructor(private readonly scheduler: SchedulerLike, private readonly options: FakeMediaDevicesOptions = {}) {
    super();
    this.devices = options.devices ?? [camera(), microphone()];
  }

  enumerateDevices(): PromiseLike<readonly MediaDeviceInfoLike[]> {
    this.enumerations += 1;
    const delay = this.options.enumerateDelay ?? 0;
    const { enumerateError } = this.options;
    return new Answer(this.scheduler, delay, enumerateError === undefined ? ok(this.devices) : rejected(enumerateError));
  }

  getUserMedia(constraints: { readonly audio: boolean; readonly video: boolean }): PromiseLike<MediaStreamLike> {
    this.getUserMediaCalls.push(constraints);
    if (this.options.getUserMediaThrows !== undefined) throw this.options.getUserMediaThrows;
    const tracks = [constraints.audio, constraints.video].filter(Boolean).map(() => new FakeTrack());
    this.tracks.push(...tracks);
    const { getUserMediaError } = this.options;
    const stream: MediaStreamLike = { getTracks: () => tracks };
    return new Answer(this.scheduler, this.options.getUserMediaDelay ?? 0, getUserMediaError === undefined ? ok(stream) : rejected(getUserMediaError));
  }

  plug(devices: readonly MediaDeviceInfoLike[]): void {
    this.devices = devices;
    this.dispatch('devicechange', { type: 'devicechange' });
  }
}

type IceEvent = { readonly candidate?: IceCandidateLike | null };

export interface FakePeerConnectionOptions {
  /** The constructor throws it (browsers throw on a malformed ICE server URL). */
  readonly constructError?: Error;
  readonly offerError?: unknown;
}

/** An `RTCPeerConnection` whose candidates the test fires (`gather`), recording what it was given. */
export class FakePeerConnection extends FakeEventTarget<IceEvent> implements PeerConnectionLike {
  readonly channels: string[] = [];
  closed = false;
  localDescription: RTCSessionDescriptionInit | undefined;

  constructor(
    readonly configuration: RTCConfiguration,
    private readonly scheduler: SchedulerLike,
    private readonly options: FakePeerConnectionOptions,
  ) {
    super();
  }

  createDataChannel(label: string): unknown {
    this.channels.push(label);
    return {};
  }

  createOffer(): PromiseLike<RTCSessionDescriptionInit> {
    const { offerError } = this.options;
    return new Answer<RTCSessionDescriptionInit>(this.scheduler, 0, offerError === undefined ? ok({ type: 'offer', sdp: 'v=0' }) : rejected(offerError));
  }

  setLocalDescription(description: RTCSessionDescriptionInit): PromiseLike<void> {
    this.localDescription = description;
    return new Answer<void>(this.scheduler, 0, ok(undefined));
  }

  close(): void {
    this.closed = true;
  }

  gather(candidate: IceCandidateLike | null): void {
    this.dispatch('icecandidate', { candidate });
  }
}

/** A fake `RTCPeerConnection` constructor, and every connection it made. */
export function fakePeerConnections(scheduler: SchedulerLike, options: FakePeerConnectionOptions = {}): { readonly RTCPeerConnection: PeerConnectionConstructor; readonly made: FakePeerConnection[] } {
  const made: FakePeerConnection[] = [];
  class RTCPeerConnection extends FakePeerConnection {
    constructor(configuration: RTCConfiguration) {
      if (options.constructError) throw options.constructError;
      super(configuration, scheduler, options);
      made.push(this);
    }
  }
  return { RTCPeerConnection, made };
}

export interface FakeBrowser {
  readonly environment: () => MediaEnvironment;
  readonly permissions: FakePermissions;
  readonly mediaDevices: FakeMediaDevices;
  /** How many times `environment` was read. */
  readonly reads: () => number;
}

/** A secure page with WebRTC, the given permissions and devices. */
export function fakeBrowser(scheduler: SchedulerLike, options: { permissions?: FakePermissionsOptions; devices?: FakeMediaDevicesOptions; env?: Partial<MediaEnvironment> } = {}): FakeBrowser {
  const permissions = new FakePermissions(scheduler, options.permissions);
  const mediaDevices = new FakeMediaDevices(scheduler, options.devices);
  let reads = 0;
  const environment = (): MediaEnvironment => {
    reads += 1;
    return { navigator: { permissions, mediaDevices }, RTCPeerConnection: fakePeerConnections(scheduler).RTCPeerConnection, isSecureContext: true, ...options.env };
  };
  return { environment, permissions, mediaDevices, reads: () => reads };
}
