/**
 * The "how to reach and drive it" text printed by the CLI and `npm start`.
 */

/**
 * Lines telling a developer where the emulator is and how to drive it with curl; with `controlSecret`
 * (`RunningEmulator.controlSecret`) the control lines carry it, so they work from anywhere.
 */
export function describeEmulator(url: string, accountId = '123456', controlSecret?: string): string[] {
  const secret = controlSecret === undefined ? '' : ` -H 'X-Emulator-Secret: ${controlSecret}'`;
  const post = (path: string, body?: string): string =>
    `  curl -X POST ${url}${path}${secret}${body === undefined ? '' : ` -H 'Content-Type: application/json' -d '${body}'`}`;
  const ws = url.replace(/^http/, 'ws');
  return [
    `emulator listening on ${url}`,
    '',
    'Consumer side (what the library talks to):',
    `  Domain API  GET  ${url}/api/account/${accountId}/service/asyncMessagingEnt/baseURI.json?version=1.0`,
    `  IdP         POST ${url}/api/account/${accountId}/signup   (or /authenticate with {"authCode": "..."})`,
    `  WebSocket        ${ws}/ws_api/account/${accountId}/messaging/consumer?v=3`,
    '',
    'Drive the agent (the latest open conversation unless you pass "conversationId"):',
    post('/emulator/agent/invite', '{"mode":"VIDEO_CALL","expiresInMs":30000}'),
    post('/emulator/agent/hangup'),
    post('/emulator/agent/cancel'),
    post('/emulator/agent/expire'),
    post('/emulator/agent/message', '{"text":"Hello from the agent"}'),
    '',
    'Scenarios (the consumer page runs the stand-in call app from /lptag.js):',
    post('/emulator/call/session-error', '{"id":"NO_CAMERA_ACCESS"}'),
    post('/emulator/call/script', '{"accepted":"late","delayMs":3000}') + '   # or twice, never, normal',
    post('/emulator/agent/accept') + '   # ACCEPTED without the page: answered elsewhere',
    post('/emulator/accounts', '{"accountId":"987654"}'),
    post('/emulator/drop-sockets', '{"code":4401}'),
    `  curl${secret} ${url}/emulator/state`,
  ];
}
