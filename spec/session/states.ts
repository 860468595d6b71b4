import type { CallState } from '../../lib/session';
import { acceptedCall, dialog, invitation } from './fixtures';

/** Frequently used states for marble expectations. */
export const S = {
  idle: { status: 'idle' },
  invited: { status: 'invited', dialog: invitation(), offering: true },
  waiting: { status: 'invited', dialog: invitation(), offering: false },
  offered: { status: 'offered', dialog: invitation() },
  accepting: { status: 'accepting', dialog: invitation() },
  activeAfterPublish: { status: 'active', dialog: invitation(), resumes: 0 },
  active: { status: 'active', dialog: acceptedCall(), resumes: 0 },
  resumed: { status: 'active', dialog: undefined, resumes: 1 },
  ended: { status: 'ended', dialog: dialog('d1', { sessionState: 'CLOSED' }), reason: 'hangup' },
  declined: { status: 'declined', dialog: invitation(), by: 'consumer' },
} satisfies Record<string, CallState>;
