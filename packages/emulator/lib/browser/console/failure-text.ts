/**
 * What the agent console's call panel says about a call that failed before it joined (the visitor's
 * call app fired `sessionError` after accepting: no camera, no WebRTC, …): the reason and what to do.
 */

const REASONS: Readonly<Record<string, { readonly why: string; readonly todo: string }>> = {
  NO_CAMERA_ACCESS: {
    why: 'the visitor’s browser could not use the camera or microphone (blocked in the site settings, missing, or in use)',
    todo: 'the visitor allows the camera and microphone for the page (or frees the device), then invite again',
  },
  BROWSER_NOT_SUPPORTED: {
    why: 'the visitor’s browser cannot make WebRTC calls',
    todo: 'the visitor opens the page in a current Chrome, Edge, Firefox or Safari, then invite again',
  },
  UNABLE_TO_CONNECT: {
    why: 'the media could not connect between the two pages (ICE)',
    todo: 'check the network, or the STUN/TURN servers given with --ice-servers, then invite again',
  },
  AGENT_DISCONNECTED: {
    why: 'this console’s page was away too long',
    todo: 'keep this console open during the call, then invite again',
  },
};

/** One line: `The visitor’s video call failed before it joined: <id>, <why>. What to do: <todo>.` */
export function failureText(mode: string, id: string): string {
  const kind = mode === 'VOICE_CALL' ? 'voice' : 'video';
  const reason = REASONS[id];
  const why = reason === undefined ? '' : `, ${reason.why}`;
  return `The visitor’s ${kind} call failed before it joined: ${id}${why}. What to do: ${reason?.todo ?? 'see the Dialogs table and the visitor page, then invite again'}.`;
}
