// A loopback TCP proxy that adds a fixed one-way delay to every chunk in both directions, so one
// round trip costs 2 × delayMs. A new connection's first chunk towards the server waits one more
// round trip: the TCP handshake a real network would cost before the client could send (on
// loopback the kernel completes it at once). Order is kept per direction.
import net from 'node:net';

/** Starts the proxy in front of `target` (`{ host, port }`); resolves to `{ port, url, close() }`. */
export function startDelayProxy(target, delayMs) {
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let handshakeDone = false;
    const pipe = (from, to, firstExtraMs) => {
      let last = 0; // keeps chunks in order when a later one would otherwise overtake
      from.on('data', (chunk) => {
        const extra = firstExtraMs() ;
        const due = Math.max(Date.now() + delayMs + extra, last);
        last = due;
        setTimeout(() => to.writable && to.write(chunk), due - Date.now());
      });
      from.on('end', () => setTimeout(() => to.end(), Math.max(0, last - Date.now()) + delayMs));
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    };
    pipe(client, upstream, () => {
      if (handshakeDone) return 0;
      handshakeDone = true;
      return 2 * delayMs;
    });
    pipe(upstream, client, () => 0);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
