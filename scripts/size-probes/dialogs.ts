// Size probe: the call core over a socket the brand already has (decode + the core + its views).
export { callCore, callStreams } from '../../lib';
export { decode } from '../../lib/protocol';
