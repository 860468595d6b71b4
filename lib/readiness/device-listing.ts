import { catchError, map, type Observable, of, type SchedulerLike, startWith, switchMap, timeout } from 'rxjs';
import type { MediaDevicesLike, MediaDeviceInfoLike } from './environment';
import { ask } from './ask';
import { listenTo } from './listen';
import type { MediaKind } from './types';
import { clampScheduler } from '../scheduling/clamp-scheduler';

/** One kind in an `enumerateDevices()` answer. */
export interface DeviceReading {
  readonly device: 'present' | 'absent' | 'unknown';
  /** Some device of this kind has a label: the page may use it (labels are hidden until then). */
  readonly labelled: boolean;
}

export type DeviceListing = { readonly [K in MediaKind]: DeviceReading };

const UNKNOWN: DeviceListing = { camera: { device: 'unknown', labelled: false }, microphone: { device: 'unknown', labelled: false } };
const KIND_OF = new Map<string, MediaKind>([
  ['videoinput', 'camera'],
  ['audioinput', 'microphone'],
]);

const isDeviceInfo = (value: unknown): value is MediaDeviceInfoLike =>
  typeof value === 'object' && value !== null && 'kind' in value && typeof value.kind === 'string' && 'label' in value && typeof value.label === 'string';

/** Reads an `enumerateDevices()` answer (anything else than an array counts as unknown). */
export function toDeviceListing(devices: unknown): DeviceListing {
  if (!Array.isArray(devices)) return UNKNOWN;
  const found = { camera: { count: 0, labelled: false }, microphone: { count: 0, labelled: false } };
  const list: readonly unknown[] = devices;
  for (const info of list) {
    if (!isDeviceInfo(info)) continue;
    const kind = KIND_OF.get(info.kind);
    if (kind === undefined) continue;
    const entry = found[kind];
    entry.count += 1;
    entry.labelled ||= info.label !== '';
  }
  const reading = ({ count, labelled }: { count: number; labelled: boolean }): DeviceReading => ({ device: count > 0 ? 'present' : 'absent', labelled });
  return { camera: reading(found.camera), microphone: reading(found.microphone) };
}

/**
 * The capture devices from `enumerateDevices()`: on subscribe, then again on every `devicechange`
 * (a newer listing cancels one still pending). Never errors: a missing
 * API, a rejection or no answer within `timeoutMs` give `unknown`. Never prompts.
 *
 * ```
 * devicechange:  -----x---
 * result:        a----b---   (each: an enumerateDevices() answer; teardown removes the listener)
 * ```
 */
export function deviceListing(mediaDevices: MediaDevicesLike | undefined, scheduler: SchedulerLike, timeoutMs: number): Observable<DeviceListing> {
  if (mediaDevices === undefined || typeof mediaDevices.enumerateDevices !== 'function') return of(UNKNOWN);
  const enumerate$ = ask(() => mediaDevices.enumerateDevices?.()).pipe(
    timeout({ first: timeoutMs, scheduler: clampScheduler(scheduler) }),
    map(toDeviceListing),
    catchError(() => of(UNKNOWN)),
  );
  return listenTo(mediaDevices, 'devicechange').pipe(
    startWith(undefined),
    switchMap(() => enumerate$),
  );
}
