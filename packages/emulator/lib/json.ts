/**
 * JSON values as the emulator reads and writes them. The same shapes as the library's `Json` and
 * `JsonObject`, declared here so the emulator's types do not follow the library's public surface.
 */

/** Any JSON value, as produced by `JSON.parse`. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
/** A JSON object. */
export type JsonObject = { readonly [key: string]: Json };
