/**
 * The inbound frame cap: how big a frame the connection parses. LivePerson documents no frame size
 * limit (shared/protocol.md §7); its largest documented consumer frames are full conversation
 * snapshots (`cqm.ExConversationChangeNotification`, about 2 kB for a conversation with a call
 * dialog, §5.1) and messaging-event replays (a few hundred bytes per event, §4.3). 1 MiB holds some
 * 500 such snapshots or thousands of events in one frame, yet bounds what a hostile or broken server
 * can make a page parse.
 */

/** Default `maxInboundFrameSize`: 1 MiB (1,048,576 characters of a text frame). */
export const DEFAULT_MAX_INBOUND_FRAME_SIZE = 1_048_576;

/**
 * The size the cap compares, read in O(1) without touching the payload: a text frame's `length`
 * (UTF-16 code units; its UTF-8 form is 1 to 3 times that, equal for ASCII JSON). Anything else
 * (a binary frame) is never parsed anyway: the decoder refuses it as it is.
 */
export function frameSize(data: unknown): number | undefined {
  return typeof data === 'string' ? data.length : undefined;
}
