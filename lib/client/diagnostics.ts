import { map, merge, type Observable } from 'rxjs';
import type { ConnectionDiagnostic } from '../connection/diagnostics';
import type { LpTagDiagnostic } from '../lptag/diagnostics';
import type { ClientDiagnostic } from './types';

/** The client's `diagnostic$`: the connection's and the lpTag adapter's diagnostics, tagged by source. */
export function clientDiagnostics(connection$: Observable<ConnectionDiagnostic>, lpTag$: Observable<LpTagDiagnostic>): Observable<ClientDiagnostic> {
  return merge(
    connection$.pipe(map((diagnostic): ClientDiagnostic => ({ source: 'connection', diagnostic }))),
    lpTag$.pipe(map((diagnostic): ClientDiagnostic => ({ source: 'lptag', diagnostic }))),
  );
}
