/**
 * Every JSON example of the seed (voice-and-video-calls.md), verbatim from spec/protocol/fixtures/seed.
 * The two dialog examples are wrapped in a full notification envelope; their JSON is spliced in unchanged.
 */
import { decode, encode, initConnection, isCobrowseDialog, isExConversationChange } from '../../lib/protocol';
import type { CobrowseDialog, Dialog, ExConversationChangeNotification } from '../../lib/protocol';
import { decodeFail, decodeOk, fixture, notificationAround, SEED } from './helpers';

function notification(text: string): ExConversationChangeNotification {
  const frame = decodeOk(text);
  if (!isExConversationChange(frame)) throw new Error(`expected a conversation change, got ${frame.kind}`);
  return frame;
}

function dialogsOf(frame: ExConversationChangeNotification): readonly Dialog[] {
  const change = frame.body.changes[0];
  if (change?.type !== 'UPSERT') throw new Error('expected one UPSERT');
  return change.result.conversationDetails.dialogs;
}

function cobrowseDialogOf(text: string): CobrowseDialog {
  const dialogs = dialogsOf(notification(notificationAround(text)));
  expect(dialogs).toHaveLength(2);
  const [main, second] = dialogs;
  expect(main?.channelType).toBe('MESSAGING');
  if (second === undefined || !isCobrowseDialog(second)) throw new Error('the second dialog is not COBROWSE');
  return second;
}

describe('protocol: the seed examples', () => {
  it('step 3: the invitation dialog decodes to a COBROWSE dialog, expires in seconds and ms', () => {
    const text = fixture('seed/invited-dialog.json');
    expect(text).toContain('"expires": 1.502893131855E9'); // verbatim, exponent notation and all
    const dialog = cobrowseDialogOf(text);
    expect(dialog).toEqual({
      dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
      participants: [SEED.consumerId, 'le83624296.356285412'],
      dialogType: 'OTHER',
      channelType: 'COBROWSE',
      state: 'OPEN',
      creationTs: 1502893041905,
      metaDataLastUpdateTs: 1502893041905,
      metaData: {
        serviceId: `${SEED.consumerId}#${SEED.conversationId}`,
        mode: 'VIDEO_CALL',
        expires: 1502893131.855,
        expiresAtMs: 1502893131855,
        sessionState: 'INVITED',
        dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
        raw: JSON.parse(text).metaData,
      },
    });
    expect(Number.isInteger(dialog.metaData.expiresAtMs)).toBe(true);
  });

  it('the whole envelope around the invitation decodes with its conversation details', () => {
    const frame = notification(notificationAround(fixture('seed/invited-dialog.json')));
    expect(frame.body.subscriptionId).toBe(SEED.subscriptionId);
    expect(frame.body.sentTs).toBe(1502893041950);
    const change = frame.body.changes[0];
    expect(change?.type).toBe('UPSERT');
    if (change?.type !== 'UPSERT') return;
    expect(change.result.convId).toBe(SEED.conversationId);
    expect(change.result.effectiveTTR).toBe(-1);
    expect(change.result.conversationDetails).toMatchObject({
      skillId: '3801636938',
      brandId: '83624296',
      participants: [
        { id: SEED.consumerId, role: 'CONSUMER' },
        { id: SEED.agentPid, role: 'ASSIGNED_AGENT' },
      ],
      state: 'OPEN',
      stage: 'OPEN',
      startTs: 1502892000000,
      metaDataLastUpdateTs: 1502893041905,
    });
    const main = change.result.conversationDetails.dialogs[0];
    expect(main).toMatchObject({ dialogId: SEED.conversationId, dialogType: 'MAIN', channelType: 'MESSAGING', metaData: { appInstallId: 'a44eb05d-0000-4000-8000-000000000003' } });
    expect(main?.participantsDetails).toEqual([
      { id: SEED.consumerId, role: 'CONSUMER', state: 'ACTIVE' },
      { id: SEED.agentPid, role: 'ASSIGNED_AGENT', state: 'ACTIVE' },
    ]);
  });

  it('last section: the hang-up / cancel / expiry dialog decodes with only sessionState CLOSED', () => {
    const text = fixture('seed/closed-dialog.json');
    const dialog = cobrowseDialogOf(text);
    expect(dialog).toEqual({
      dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
      dialogType: 'OTHER',
      channelType: 'COBROWSE',
      metaData: { sessionState: 'CLOSED', raw: { sessionState: 'CLOSED' } },
    });
    expect(dialog.state).toBeUndefined();
    expect(dialog.metaData.expiresAtMs).toBeUndefined();
  });

  it('both seed dialogs decode side by side in one notification', () => {
    const dialogs = dialogsOf(notification(notificationAround(fixture('seed/invited-dialog.json'), fixture('seed/closed-dialog.json'))));
    expect(dialogs.map((d) => [d.channelType, isCobrowseDialog(d) ? d.metaData.sessionState : undefined])).toEqual([
      ['MESSAGING', undefined],
      ['COBROWSE', 'INVITED'],
      ['COBROWSE', 'CLOSED'],
    ]);
  });

  describe('step 1: the InitConnection request', () => {
    const text = fixture('seed/init-connection.json');

    it('is what initConnection() builds (plus the kind the tutorial leaves out)', () => {
      const built = initConnection('0', { jwt: '…', clientProperties: { deviceFamily: 'DESKTOP', os: 'WINDOWS', features: ['CO_BROWSE'] } });
      expect(JSON.parse(encode(built))).toEqual({ kind: 'req', ...JSON.parse(text) });
    });

    it('is not an inbound frame: verbatim it has no kind (error at `kind`), with one it is an UnknownFrame', () => {
      const error = decodeFail(text);
      expect(error).toMatchObject({ kind: 'decode-error', path: 'kind', expected: 'expected string', message: 'kind: expected string' });
      const withKind = decode(JSON.stringify({ kind: 'req', ...JSON.parse(text) }));
      expect(withKind).toEqual({ ok: true, frame: { kind: 'unknown', frameKind: 'req', raw: { kind: 'req', ...JSON.parse(text) } }, issues: [] });
    });
  });
});
