/** @jest-environment node */
/**
 * Issue #10 over real sockets against the emulator: what a host does inside a handler, or in which
 * order it subscribes, does not change the outcome.
 */
import { filter, firstValueFrom, Observable, timeout } from 'rxjs';
import { createCallClient, type CallClient, type CallState } from '../../lib';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing';
import { overEmulator } from './over-emulator';

const WAIT = { first: 5000 };

let emulator: RunningEmulator;
let lpTag: FakeLpTag;
let client: CallClient;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, browserAssets: false });
  lpTag = createFakeLpTag({ sid: 'sid-1', vid: 'vid-1' });
  client = createCallClient({
    ...overEmulator(emulator),
    lpTag,
    visitor: { name: 'Jane' },
    callScreen: () => new Observable<never>(() => undefined),
  });
});

afterEach(async () => {
  await emulator.close();
});

describe('stream contracts over real sockets', () => {
  it('accept() inside the invitation$ handler — the only subscription — reaches active', async () => {
    const outcome: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const subscription = client.invitation$.subscribe((invitation) => {
        // eslint-disable-next-line rxjs-x/no-nested-subscribe -- what an auto-answer rule does
        client.accept(invitation).subscribe({
          next: (state: CallState) => outcome.push(state.status),
          error: (error: unknown) => {
            subscription.unsubscribe();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
          complete: () => {
            subscription.unsubscribe();
            resolve();
          },
        });
      });
    });
    // The conversation is requested over the client's own socket (a request holds it open too).
    await firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined).pipe(timeout(WAIT)));
    const { dialogId } = emulator.agent.invite({ mode: 'VIDEO_CALL' });
    // LivePerson's call app joins on cobrowseAccepted (none in Node: the agent side says ACCEPTED).
    lpTag.events.bind('lpCoBrowse', 'cobrowseAccepted', () => emulator.agent.accept({ dialogId }));
    await done;
    expect(outcome).toEqual(['accepting', 'joining', 'active']);
    expect(lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
  });

  it('an invitation answered elsewhere ends as answered-elsewhere, with no accept publish here', async () => {
    const subscription = client.session$.subscribe();
    await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'open'), timeout(WAIT)));
    await firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined).pipe(timeout(WAIT)));
    const closed = firstValueFrom(client.closed$.pipe(timeout(WAIT)));
    const invited = firstValueFrom(client.session$.pipe(filter((s) => s.status === 'offered'), timeout(WAIT)));
    const invite = emulator.agent.invite({ mode: 'VOICE_CALL' });
    await invited;
    emulator.agent.accept({ dialogId: invite.dialogId }); // another tab accepted: the server says ACCEPTED
    expect((await closed).reason).toBe('answered-elsewhere');
    expect(await firstValueFrom(client.session$)).toMatchObject({ status: 'ended', reason: 'answered-elsewhere' });
    expect(lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered']);
    subscription.unsubscribe();
  });
});
