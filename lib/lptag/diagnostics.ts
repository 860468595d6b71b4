/**
 * Diagnostics of the lpTag adapter and the config every lpTag factory takes.
 *
 * Design: recoverable problems never error an lpTag event stream. Each factory takes an optional
 * `onDiagnostic` sink in its config and calls it synchronously with a typed value; the client
 * forwards them to its `diagnostic$`. Only commands (publishing) error, with typed errors.
 */
import { Subject, type Observable, type SchedulerLike } from 'rxjs';

/** A recoverable problem the lpTag adapter noticed. Never carries payload values or tokens. */
export type LpTagDiagnostic =
  /** `lpTag.events` did not appear within `waitedMs`; the event stream completed without binding. */
  | { readonly type: 'lptag-unavailable'; readonly waitedMs: number }
  /** `bind` threw or returned no id; nothing is bound, the stream completed. */
  | { readonly type: 'lptag-bind-failed'; readonly app: string; readonly event: string }
  /** `unbind(id)` did not report a removal (a listener may be left behind). */
  | { readonly type: 'lptag-unbind-failed'; readonly app: string; readonly event: string }
  /** An event payload did not have the documented shape; a best-effort value was still emitted. */
  | { readonly type: 'lptag-invalid-payload'; readonly app: string; readonly event: string; readonly problems: readonly string[] }
  /** A call event was not published: its data is invalid (`field` names it; the session fails). */
  | { readonly type: 'lptag-publish-invalid'; readonly event: string; readonly field: string; readonly message: string }
  /** `publish` returned something other than `true`: no listener got the event. */
  | { readonly type: 'lptag-publish-unheard'; readonly event: string }
  /** `lp_monitoringSDK` gave no usable id; the configured fallback was used. */
  | { readonly type: 'lptag-monitoring-fallback'; readonly field: 'ssid' | 'svid' };

/** Options shared by every lpTag factory. */
export interface LpTagConfig {
  /** Drives polling and the wait bound (the client passes its scheduler). */
  readonly scheduler: SchedulerLike;
  /** Receives diagnostics synchronously. */
  readonly onDiagnostic?: (diagnostic: LpTagDiagnostic) => void;
  /** How long to wait for `lpTag.events` to appear. Default 15 000 ms. */
  readonly waitMs?: number;
  /** How often to look for it meanwhile. Default 250 ms. */
  readonly pollMs?: number;
}

export const DEFAULT_WAIT_MS = 15_000;
export const DEFAULT_POLL_MS = 250;

/** A sink for {@link LpTagDiagnostic}s (`report`, pass it as `onDiagnostic`) and the stream of them. */
export interface LpTagDiagnosticSink {
  readonly report: (diagnostic: LpTagDiagnostic) => void;
  /** Hot: what is reported while subscribed. */
  readonly diagnostic$: Observable<LpTagDiagnostic>;
}

/** Creates a {@link LpTagDiagnosticSink}: the adapter's synchronous callbacks as a hot stream. */
export function createDiagnosticSink(): LpTagDiagnosticSink {
  const diagnosticSubject$ = new Subject<LpTagDiagnostic>();
  return { report: (diagnostic) => diagnosticSubject$.next(diagnostic), diagnostic$: diagnosticSubject$.asObservable() };
}
