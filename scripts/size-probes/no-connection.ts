// Size probe: everything except the connection (bring your own socket): dialogs, lpTag adapters,
// the call-screen container and the call-session pipeline.
export {
  callDialogs,
  callScreenContainer,
  fromSessionError,
  fromSessionResume,
  partitionDialogs,
  publishLpCoBrowse,
  createCallCoreHub,
} from '../../lib';
export { decode } from '../../lib/protocol';
