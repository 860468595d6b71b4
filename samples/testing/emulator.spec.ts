/** @jest-environment node */
import { filter, firstValueFrom, NEVER } from 'rxjs';
import { WebSocket } from 'ws';
import { createCallClient, unauthenticated } from 'lp-call-streams';
import { createFakeLpTag } from 'lp-call-streams/testing';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';

let emulator: RunningEmulator;
beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
afterAll(() => emulator.close());

it('an invitation over real sockets: invitation$, accept, accepted$', async () => {
  const lpTag = createFakeLpTag(); // Node has no LivePerson tag
  const client = createCallClient({
    accountId: '123456', // an account the emulator knows
    auth: unauthenticated(), // the emulator's IdP signs the visitor up
    endpoint: { domainApi: emulator.url }, // its Domain API names its own socket
    webSocketFactory: (url) => new WebSocket(url), // Node 20 has no global WebSocket
    lpTag,
    visitor: { name: 'Jane' },
    callScreen: () => NEVER, // no document in Node: no call screen
  });
  const subscription = client.connection$.subscribe();
  await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'open')));
  await firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined));
  const invitation = firstValueFrom(client.invitation$);
  const invite = await fetch(`${emulator.url}/emulator/agent/invite`, { method: 'POST', body: '{"mode":"VIDEO_CALL"}' }); // the agent, as curl would
  expect(invite.status).toBe(200);
  const call = await invitation;
  expect(call.kind).toBe('video');
  await firstValueFrom(client.accept(call), { defaultValue: undefined });
  expect(lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
  const accepted = firstValueFrom(client.accepted$);
  emulator.agent.accept(); // what LivePerson's call service does when the call app joins
  expect((await accepted).dialogId).toBe(call.dialogId);
  subscription.unsubscribe(); // closes the socket with 1000
});
