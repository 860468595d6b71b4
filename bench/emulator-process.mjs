// The emulator in a child process (forked with IPC), so a benchmark's own heap and event loop hold
// only the clients. Messages: { id, cmd, args } where cmd is an agent method (invite, accept, …),
// 'dropSockets' or 'close'; answers { id, result } or { id, error }. Sends { type: 'ready', url, port } first.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './consumers.mjs';

/** Forks this file as the emulator; resolves to `{ url, port, call(cmd, args), close() }`. */
export function forkEmulator(options = {}) {
  const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let next = 0;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message) => {
      if (message.type === 'ready') {
        resolve({
          url: message.url,
          port: message.port,
          call: (cmd, args) =>
            new Promise((done, fail) => {
              const id = ++next;
              pending.set(id, { done, fail });
              child.send({ id, cmd, args });
            }),
          close: () => new Promise((done) => child.once('exit', done) && child.send({ id: 0, cmd: 'close' })),
        });
        return;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiter?.fail(new Error(message.error));
      else waiter?.done(message.result);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send !== undefined) {
  const emu = await startEmulator(JSON.parse(process.argv[2] ?? '{}'));
  process.on('message', async ({ id, cmd, args }) => {
    try {
      if (cmd === 'close') {
        await emu.close();
        process.exit(0);
      }
      const result = cmd === 'dropSockets' ? emu.dropSockets(args) : emu.agent[cmd](args);
      process.send({ id, result });
    } catch (error) {
      process.send({ id, error: String(error?.message ?? error) });
    }
  });
  process.send({ type: 'ready', url: emu.url, port: emu.port });
}
