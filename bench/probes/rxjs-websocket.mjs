// Size probe (bench only): rxjs's own WebSocketSubject, bundled with rxjs, next to createCallClient.
export { webSocket } from 'rxjs/webSocket';
