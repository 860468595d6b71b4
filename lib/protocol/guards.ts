/**
 * Type guards over decoded frames and dialogs (for `filter(...)` in streams).
 */
import type {
  CobrowseDialog,
  Dialog,
  ExConversationChangeNotification,
  InboundFrame,
  MessagingEventNotification,
  NotificationFrame,
  ResponseFrame,
} from './types';

/** A response (`kind: "resp"`): correlate with `reqId`, judge with `code`. */
export function isResponse(frame: InboundFrame): frame is ResponseFrame {
  return frame.kind === 'resp';
}

/** Any notification, modelled or not. */
export function isNotification(frame: InboundFrame): frame is NotificationFrame {
  return frame.kind === 'notification';
}

/** A `cqm.ExConversationChangeNotification` (conversation snapshots: where call invitations arrive). */
export function isExConversationChange(frame: InboundFrame): frame is ExConversationChangeNotification {
  return frame.kind === 'notification' && frame.type === 'cqm.ExConversationChangeNotification';
}

/** An `ms.MessagingEventNotification`. */
export function isMessagingEvent(frame: InboundFrame): frame is MessagingEventNotification {
  return frame.kind === 'notification' && frame.type === 'ms.MessagingEventNotification';
}

/** A call or co-browse dialog (`channelType: "COBROWSE"`). */
export function isCobrowseDialog(dialog: Dialog): dialog is CobrowseDialog {
  return dialog.channelType === 'COBROWSE';
}
