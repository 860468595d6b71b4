/**
 * Pure validation of `lpCoBrowse` event data: publishing invalid data fails silently in lpTag,
 * so we refuse it with a `PublishError` naming the field.
 */
import { PublishError } from '../errors';

/** The events this library publishes on app `lpCoBrowse`. */
export type CobrowseEventName = 'cobrowseOffered' | 'cobrowseAccepted' | 'cobrowseDeclined';

/** Every event this library publishes on app `lpCoBrowse`. */
export type LpCoBrowseEventName = CobrowseEventName | 'sliderOpened';

/** Data of `cobrowseOffered` / `cobrowseAccepted` / `cobrowseDeclined`, validated. */
export interface CobrowseEventData {
  readonly serviceId: string;
  readonly agentId: string;
  readonly visitorName: string;
  readonly mode: string;
  readonly ssid: string;
  readonly svid: string;
  readonly scid?: string;
  readonly cid?: string;
  readonly eid?: string;
}

/** Candidate values, not yet trusted. */
export type CobrowseFields = { readonly [K in keyof CobrowseEventData]?: unknown };

const REQUIRED = ['serviceId', 'agentId', 'visitorName', 'mode', 'ssid', 'svid'] as const;
const OPTIONAL = ['scid', 'cid', 'eid'] as const;

/** Why `value` is not a non-empty string, or `undefined` when it is one. */
function problemOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'is missing';
  if (typeof value !== 'string') return `must be a string, got ${typeof value}`;
  return value.trim() === '' ? 'is empty' : undefined;
}

/**
 * Validates `fields` for `event`: `serviceId`, `agentId`, `visitorName`, `mode`, `ssid`, `svid`
 * must be non-empty strings; `scid`, `cid`, `eid` are omitted when `undefined`/`null`, else must be
 * non-empty strings. Returns the data to publish, or the `PublishError` for the first bad field.
 */
export function validateCobrowseData(event: CobrowseEventName, fields: CobrowseFields): CobrowseEventData | PublishError {
  for (const field of REQUIRED) {
    const problem = problemOf(fields[field]);
    if (problem !== undefined) return new PublishError(event, field, problem);
  }
  for (const field of OPTIONAL) {
    const value = fields[field];
    const problem = value === undefined || value === null ? undefined : problemOf(value);
    if (problem !== undefined) return new PublishError(event, field, problem);
  }
  // Every field is checked above; `text` only narrows `unknown` to `string` for the compiler.
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const optional = (field: (typeof OPTIONAL)[number]) => (typeof fields[field] === 'string' ? { [field]: text(fields[field]) } : {});
  return {
    serviceId: text(fields.serviceId),
    agentId: text(fields.agentId),
    visitorName: text(fields.visitorName),
    mode: text(fields.mode),
    ssid: text(fields.ssid),
    svid: text(fields.svid),
    ...optional('scid'),
    ...optional('cid'),
    ...optional('eid'),
  };
}
