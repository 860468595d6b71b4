/**
 * The small facts about call states the step's rules share (lib/core/state.ts), state by state:
 * what a state means for a command in flight, why a new command is refused, and how a failure reads.
 */
import { commandProgress, describeFailure, dialogIdOf, holdsScreen, isFree, isPending, isTerminal, refusalOf } from '../../lib/core/state';
import type { CallState, CommandResult, IntentType } from '../../lib/core/types';
import { dialog, invitation } from './fixtures';

const ID = 'd1';
const inv = invitation(ID);
const call = { ...dialog(ID), sessionState: 'ACCEPTED' as const };

/** One state of every status, about dialog `d1`. */
const STATES: Record<CallState['status'], CallState> = {
  idle: { status: 'idle' },
  invited: { status: 'invited', dialog: inv, offering: true },
  offered: { status: 'offered', dialog: inv },
  accepting: { status: 'accepting', dialog: inv },
  joining: { status: 'joining', dialog: inv },
  active: { status: 'active', dialog: call, resumes: 0 },
  ended: { status: 'ended', dialog: call, reason: 'hangup' },
  declined: { status: 'declined', dialog: inv },
  expired: { status: 'expired', dialog: inv },
  failed: { status: 'failed', dialog: call, failure: { type: 'session-error', id: 'CALL_FAILED', message: 'gone' } },
};

function label(result: CommandResult | undefined): string {
  if (result === undefined) return 'waits';
  if (result.type !== 'failed') return result.type;
  return `failed:${result.reason}${result.detail === undefined ? '' : `(${result.detail})`}`;
}

describe('core: call states', () => {
  it('classifies every status: terminal, free, pending, holding the call screen', () => {
    const rows = Object.values(STATES).map((s) => [s.status, isTerminal(s), isFree(s), isPending(s), holdsScreen(s), dialogIdOf(s)]);
    expect(rows).toEqual([
      ['idle', false, true, false, false, undefined],
      ['invited', false, false, true, false, ID],
      ['offered', false, false, true, false, ID],
      ['accepting', false, false, true, true, ID],
      ['joining', false, false, true, true, ID],
      ['active', false, false, false, true, ID],
      ['ended', true, true, false, false, ID],
      ['declined', true, true, false, false, ID],
      ['expired', true, true, false, false, ID],
      ['failed', true, true, false, false, ID],
    ]);
  });

  it('says what each state means for each command in flight on its dialog', () => {
    const table = Object.values(STATES).map((s) => [s.status, ...(['accept', 'decline', 'offer'] as IntentType[]).map((intent) => label(commandProgress(intent, ID, s)))]);
    expect(table).toEqual([
      ['idle', 'failed:invitation-closed(another call took its place)', 'failed:invitation-closed(another call took its place)', 'failed:invitation-closed(another call took its place)'],
      ['invited', 'waits', 'waits', 'waits'],
      ['offered', 'waits', 'waits', 'done'],
      ['accepting', 'waits', 'waits', 'done'],
      ['joining', 'waits', 'waits', 'done'],
      ['active', 'done', 'failed:already-accepted', 'done'],
      ['ended', 'failed:invitation-closed(hangup)', 'failed:invitation-closed(hangup)', 'failed:invitation-closed(hangup)'],
      ['declined', 'failed:already-declined', 'done', 'failed:already-declined'],
      ['expired', 'failed:invitation-expired', 'failed:invitation-expired', 'failed:invitation-expired'],
      ['failed', 'failed:call-failed(sessionError CALL_FAILED: gone)', 'failed:call-failed(sessionError CALL_FAILED: gone)', 'failed:call-failed(sessionError CALL_FAILED: gone)'],
    ]);
  });

  it('a command on another dialog than the state is about has lost its invitation', () => {
    for (const state of Object.values(STATES)) expect(label(commandProgress('accept', 'other', state))).toBe('failed:invitation-closed(another call took its place)');
    expect(label(commandProgress('accept', ID, { status: 'ended', dialog: call, reason: 'expired' }))).toBe('failed:invitation-expired(expired)');
  });

  it('says why a new command is refused in each state (undefined: it applies)', () => {
    expect(Object.values(STATES).map((s) => [s.status, refusalOf(s, ID)])).toEqual([
      ['idle', 'unknown-invitation'],
      ['invited', undefined],
      ['offered', undefined],
      ['accepting', 'already-accepted'],
      ['joining', 'already-accepted'],
      ['active', 'already-accepted'],
      ['ended', 'invitation-closed'],
      ['declined', 'already-declined'],
      ['expired', 'invitation-expired'],
      ['failed', 'call-failed'],
    ]);
    for (const state of Object.values(STATES)) expect(refusalOf(state, 'other')).toBe('unknown-invitation');
    expect(refusalOf({ status: 'ended', dialog: call, reason: 'expired' }, ID)).toBe('invitation-expired');
  });

  it('tells a failure in one line', () => {
    expect(describeFailure({ type: 'session-error', id: 'CALL_FAILED', message: 'gone' })).toBe('sessionError CALL_FAILED: gone');
    expect(describeFailure({ type: 'session-error', id: 'CALL_FAILED', message: '' })).toBe('sessionError CALL_FAILED');
    expect(describeFailure({ type: 'publish-failed', event: 'cobrowseAccepted', field: undefined, message: 'no lpTag' })).toBe('cobrowseAccepted not published: no lpTag');
    expect(describeFailure({ type: 'call-screen-failed', message: 'no document' })).toBe('no call screen: no document');
  });
});
