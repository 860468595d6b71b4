// One "page load" for the time-to-ready benchmark, run in its own process (a fresh HTTP connection
// pool, like a new page): createCallClient against `domainApi` (the delaying proxy), with
// sessionStorage emulated by a JSON file that survives into the next page (a reload).
//   node bench/ready-page.mjs <domainApi> <storage.json> [token-only]
// `token-only`: remember the token (rememberJwt) but not the Domain API's answers.
// Prints { ms } : from the first subscribe to `open` with the conversation listing received.
import fs from 'node:fs';
import { callClient } from './consumers.mjs';
import { lib, rxjs } from './lib.mjs';
import { nowMs } from './measure.mjs';

const [domainApi, storageFile, mode] = process.argv.slice(2);
const saved = fs.existsSync(storageFile) ? JSON.parse(fs.readFileSync(storageFile, 'utf8')) : {};
const items = new Map(Object.entries(saved));
const storage = {
  getItem: (key) => items.get(key) ?? null,
  setItem: (key, value) => items.set(key, String(value)),
  removeItem: (key) => items.delete(key),
};

// Everything a page may keep across a reload: the token (rememberJwt) and the Domain API's answers (rememberServices).
const { client } = callClient(
  { url: domainApi },
  {
    auth: lib.rememberJwt(lib.unauthenticated(), storage),
    endpoint: { domainApi },
    fetch: mode === 'token-only' ? (url, init) => fetch(url, init) : lib.rememberServices(storage, { fetch: (url, init) => fetch(url, init) }),
  },
);
const t0 = nowMs();
const listing = rxjs.firstValueFrom(client.connection.subscribeConversations());
const open = rxjs.firstValueFrom(client.connection$.pipe(rxjs.filter((s) => s.status === 'open')));
const subscription = client.dialog$.subscribe(); // what a page does: subscribe to the streams it shows
await Promise.all([listing, open]);
const ms = nowMs() - t0;
subscription.unsubscribe();
fs.writeFileSync(storageFile, JSON.stringify(Object.fromEntries(items)));
process.stdout.write(`${JSON.stringify({ ms })}\n`);
setTimeout(() => process.exit(0), 50);
