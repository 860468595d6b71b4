/** The README's "Compose your own client": createCallClient's composition, by hand, from the public operators. */
import { asyncScheduler, ignoreElements, map, merge, Subject } from 'rxjs';
import {
  callCommand,
  callCore,
  callScreenContainer,
  callStreams,
  fromSessionError,
  fromSessionResume,
  publishLpCoBrowse,
  runCallEffects,
  type CallInput,
  type CallInvitation,
  type CallPorts,
  type IntentType,
  type LpTagSource,
} from 'lp-call-streams';
import { createConnection, type ConnectionConfig } from 'lp-call-streams/connection';
import { decodeCallFrame } from 'lp-call-streams/protocol';

export interface ComposedCallClientConfig {
  readonly connection: ConnectionConfig; // accountId, auth, endpoint, scheduler, …
  readonly lpTag: LpTagSource; // e.g. () => window.lpTag
  readonly visitorName: string;
  readonly callScreen?: CallPorts['callScreen']; // default: the container in document.body
}

export function composeCallClient({ connection: config, lpTag, visitorName, callScreen }: ComposedCallClientConfig) {
  const connection = createConnection({ decodeFrame: decodeCallFrame, ...config }); // the call path's decoder, as createCallClient
  const lpTagConfig = { scheduler: config.scheduler ?? asyncScheduler };
  const inputSubject$ = new Subject<CallInput>(); // commands and effect outcomes, fed back into the core
  const dispatch = (input: CallInput): void => inputSubject$.next(input);
  const calls = callStreams(
    connection.subscribeConversations().pipe(
      callCore({
        ...lpTagConfig,
        inputs: merge(
          fromSessionResume(lpTag, lpTagConfig).pipe(map((resume): CallInput => ({ type: 'resume', resume }))),
          fromSessionError(lpTag, lpTagConfig).pipe(map((error): CallInput => ({ type: 'session-error', error }))),
          inputSubject$,
        ),
      }),
      runCallEffects(
        {
          publish: (request) => publishLpCoBrowse(lpTag, request, { ...lpTagConfig, visitorName }),
          callScreen: callScreen ?? (() => callScreenContainer(document)),
        },
        dispatch,
      ),
    ),
  );
  const command = (intent: IntentType) => (invitation: CallInvitation | string) => callCommand(calls.step$, dispatch, intent, invitation);
  // Any stream runs the core, connection$ too (then a host peeking at another stream finds it running).
  const connection$ = merge(calls.step$.pipe(ignoreElements()), connection.state$);
  return { ...calls, connection$, accept: command('accept'), decline: command('decline'), offer: command('offer') };
}
