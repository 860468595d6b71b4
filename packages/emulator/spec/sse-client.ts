/**
 * A Server-Sent Events client for the specs: opens `GET /emulator/call/events?role=…` over node:http,
 * decodes each `data:` line as a hub message and lets a test wait for the next one that matches.
 */
import { request, type ClientRequest } from 'node:http';
import { decodeHubMessage, type HubMessage } from '../lib/hub-protocol';

export class SseClient {
  private readonly received: HubMessage[] = [];
  private readonly waiters: { match: (m: HubMessage) => boolean; resolve: (m: HubMessage) => void }[] = [];
  private constructor(private readonly req: ClientRequest) {}

  /** Connects and waits for `hello`; resolves with the client and its peer id. */
  static async open(url: string, role: string): Promise<{ client: SseClient; peerId: string }> {
    const client = await new Promise<SseClient>((resolve, reject) => {
      const req = request(`${url}/emulator/call/events?role=${role}`, { method: 'GET' });
      const sse = new SseClient(req);
      req.on('response', (res) => {
        if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode ?? 0}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            sse.onEvent(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        resolve(sse);
      });
      req.on('error', reject);
      req.end();
    });
    const hello = await client.next((m) => m.type === 'hello');
    if (hello.type !== 'hello') throw new Error('no hello');
    return { client, peerId: hello.peerId };
  }

  private onEvent(block: string): void {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    if (data === '') return;
    const message = decodeHubMessage(JSON.parse(data));
    if (message === undefined) throw new Error(`undecodable hub message: ${data}`);
    const waiter = this.waiters.find((w) => w.match(message));
    if (waiter === undefined) this.received.push(message);
    else {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  }

  /** The next message (already received or to come) that matches; earlier non-matching ones stay queued. */
  next(match: (m: HubMessage) => boolean = () => true, timeoutMs = 3000): Promise<HubMessage> {
    const index = this.received.findIndex(match);
    const [found] = index >= 0 ? this.received.splice(index, 1) : [];
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching hub message in time')), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** Messages received and not consumed by `next`. */
  pending(): readonly HubMessage[] {
    return [...this.received];
  }

  close(): void {
    this.req.destroy();
  }
}

/** Waits for a message of `type` (narrowed). */
export async function nextOf<T extends HubMessage['type']>(client: SseClient, type: T, extra: (m: Extract<HubMessage, { type: T }>) => boolean = () => true): Promise<Extract<HubMessage, { type: T }>> {
  const isType = (m: HubMessage): m is Extract<HubMessage, { type: T }> => m.type === type;
  const message = await client.next((m) => isType(m) && extra(m));
  if (!isType(message)) throw new Error(`expected ${type}`);
  return message;
}
