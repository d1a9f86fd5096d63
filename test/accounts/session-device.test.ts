import { describe, expect, it } from 'vitest';
import { deviceOf, deviceParts } from '../../src/modules/accounts/session-device.ts';

describe('the kind of device a session runs on', () => {
  it('keeps only browser and system, in two names', () => {
    expect(
      deviceOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'),
    ).toBe('Safari/iOS');
    expect(
      deviceOf('Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36'),
    ).toBe('Samsung Internet for Android/Android');
    expect(deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0')).toBe(
      'Microsoft Edge/Windows',
    );
    expect(deviceParts('Chrome/Android')).toEqual({ browser: 'Chrome', system: 'Android' });
  });

  it('says nothing when there is nothing to say, and never fails a sign-in', () => {
    expect(deviceOf(undefined)).toBeUndefined();
    expect(deviceOf('')).toBeUndefined();
    expect(deviceOf('(((( \u0000 ;;')).toBeUndefined();
    expect(deviceOf('lightMyRequest')).toBeUndefined();
    expect(deviceParts(null)).toEqual({ browser: null, system: null });
  });
});
