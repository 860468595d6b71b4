/** The composition root: `createCallClient` and its types. */
export { createCallClient } from './create-call-client';
export type { CallClient, CallClientConfig, ClientDiagnostic, ContainerConfig, EventStream, StateStream, VisitorConfig } from './types';
