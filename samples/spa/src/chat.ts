/**
 * A minimal chat over `client.connection`: start a conversation, show its text messages (ours
 * and the agent's), send text. The open conversation comes from the server (a conversations
 * subscription), so it is found again after a reload or a reconnect.
 */
import {
  catchError,
  distinctUntilChanged,
  EMPTY,
  exhaustMap,
  filter,
  fromEvent,
  ignoreElements,
  map,
  merge,
  of,
  scan,
  shareReplay,
  Subscription,
  switchMap,
  tap,
  withLatestFrom,
  type Observable,
} from 'rxjs';
import type { ClientConnection } from 'lp-call-streams';
import type { ConversationChange, MessagingEventChange } from 'lp-call-streams/protocol';
import { appendItem, byTestId, messageOf } from './dom';

/** The consumer has at most one open conversation: track it through UPSERTs and DELETEs. */
const openConversation = (current: string | undefined, change: ConversationChange): string | undefined =>
  change.type === 'UPSERT' && change.result.conversationDetails.state === 'OPEN'
    ? change.result.convId
    : change.result.convId === current
      ? undefined
      : current;

/** A request's failure as a value (the text to show), its success as nothing. */
const failureOf = (request$: Observable<unknown>): Observable<string> =>
  request$.pipe(
    ignoreElements(),
    catchError((error: unknown) => of(messageOf(error))),
  );

const textOf = (change: MessagingEventChange): { from: string; text: string } | undefined =>
  change.event.type === 'ContentEvent'
    ? { from: change.originatorMetadata?.role === 'CONSUMER' ? 'you' : 'agent', text: change.event.message }
    : undefined;

export function mountChat(connection: ClientConnection): Subscription {
  const conversationText = byTestId('chat-conversation', HTMLOutputElement);
  const start = byTestId('chat-start', HTMLButtonElement);
  const messages = byTestId('chat-messages', HTMLOListElement);
  const form = byTestId('chat-form', HTMLFormElement);
  const input = byTestId('chat-input', HTMLInputElement);
  const errorText = byTestId('chat-error', HTMLParagraphElement);

  const conversationId$ = connection.subscribeConversations({ convState: ['OPEN'] }).pipe(
    scan((current: string | undefined, notification) => notification.body.changes.reduce(openConversation, current), undefined),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  const message$ = conversationId$.pipe(
    switchMap((id) => (id === undefined ? EMPTY : connection.messagingEvents(id, id))),
    map(textOf),
    filter((message) => message !== undefined),
  );

  const startFailure$ = fromEvent(start, 'click').pipe(
    exhaustMap(() => failureOf(connection.request('cm.ConsumerRequestConversation', undefined))),
  );

  const sendFailure$ = fromEvent(form, 'submit').pipe(
    tap((event) => event.preventDefault()),
    withLatestFrom(conversationId$),
    map(([, id]) => ({ id, text: input.value.trim() })),
    filter(({ text }) => text !== ''),
    exhaustMap(({ id, text }) => {
      if (id === undefined) return of('Start a conversation first');
      input.value = '';
      const event = { type: 'ContentEvent', contentType: 'text/plain', message: text } as const;
      return failureOf(connection.request('ms.PublishEvent', { dialogId: id, conversationId: id, event }));
    }),
  );

  const subscription = new Subscription();
  subscription.add(
    conversationId$.subscribe((id) => {
      conversationText.textContent = id ?? 'none';
      start.disabled = id !== undefined;
      messages.replaceChildren();
    }),
  );
  subscription.add(message$.subscribe(({ from, text }) => appendItem(messages, `${from}: ${text}`, { from })));
  subscription.add(
    merge(startFailure$, sendFailure$, conversationId$.pipe(map(() => ''))).subscribe((message) => (errorText.textContent = message)),
  );
  return subscription;
}
