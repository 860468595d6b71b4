/**
 * The sample SPA: a visitor page that chats with an agent and takes voice and video calls, using
 * only the public API of lp-call-streams. Served by the emulator (`npm start`), so the emulator is
 * this page's own origin.
 */
import { createCallClient, rememberJwt, unauthenticated } from 'lp-call-streams';
import { mountCallUi } from './call-ui';
import { mountChat } from './chat';
import { byTestId, showStatus } from './dom';
import { describeConnection, mountEventLog } from './streams-log';

const ACCOUNT_ID = '123456';
const nameInput = byTestId('visitor-name', HTMLInputElement);
const connectionText = byTestId('connection-state', HTMLSpanElement);

const client = createCallClient({
  accountId: ACCOUNT_ID,
  // The identity is kept for the tab, so after a reload the page sees the same conversation and the
  // resumed call's dialog (a refused token signs up again).
  auth: rememberJwt(unauthenticated(), sessionStorage),
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
