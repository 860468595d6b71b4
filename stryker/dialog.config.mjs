import { strykerConfig } from './base.mjs';

export default strykerConfig('dialog', { testEnvironment: 'node' });
