import { buildClientProperties, detectFromUserAgent } from '../../lib/transport/client-properties';

const UA = {
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
  androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  androidPhone: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
};

describe('client properties', () => {
  it.each([
    ['chromeWindows', { deviceFamily: 'DESKTOP', os: 'WINDOWS', osVersion: '10.0', browser: 'CHROME', browserVersion: '120.0.0.0' }],
    ['safariIphone', { deviceFamily: 'MOBILE', os: 'IOS', osVersion: '17.1', browser: 'SAFARI', browserVersion: '17.1' }],
    ['firefoxMac', { deviceFamily: 'DESKTOP', os: 'OSX', osVersion: '10.15', browser: 'FIREFOX', browserVersion: '121.0' }],
    ['edgeWindows', { deviceFamily: 'DESKTOP', os: 'WINDOWS', browser: 'EDGE', browserVersion: '120.0.2210.91' }],
    ['androidTablet', { deviceFamily: 'TABLET', os: 'ANDROID', osVersion: '13', browser: 'CHROME' }],
    ['androidPhone', { deviceFamily: 'MOBILE', os: 'ANDROID', osVersion: '14', browser: 'CHROME' }],
    ['ipad', { deviceFamily: 'TABLET', os: 'IOS', osVersion: '16.6', browser: 'SAFARI' }],
  ] as const)('detects %s', (name, expected) => {
    expect(detectFromUserAgent(UA[name])).toMatchObject(expected);
  });

  it('says OTHER without a user agent', () => {
    expect(detectFromUserAgent(undefined)).toEqual({ deviceFamily: 'OTHER', os: 'OTHER' });
    expect(detectFromUserAgent('')).toEqual({ deviceFamily: 'OTHER', os: 'OTHER' });
  });

  it('always announces CO_BROWSE and MULTI_DIALOG, plus configured features, once each', () => {
    const header = buildClientProperties(UA.chromeWindows, { features: ['RICH_CONTENT', 'CO_BROWSE'] });
    expect(header.type).toBe('.ams.headers.ClientProperties');
    expect(header.features).toEqual(['CO_BROWSE', 'MULTI_DIALOG', 'RICH_CONTENT']);
  });

  it('configured values win over detected ones', () => {
    const header = buildClientProperties(UA.chromeWindows, { deviceFamily: 'OTHER', appId: 'shop', timeZone: 'Europe/Paris' });
    expect(header).toMatchObject({ deviceFamily: 'OTHER', os: 'WINDOWS', appId: 'shop', timeZone: 'Europe/Paris', features: ['CO_BROWSE', 'MULTI_DIALOG'] });
  });
});
