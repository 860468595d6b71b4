import { strykerConfig } from './base.mjs';

export default strykerConfig('session');
