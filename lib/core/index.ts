/** The call core: one pure step holding every call rule, its operator, its effects and its views. */
export { callCore } from './call-core';
export type { CallCoreConfig } from './call-core';
export type { CallCoreOptions } from './model';
export { callStep, initialStep } from './step';
export type { StepInput } from './step';
export { createCallModel } from './model';
export type { CallModel } from './model';
export { callEffects, runCallEffects } from './effects';
export type { CallPorts } from './effects';
export { callStreams } from './streams';
export type { CallStreams } from './streams';
export { callCommand } from './command';
export { initialCallState, isTerminal, holdsScreen, dialogIdOf } from './state';
export type * from './types';
