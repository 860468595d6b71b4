#!/usr/bin/env node
// `npm run demo`: a scripted call in the terminal. The library runs in Node against the embedded
// emulator (real sockets); a scripted agent drives it through the emulator's agent control; the
// stream events print as a timeline. Exits 0 when the whole flow happened, 1 otherwise.
const { WebSocket } = require('ws');
const { filter, firstValueFrom, Observable, timeout } = require('rxjs');
const lib = require('../dist/cjs/index.js');
const { startEmulator } = require('lp-call-streams-emulator');
const { createFakeLpTag } = require('../dist/cjs/testing/index.js');

const started = Date.now();
const line = (stream, text) => console.log(`[${String(Date.now() - started).padStart(5)} ms] ${stream.padEnd(13)} ${text}`);
const wait = (source$, predicate = () => true, ms = 5000) => firstValueFrom(source$.pipe(filter(predicate), timeout(ms)));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const emulator = await startEmulator({ port: 0, browserAssets: false });
  line('emulator', `listening on ${emulator.url}`);

  // Node has no LivePerson tag: the test kit's fake lpTag, plus a two-line stand-in for the call app.
  const lpTag = createFakeLpTag({ sid: 'demo-ssid', vid: 'demo-svid' });
  // The call app tells LivePerson's call service about a decline; here: the emulator's control.
  lpTag.events.bind('lpCoBrowse', '*', (_data, info) => {
    line('call app', `heard lpCoBrowse/${info.eventName}`);
    if (info.eventName === 'cobrowseDeclined') emulator.agent.decline();
  });

  const client = lib.createCallClient({
    accountId: '12345678',
    auth: lib.unauthenticated(),
    endpoint: { domainApi: emulator.url },
    webSocketFactory: (url) => new WebSocket(url),
    lpTag,
    visitor: { name: 'Jane' },
    // No DOM in Node: show when the call screen container would exist.
    callScreen: () => new Observable(() => (line('container', 'created (.lp_cobrowse_callscreen_container)'), () => line('container', 'removed'))),
  });

  const subscription = client.connection$.subscribe((s) => line('connection$', s.status + (s.status === 'reconnecting' ? ` (attempt ${s.attempt}, ${s.delayMs} ms)` : '')));
  subscription.add(client.invitation$.subscribe((i) => line('invitation$', `${i.kind} call ${i.dialogId.slice(0, 8)}… from agent ${i.agentId}, expires in ${Math.round((i.expiresAt - Date.now()) / 1000)} s`)));
  subscription.add(client.accepted$.subscribe((a) => line('accepted$', `${a.kind} call ${a.dialogId.slice(0, 8)}…`)));
  subscription.add(client.closed$.subscribe((c) => line('closed$', `${c.dialog.kind} call ${c.dialog.dialogId.slice(0, 8)}… reason=${c.reason}`)));
  subscription.add(client.session$.subscribe((s) => line('session$', s.status)));
  subscription.add(client.error$.subscribe((e) => line('error$', `${e.id}: ${e.message}`)));
  subscription.add(client.diagnostic$.subscribe((d) => line('diagnostic$', `${d.source}: ${d.diagnostic.type}`)));

  await wait(client.connection$, (s) => s.status === 'open');
  const { body } = await firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined));
  line('chat', `conversation ${body.conversationId.slice(0, 8)}… opened`);

  line('agent', 'invites to a VOICE call');
  const voiceInvitation = wait(client.invitation$);
  emulator.agent.invite({ mode: 'VOICE_CALL' });
  const voice = await voiceInvitation;
  await wait(client.session$, (s) => s.status === 'offered');
  line('consumer', 'declines');
  const declined = wait(client.closed$);
  await firstValueFrom(client.decline(voice));
  await declined;

  line('agent', 'invites to a VIDEO call');
  const videoInvitation = wait(client.invitation$);
  emulator.agent.invite({ mode: 'VIDEO_CALL' });
  const video = await videoInvitation;
  await wait(client.session$, (s) => s.status === 'offered');
  line('consumer', 'accepts');
  // The accept is done when the server says ACCEPTED: LivePerson's call app joins (in this Node
  // demo there is no call app: the agent side says ACCEPTED once the page is joining).
  const accepted = new Promise((resolve, reject) => client.accept(video).subscribe({ complete: resolve, error: reject }));
  await wait(client.session$, (s) => s.status === 'joining');
  line('agent', 'joins (ACCEPTED: accepted, then joined)');
  const joined = wait(client.accepted$);
  emulator.agent.accept();
  await joined;
  await accepted;

  line('network', 'all sockets dropped');
  const reconnected = wait(client.connection$, (s) => s.status === 'reconnecting').then(() => wait(client.connection$, (s) => s.status === 'open', 15000));
  emulator.dropSockets();
  await reconnected;
  await sleep(200);

  line('agent', 'hangs up');
  const ended = wait(client.closed$);
  emulator.agent.hangup();
  const closed = await ended;
  if (closed.reason !== 'hangup') throw new Error(`expected hangup, got ${closed.reason}`);

  subscription.unsubscribe();
  await sleep(100);
  line('teardown', `open sockets on the emulator: ${emulator.state().connections.length}, lpTag bindings left: ${lpTag.bindingCount() - 1}`);
  await emulator.close();
  line('demo', 'done');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
