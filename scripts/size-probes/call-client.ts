// Size probe: what a brand's bundler keeps for the whole integration (tree-shaken, rxjs external).
export { createCallClient, unauthenticated } from '../../lib';
