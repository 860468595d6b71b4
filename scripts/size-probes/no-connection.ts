// Size probe: everything except the connection (bring your own socket): the call core, its
// effects, views and commands, the lpTag adapters and the call-screen container.
export {
  callCommand,
  callCore,
  callScreenContainer,
  callStreams,
  fromSessionError,
  fromSessionResume,
  publishLpCoBrowse,
  runCallEffects,
} from '../../lib';
export { decode } from '../../lib/protocol';
