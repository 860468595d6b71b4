/**
 * A React hook over the call client: the latest session state through `useSyncExternalStore`,
 * plus `accept` / `decline` callbacks whose refusals come back as a value, not a throw.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Subscription } from 'rxjs';
import type { CallClient, CallInvitation, CallState } from 'lp-call-streams';

/** What {@link useCallSession} returns. */
export interface CallSessionView {
  /** The latest session state (`idle` before the first one arrives). */
  readonly state: CallState;
  /** The invitation waiting for an answer (`invited` / `offered`), else `undefined`. */
  readonly invitation: CallInvitation | undefined;
  /** Why the last accept/decline was refused (usually a `CallIntentError`); cleared by the next command. */
  readonly commandError: Error | undefined;
  /** Accepts the pending invitation (no-op without one). */
  readonly accept: () => void;
  /** Declines the pending invitation (no-op without one). */
  readonly decline: () => void;
}

/** An external store over `session$`: each React subscription is one subscription to the client. */
function sessionStore(client: CallClient): { subscribe: (onChange: () => void) => () => void; getSnapshot: () => CallState } {
  let latest: CallState = { status: 'idle' };
  return {
    subscribe: (onChange) => {
      const subscription = client.session$.subscribe((state) => {
        latest = state;
        onChange();
      });
      return () => subscription.unsubscribe();
    },
    getSnapshot: () => latest,
  };
}

/**
 * Subscribes a component to the call session. While a component uses it the client is connected;
 * when the last one unmounts, the client closes its socket and removes the call screen.
 *
 * @example
 * import { createCallClient, unauthenticated } from 'lp-call-streams';
 * const client = createCallClient({ accountId: '12345678', auth: unauthenticated(), visitor: { name: 'Jane' } });
 * function CallBanner() {
 *   const { invitation, accept, decline } = useCallSession(client);
 *   return invitation && <div>{invitation.kind} call <button onClick={accept}>Answer</button><button onClick={decline}>Decline</button></div>;
 * }
 */
export function useCallSession(client: CallClient): CallSessionView {
  const store = useMemo(() => sessionStore(client), [client]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [commandError, setCommandError] = useState<Error | undefined>(undefined);

  // Commands still running when the component unmounts are unsubscribed (what was sent stays sent).
  const commandsRef = useRef<Subscription | undefined>(undefined);
  useEffect(() => {
    const commands = new Subscription();
    commandsRef.current = commands;
    return () => commands.unsubscribe();
  }, [client]);

  const invitation = state.status === 'invited' || state.status === 'offered' ? state.dialog : undefined;
  const run = useCallback(
    (command: 'accept' | 'decline') => {
      if (invitation === undefined) return;
      setCommandError(undefined);
      commandsRef.current?.add(
        client[command](invitation).subscribe({
          error: (error: unknown) => setCommandError(error instanceof Error ? error : new Error(String(error))),
        }),
      );
    },
    [client, invitation],
  );
  const accept = useCallback(() => run('accept'), [run]);
  const decline = useCallback(() => run('decline'), [run]);

  return { state, invitation, commandError, accept, decline };
}
