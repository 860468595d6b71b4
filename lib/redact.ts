/**
 * Redaction of outside text before it reaches a public value (a diagnostic, a state, an error):
 * anything JWT-shaped, token-bearing URL query values, and the exact secrets given.
 */

const jwtPattern = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
// A token-bearing query parameter of a URL (`?token=…`, `&access_token=…`, `&jwt=…`).
const secretParam = /([?&#](?:[\w-]*token|jwt|authCode|code|key|secret|sig|signature|password)=)[^&#\s"']*/gi;

/**
 * Removes anything JWT-shaped, the values of token-bearing URL query parameters, and the given
 * secrets (the exact tokens the client was handed; 8 characters or more) from `text`:
 * `redact('closed: eyJhbGciOi.eyJzdWIi.c2ln', [])` is `'closed: [redacted jwt]'`.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  const withoutSecrets = secrets.filter((secret) => secret.length >= 8).reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
  return withoutSecrets.replace(jwtPattern, '[redacted jwt]').replace(secretParam, '$1[redacted]');
}

/**
 * `value` with {@link redact} applied to every string in it (plain objects and arrays are copied;
 * anything else is kept as is). For values made of outside text: response bodies, diagnostics, states.
 */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return redact(item, secrets);
    if (depth > 32 || typeof item !== 'object' || item === null) return item;
    if (Array.isArray(item)) return item.map((element: unknown) => walk(element, depth + 1));
    if (Object.getPrototypeOf(item) !== Object.prototype) return item;
    return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, walk(field, depth + 1)]));
  };
  // The shape is kept: only strings change.
  return walk(value, 0) as T;
}
