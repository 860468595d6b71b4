/**
 * Scans values for secrets: every string reachable from them — object fields (own, enumerable or
 * not), array items, and for errors `name`, `message`, their fields and the `cause` chain. Returns
 * where each secret was found (`path: secret`), or `[]`.
 */
export function scanFor(values: readonly unknown[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const secret of secrets) if (value.includes(secret)) found.push(`${path}: ${secret}`);
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Error) {
      visit(value.name, `${path}.name`);
      visit(value.message, `${path}.message`);
      visit(value.cause, `${path}.cause`);
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      if (key === 'stack') continue; // the stack repeats the message (scanned) plus file paths
      visit(Reflect.get(value, key), `${path}.${key}`);
    }
  };
  values.forEach((value, index) => visit(value, `[${index}]`));
  return found;
}
