/** Text for the client's states, and the event log: one line per value of the client's streams. */
import { asyncScheduler, distinctUntilChanged, map, merge, type Subscription } from 'rxjs';
import type { CallClient, CallState, ClientDiagnostic } from 'lp-call-streams';
import type { ConnectionState } from 'lp-call-streams/connection';
import { appendItem, byTestId } from './dom';

export function describeConnection(state: ConnectionState): string {
  switch (state.status) {
    case 'connecting':
    case 'handshaking':
      return state.attempt > 0 ? `${state.status} (attempt ${state.attempt})` : state.status;
    case 'reconnecting':
      return `reconnecting in ${Math.round(state.delayMs)} ms (socket closed ${state.lastClose.code})`;
    case 'closed':
      return `closed (${state.reason})`;
    default:
      return state.status;
  }
}

export function describeState(state: CallState): string {
  switch (state.status) {
    case 'invited':
    case 'offered':
    case 'accepting':
    case 'joining':
      return `${state.status} (${state.dialog.kind})`;
    case 'active':
      return state.resumes > 0 ? `active (resumed ×${state.resumes})` : 'active';
    case 'ended':
      return `ended (${state.reason})`;
    case 'failed':
      return state.failure.type === 'session-error' ? `failed (${state.failure.id})` : `failed (${state.failure.type}: ${state.failure.message})`;
    default:
      return state.status;
  }
}

const describeDiagnostic = ({ source, diagnostic }: ClientDiagnostic): string => `${source}: ${diagnostic.type}`;

const clockTime = (): string => new Date(asyncScheduler.now()).toISOString().slice(11, 23);

/** Logs every stream of the client into `<ol data-testid="event-log">`; each `<li>` has `data-stream`. */
export function mountEventLog(client: CallClient): Subscription {
  const list = byTestId('event-log', HTMLOListElement);
  const entry = (stream: string) => (detail: string) => ({ stream, detail });
  const entry$ = merge(
    client.connection$.pipe(map(describeConnection), distinctUntilChanged(), map(entry('connection'))),
    client.session$.pipe(map(describeState), distinctUntilChanged(), map(entry('session'))),
    client.invitation$.pipe(map((invitation) => `${invitation.kind} ${invitation.dialogId}`), map(entry('invitation'))),
    client.accepted$.pipe(map((call) => `${call.kind} ${call.dialogId}`), map(entry('accepted'))),
    client.closed$.pipe(map(({ dialog, reason }) => `${reason} ${dialog.dialogId}`), map(entry('closed'))),
    client.error$.pipe(map(({ id, message }) => `${id} ${message}`), map(entry('error'))),
    client.resume$.pipe(map(({ replayed }) => (replayed ? 'replayed' : 'live')), map(entry('resume'))),
    client.diagnostic$.pipe(map(describeDiagnostic), map(entry('diagnostic'))),
  );
  // Columns by the style sheet (app.css), so the text reads as the README quotes it: `accepted video …`.
  return entry$.subscribe(({ stream, detail }) => appendItem(list, [['time', clockTime()], ['stream', stream], ['what', detail]], { stream }, 200));
}
