/** Small guards for reading untyped values (event payloads, storage, channel messages, JSON). */

/** True for a plain object (not `null`, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `record[key]` if it is a non-empty string. */
export const nonEmptyText = (record: Record<string, unknown>, key: string): string | undefined => {
  const value = record[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};
