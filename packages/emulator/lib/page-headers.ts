/**
 * Headers of the pages the emulator serves (the agent console, the sample, any `staticDirs` page):
 * a Content-Security-Policy that allows what they load — their own scripts and styles, the
 * emulator's HTTP and WebSocket endpoints, camera/microphone streams shown in `<video>` — and
 * nothing else; no framing (clickjacking the console), no referrer (a `?secret=` URL stays here).
 */
import type { AccessPolicy } from './access';

/** The CSP for the emulator's pages: `connect-src` lists every name it answers to, over http and ws. */
export function contentSecurityPolicy(access: AccessPolicy): string {
  // CSP host sources take no IPv6 literal: a page at [::1] reaches it as 'self'.
  const endpoints = access
    .ownHosts()
    .filter((host) => !host.startsWith('['))
    .flatMap((host) => [`http://${host}`, `ws://${host}`]);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ${endpoints.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every HTML page carries (`csp` false: none of the CSP, for a `staticDirs` page that opts out). */
export function pageHeaders(access: AccessPolicy, csp: string | false | undefined): Record<string, string> {
  const policy = csp === undefined ? contentSecurityPolicy(access) : csp;
  return {
    ...(policy === false ? {} : { 'Content-Security-Policy': policy }),
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}
