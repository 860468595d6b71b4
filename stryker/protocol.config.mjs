import { strykerConfig } from './base.mjs';

export default strykerConfig('protocol', { testEnvironment: 'node' });
