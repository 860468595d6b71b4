// Size probe: dialog streams over a socket the brand already has (decode + dialog operators).
export { callDialogs, partitionDialogs } from '../../lib';
export { decode } from '../../lib/protocol';
