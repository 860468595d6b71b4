import { checkIntent, type CallState } from '../../lib/session';
import { acceptedCall, dialog, invitation } from './fixtures';

const accept = { type: 'accept' as const, dialogId: 'd1' };
const decline = { type: 'decline' as const, dialogId: 'd1' };

describe('checkIntent', () => {
  it('accepts accept/decline of the pending invitation', () => {
    const states: CallState[] = [
      { status: 'invited', dialog: invitation(), offering: true },
      { status: 'invited', dialog: invitation(), offering: false },
      { status: 'offered', dialog: invitation() },
    ];
    for (const state of states) {
      expect(checkIntent(state, accept)).toBeUndefined();
      expect(checkIntent(state, decline)).toBeUndefined();
      expect(checkIntent(state, { type: 'offer', dialogId: 'd1' })).toBeUndefined(); // an offer of an offered invitation changes nothing
    }
  });

  it.each<[string, CallState, string]>([
    ['idle', { status: 'idle' }, 'unknown-invitation'],
    ['another dialog', { status: 'offered', dialog: invitation('d2') }, 'unknown-invitation'],
    ['answered elsewhere', { status: 'ended', dialog: dialog(), reason: 'answered-elsewhere' }, 'invitation-closed'],
    ['accepting', { status: 'accepting', dialog: invitation() }, 'already-accepted'],
    ['active', { status: 'active', dialog: acceptedCall(), resumes: 0 }, 'already-accepted'],
    ['resumed, dialog unknown', { status: 'active', dialog: undefined, resumes: 1 }, 'unknown-invitation'],
    ['declined', { status: 'declined', dialog: dialog(), by: 'consumer' }, 'already-declined'],
    ['expired', { status: 'expired', dialog: dialog() }, 'invitation-expired'],
    ['ended', { status: 'ended', dialog: dialog(), reason: 'cancelled' }, 'invitation-closed'],
    ['failed', { status: 'failed', dialog: dialog(), failure: { type: 'session-error', id: 'X', message: '' } }, 'session-failed'],
  ])('refuses when %s', (_name, state, reason) => {
    expect(checkIntent(state, accept)).toEqual({ intent: 'accept', dialogId: 'd1', reason });
    expect(checkIntent(state, decline)).toEqual({ intent: 'decline', dialogId: 'd1', reason });
    expect(checkIntent(state, { type: 'offer', dialogId: 'd1' })).toEqual({ intent: 'offer', dialogId: 'd1', reason });
  });

  it('refuses an intent stamped at or after expiresAt, and ignores the stamp without expiresAt', () => {
    const state: CallState = { status: 'offered', dialog: invitation('d1', { expiresAt: 5000 }) };
    expect(checkIntent(state, { ...accept, at: 5000 })).toEqual({ intent: 'accept', dialogId: 'd1', reason: 'invitation-expired' });
    expect(checkIntent(state, { ...accept, at: 4999 })).toBeUndefined();
    const noExpiry: CallState = { status: 'offered', dialog: invitation('d1', { expiresAt: undefined }) };
    expect(checkIntent(noExpiry, { ...accept, at: 1e15 })).toBeUndefined();
  });
});
