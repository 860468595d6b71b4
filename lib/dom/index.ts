/** DOM adapter: the call-screen container bound to a subscription. */
export { CALL_SCREEN_CLASS, callScreenContainer } from './call-screen-container';
export type { CallScreenContainerConfig } from './call-screen-container';
