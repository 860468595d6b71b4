import { checkIntent, type CallState } from '../../lib/session';
import { acceptedCall, dialog, invitation } from './fixtures';

const accept = { type: 'accept' as const, dialogId: 'd1' };
const decline = { type: 'decline' as const, dialogId: 'd1' };

describe('checkIntent', () => {
  it('accepts accept/decline of the pending invitation', () => {
    for (const status of ['invited', 'offered'] as const) {
      const state: CallState = { status, dialog: invitation() };
      expect(checkIntent(state, accept)).toBeUndefined();
      expect(checkIntent(state, decline)).toBeUndefined();
    }
  });

  it.each<[string, CallState, string]>([
    ['idle', { status: 'idle' }, 'unknown-invitation'],
    ['another dialog', { status: 'offered', dialog: invitation('d2') }, 'unknown-invitation'],
    ['accepting', { status: 'accepting', dialog: invitation() }, 'already-accepted'],
    ['active', { status: 'active', dialog: acceptedCall(), resumes: 0 }, 'already-accepted'],
    ['resumed, dialog unknown', { status: 'active', dialog: undefined, resumes: 1 }, 'unknown-invitation'],
    ['declined', { status: 'declined', dialog: dialog(), by: 'consumer' }, 'already-declined'],
    ['expired', { status: 'expired', dialog: dialog() }, 'invitation-expired'],
    ['ended', { status: 'ended', dialog: dialog(), reason: 'cancelled' }, 'invitation-closed'],
    ['failed', { status: 'failed', dialog: dialog(), failure: { type: 'session-error', id: 'X', message: '' } }, 'invitation-closed'],
  ])('refuses when %s', (_name, state, reason) => {
    expect(checkIntent(state, accept)).toEqual({ intent: 'accept', dialogId: 'd1', reason });
    expect(checkIntent(state, decline)).toEqual({ intent: 'decline', dialogId: 'd1', reason });
  });

  it('refuses an intent stamped at or after expiresAt, and ignores the stamp without expiresAt', () => {
    const state: CallState = { status: 'offered', dialog: invitation('d1', { expiresAt: 5000 }) };
    expect(checkIntent(state, { ...accept, at: 5000 })).toEqual({ intent: 'accept', dialogId: 'd1', reason: 'invitation-expired' });
    expect(checkIntent(state, { ...accept, at: 4999 })).toBeUndefined();
    const noExpiry: CallState = { status: 'offered', dialog: invitation('d1', { expiresAt: undefined }) };
    expect(checkIntent(noExpiry, { ...accept, at: 1e15 })).toBeUndefined();
  });
});
