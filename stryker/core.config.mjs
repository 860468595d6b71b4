import { strykerConfig } from './base.mjs';

// The call core's specs need no DOM (the call screen is a recorded Observable).
export default strykerConfig('core', { testEnvironment: 'node' });
