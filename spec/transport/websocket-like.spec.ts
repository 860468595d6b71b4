import { WebSocket as WsWebSocket } from 'ws';
import { globalWebSocketFactory, type WebSocketFactory, type WebSocketLike } from '../../lib/transport/websocket-like';

describe('WebSocketLike', () => {
  it('is satisfied by the DOM WebSocket (browsers, jsdom) and by `ws` without adapters (checked by tsc)', () => {
    const fromDom: WebSocketFactory = (url) => new WebSocket(url);
    const fromWs: WebSocketFactory = (url) => new WsWebSocket(url);
    const asLike = (socket: WebSocket | WsWebSocket): WebSocketLike => socket;
    expect([typeof fromDom, typeof fromWs, typeof asLike]).toEqual(['function', 'function', 'function']);
  });

  it('globalWebSocketFactory resolves jsdom\'s WebSocket lazily', () => {
    const factory = globalWebSocketFactory();
    expect(factory).toBeDefined();
    const socket = factory?.('ws://127.0.0.1:9/never');
    expect(socket?.readyState).toBe(0);
    if (socket !== undefined) socket.onerror = () => undefined;
    socket?.close();
  });
});
