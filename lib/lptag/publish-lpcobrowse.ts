import { map, type Observable } from 'rxjs';
import type { CallDialog } from '../dialog/types';
import { PublishError } from '../errors';
import type { LpTagConfig, LpTagDiagnostic } from './diagnostics';
import { attempt, type LpTagLike, type LpTagSource } from './lptag-like';
import { validateCobrowseData, type CobrowseEventName, type LpCoBrowseEventName } from './validate-cobrowse';
import { waitForLpTag } from './wait-for-lptag';

/** The lpTag app name the page publishes call events on. */
export const LPCOBROWSE_APP = 'lpCoBrowse';

/** What to publish: a dialog event (its serviceId, agentId, mode), or `sliderOpened` (no data). */
export type LpCoBrowseRequest =
  | { readonly event: CobrowseEventName; readonly dialog: Pick<CallDialog, 'serviceId' | 'agentId' | 'mode'> }
  | { readonly event: 'sliderOpened' };

/** Page-level data of `lpCoBrowse` events, plus the lpTag options. */
export interface LpCoBrowseConfig extends LpTagConfig {
  /** The visitor's display name (read at each publish when a function). */
  readonly visitorName?: string | (() => string | undefined);
  /** Fallback monitoring session id, used when `lp_monitoringSDK.getSid()` gives none. */
  readonly ssid?: string;
  /** Fallback monitoring visitor id, used when `lp_monitoringSDK.getVid()` gives none. */
  readonly svid?: string;
  /** Monitoring context id (optional). */
  readonly scid?: string;
  /** Engagement context id (optional). */
  readonly cid?: string;
  /** Engagement id (optional). */
  readonly eid?: string;
}

/** The outcome of a publish that was made. */
export interface PublishResult {
  /** The event published. */
  readonly event: LpCoBrowseEventName;
  /** `publish` returned `true`: at least one lpTag listener got it. */
  readonly delivered: boolean;
}

/** The monitoring SDK's id when it is a non-empty string, else the fallback (with a diagnostic). */
function monitoringId(lpTag: LpTagLike, field: 'ssid' | 'svid', fallback: string | undefined, report?: (d: LpTagDiagnostic) => void): string | undefined {
  const id = attempt(() => {
    const sdk = lpTag.taglets?.lp_monitoringSDK;
    return field === 'ssid' ? sdk?.getSid?.() : sdk?.getVid?.();
  });
  if (typeof id === 'string' && id.trim() !== '') return id;
  report?.({ type: 'lptag-monitoring-fallback', field });
  return fallback;
}

/**
 * Publishes one `lpCoBrowse` event: cold (publishes on subscribe), emits a {@link PublishResult}
 * and completes. Invalid data errors with `PublishError` (and `publish` is never called); lpTag never
 * appearing errors with `LpTagUnavailableError`; a publish no listener got is an
 * `lptag-publish-unheard` diagnostic (the result says `delivered: false`).
 *
 * ```
 * subscribe: ^
 * result:    (r|)       or  #  PublishError naming the field
 * ```
 *
 * @example
 * import { asyncScheduler } from 'rxjs';
 * import { publishLpCoBrowse } from 'lp-call-streams';
 * publishLpCoBrowse(() => window.lpTag, { event: 'cobrowseAccepted', dialog }, { scheduler: asyncScheduler, visitorName: 'Jane' }).subscribe();
 */
export function publishLpCoBrowse(source: LpTagSource, request: LpCoBrowseRequest, config: LpCoBrowseConfig): Observable<PublishResult> {
  const { onDiagnostic } = config;
  return waitForLpTag(source, config).pipe(
    map((lpTag): PublishResult => {
      let returned: unknown;
      if (request.event === 'sliderOpened') {
        returned = lpTag.events.publish(LPCOBROWSE_APP, request.event);
      } else {
        const { visitorName } = config;
        const data = validateCobrowseData(request.event, {
          serviceId: request.dialog.serviceId,
          agentId: request.dialog.agentId,
          mode: request.dialog.mode,
          visitorName: typeof visitorName === 'function' ? visitorName() : visitorName,
          ssid: monitoringId(lpTag, 'ssid', config.ssid, onDiagnostic),
          svid: monitoringId(lpTag, 'svid', config.svid, onDiagnostic),
          scid: config.scid,
          cid: config.cid,
          eid: config.eid,
        });
        if (data instanceof PublishError) {
          onDiagnostic?.({ type: 'lptag-publish-invalid', event: request.event, field: data.field, message: data.message });
          throw data;
        }
        returned = lpTag.events.publish(LPCOBROWSE_APP, request.event, data);
      }
      const delivered = returned === true;
      if (!delivered) onDiagnostic?.({ type: 'lptag-publish-unheard', event: request.event });
      return { event: request.event, delivered };
    }),
  );
}
