/**
 * The sample SPA: a visitor page that chats with an agent and takes voice and video calls, using
 * only the public API of lp-call-streams. Served by the emulator (`npm start`), so the emulator is
 * this page's own origin.
 */
import { tap } from 'rxjs';
import { createCallClient, fromJwtSource, unauthenticated, type AuthProvider } from 'lp-call-streams';
import { mountCallUi } from './call-ui';
import { mountChat } from './chat';
import { byTestId, showStatus } from './dom';
import { describeConnection, mountEventLog } from './streams-log';

const ACCOUNT_ID = '123456';
const JWT_KEY = 'lp-call-streams-sample.jwt';

/**
 * Keeps the visitor's identity for the tab (sessionStorage, as LivePerson's own window does), so that
 * after a reload the page sees the same conversation and the resumed call's dialog. A rejected token
 * (4401 / 4407) asks `inner` again.
 */
function tabScoped(inner: AuthProvider, storage: Storage): AuthProvider {
  return {
    jwt: (request) => {
      const kept = request.reason === 'initial' ? storage.getItem(JWT_KEY) : null;
      if (kept !== null) return kept;
      return fromJwtSource(() => inner.jwt(request)).pipe(tap((jwt) => storage.setItem(JWT_KEY, jwt)));
    },
  };
}

const nameInput = byTestId('visitor-name', HTMLInputElement);
const connectionText = byTestId('connection-state', HTMLSpanElement);

const client = createCallClient({
  accountId: ACCOUNT_ID,
  auth: tabScoped(unauthenticated(), sessionStorage),
  endpoint: { domainApi: location.origin },
  visitor: { name: () => nameInput.value.trim() || 'Jane' },
  container: { parent: () => document.querySelector('[data-testid="call-area"]'), loadingText: 'Connecting your call…' },
});

const subscription = client.connection$.subscribe((state) => showStatus(connectionText, state.status, describeConnection(state)));
subscription.add(mountEventLog(client));
subscription.add(mountCallUi(client));
subscription.add(mountChat(client.connection));

// Leaving the page: unbind from lpTag, remove the container, close the socket with 1000.
addEventListener('pagehide', () => subscription.unsubscribe(), { once: true });
