import type { ClientFeature, ClientPropertiesHeader, DeviceFamily, OperatingSystem } from 'lp-call-streams/protocol';

/** Features always announced: `CO_BROWSE` (needed to receive call invitations) and `MULTI_DIALOG`. */
export const requiredFeatures: readonly ClientFeature[] = ['CO_BROWSE', 'MULTI_DIALOG'];

/** Client properties a host may set; anything left out is detected from the user agent. */
export type ClientPropertiesConfig = Partial<Omit<ClientPropertiesHeader, 'type'>>;

interface Detected {
  readonly deviceFamily: DeviceFamily;
  readonly os: OperatingSystem;
  readonly osVersion?: string;
  readonly browser?: string;
  readonly browserVersion?: string;
}

const osRules: readonly (readonly [RegExp, OperatingSystem, RegExp?])[] = [
  [/Windows/i, 'WINDOWS', /Windows NT ([\d.]+)/i],
  [/Android/i, 'ANDROID', /Android ([\d.]+)/i],
  [/iPhone|iPad|iPod/i, 'IOS', /OS (\d+[_\d]*) like Mac OS X/i],
  [/Mac OS X|Macintosh/i, 'OSX', /Mac OS X (\d+[_.\d]*)/i],
  [/Linux|X11|CrOS/i, 'LINUX'],
];

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const browserRules: readonly (readonly [string, RegExp])[] = [
  ['EDGE', /Edg(?:e|A|iOS)?\/([\d.]+)/],
  ['OPERA', /OPR\/([\d.]+)/],
  ['FIREFOX', /(?:Firefox|FxiOS)\/([\d.]+)/],
  ['CHROME', /(?:Chrome|CriOS)\/([\d.]+)/],
  ['SAFARI', /Version\/([\d.]+).*Safari/],
];

function detectDeviceFamily(ua: string): DeviceFamily {
  if (/iPad|Tablet/i.test(ua) || (/Android/i.test(ua) && !/Mobile/i.test(ua))) return 'TABLET';
  if (/Mobi|iPhone|iPod|Android/i.test(ua)) return 'MOBILE';
  return 'DESKTOP';
}

/** Reads device family, OS and browser from a user-agent string (`OTHER` when unknown or absent). */
export function detectFromUserAgent(userAgent: string | undefined): Detected {
  if (userAgent === undefined || userAgent === '') return { deviceFamily: 'OTHER', os: 'OTHER' };
  const osRule = osRules.find(([pattern]) => pattern.test(userAgent));
  const osVersion = osRule?.[2]?.exec(userAgent)?.[1]?.replace(/_/g, '.');
  const detected: Detected = {
    deviceFamily: detectDeviceFamily(userAgent),
    os: osRule?.[1] ?? 'OTHER',
    ...(osVersion === undefined ? {} : { osVersion }),
  };
  for (const [browser, pattern] of browserRules) {
    const browserVersion = pattern.exec(userAgent)?.[1];
    if (browserVersion !== undefined) return { ...detected, browser, browserVersion };
  }
  return detected;
}

/**
 * The ClientProperties header for InitConnection: detected values, overridden by `config`, with
 * `features` always including `CO_BROWSE` and `MULTI_DIALOG`.
 */
export function buildClientProperties(userAgent: string | undefined, config: ClientPropertiesConfig = {}): ClientPropertiesHeader {
  const features = [...requiredFeatures, ...(config.features ?? []).filter((feature) => !requiredFeatures.includes(feature))];
  return {
    type: '.ams.headers.ClientProperties',
    integration: 'BRAND_SDK',
    ...detectFromUserAgent(userAgent),
    ...config,
    features,
  };
}
