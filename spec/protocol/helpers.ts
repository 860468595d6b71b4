/** Shared helpers of the protocol specs: fixture text, envelopes around verbatim dialogs, decode shortcuts. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { decode } from '../../lib/protocol';
import type { DecodeError, InboundFrame, Json } from '../../lib/protocol';

/** The text of `spec/protocol/fixtures/<name>`, byte for byte. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

/** `JSON.parse`, typed as the JSON it is. */
export function json(text: string): Json {
  const value: Json = JSON.parse(text);
  return value;
}

/** The non-empty lines of a `.jsonl` fixture. */
export function fixtureLines(name: string): string[] {
  return fixture(name)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Ids of the conversation the seed's invitation belongs to (from its `serviceId`: `<consumerPid>#<conversationId>`). */
export const SEED = {
  consumerId: 'cc05f2b9-916b-496e-89fe-66a46d975ae2',
  conversationId: '7904fffd-fc68-4d93-b611-4dc06ab26bf4',
  agentPid: 'a1b2c3d4-0000-4000-8000-000000000001',
  subscriptionId: '1e25cbe8-0000-4000-8000-000000000002',
} as const;

/** The existing MAIN messaging dialog that precedes the COBROWSE one (seed, step 3). */
export const MAIN_DIALOG_TEXT = JSON.stringify({
  dialogId: SEED.conversationId,
  dialogType: 'MAIN',
  channelType: 'MESSAGING',
  state: 'OPEN',
  participantsDetails: [
    { id: SEED.consumerId, role: 'CONSUMER', state: 'ACTIVE' },
    { id: SEED.agentPid, role: 'ASSIGNED_AGENT', state: 'ACTIVE' },
  ],
  metaData: { appInstallId: 'a44eb05d-0000-4000-8000-000000000003' },
  creationTs: 1502892000000,
  metaDataLastUpdateTs: 1502892000000,
});

/**
 * A full `cqm.ExConversationChangeNotification` (one UPSERT) whose `dialogs` are the MAIN dialog
 * followed by `dialogTexts`, spliced in as text so the dialog JSON stays verbatim (e.g. `1.502893131855E9`).
 */
export function notificationAround(...dialogTexts: string[]): string {
  const participants = JSON.stringify([
    { id: SEED.consumerId, role: 'CONSUMER' },
    { id: SEED.agentPid, role: 'ASSIGNED_AGENT' },
  ]);
  return (
    `{"kind":"notification","type":"cqm.ExConversationChangeNotification","body":{` +
    `"subscriptionId":"${SEED.subscriptionId}","sentTs":1502893041950,"changes":[{"type":"UPSERT","result":{` +
    `"convId":"${SEED.conversationId}","effectiveTTR":-1,"conversationDetails":{"skillId":"3801636938","brandId":"83624296",` +
    `"participants":${participants},"dialogs":[${[MAIN_DIALOG_TEXT, ...dialogTexts].join(',')}],` +
    `"state":"OPEN","stage":"OPEN","startTs":1502892000000,"metaDataLastUpdateTs":1502893041905}}}]}}`
  );
}

/** Decodes `text`, failing the test on a decode error. */
export function decodeOk(text: string): InboundFrame {
  const result = decode(text);
  if (!result.ok) throw new Error(`expected a frame, got ${result.error.message}`);
  return result.frame;
}

/** Decodes `text`, failing the test if it decodes. */
export function decodeFail(text: string): DecodeError {
  const result = decode(text);
  if (result.ok) throw new Error(`expected a decode error, got a ${result.frame.kind} frame`);
  return result.error;
}
