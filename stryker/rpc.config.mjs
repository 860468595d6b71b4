import { strykerConfig } from './base.mjs';

export default strykerConfig('rpc', { testEnvironment: 'node' });
