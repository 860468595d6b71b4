/** The composition root: `createCallClient` and its types. */
export { createCallClient } from './create-call-client';
export type { CallClient, CallClientConfig, ClientDiagnostic, ContainerConfig, VisitorConfig } from './types';
