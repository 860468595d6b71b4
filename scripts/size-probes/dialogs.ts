// Size probe: dialog streams over a socket the brand already has (decode + dialog operators).
export { callDialogs, decode, partitionDialogs } from '../../lib';
