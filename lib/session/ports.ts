/**
 * What the session's effects need from the outside world, as plain functions: the session never
 * imports an adapter; the composition root plugs the lpTag publisher and the DOM container in.
 */
import type { Observable } from 'rxjs';
import type { CallDialog } from '../dialog/types';

/** A publish the session asks for (structurally what the lpTag adapter's `publishLpCoBrowse` takes). */
export type SessionPublishRequest =
  | { readonly event: 'cobrowseOffered' | 'cobrowseAccepted' | 'cobrowseDeclined'; readonly dialog: CallDialog }
  | { readonly event: 'sliderOpened' };

/** The session's effect ports. */
export interface SessionPorts {
  /** Publishes one `lpCoBrowse` event: cold; completing means done, an error (e.g. `PublishError`) means failed. */
  readonly publish: (request: SessionPublishRequest) => Observable<unknown>;
  /** Holds the call-screen container while subscribed, e.g. `() => callScreenContainer(document)`. */
  readonly callScreen: () => Observable<unknown>;
}
