import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri } from '../../src/app/totp.ts';

// Published test vectors: RFC 4226 appendix D (HOTP) and RFC 6238 appendix B (TOTP, SHA-1; the
// RFC lists eight digits, six-digit codes are their last six).
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_SECRET_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('encodes the RFC secret in base32 and back', () => {
    expect(base32Encode(RFC_SECRET)).toBe(RFC_SECRET_BASE32);
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SECRET);
  });

  it('gives the HOTP values of RFC 4226 appendix D', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  it('matches the TOTP values of RFC 6238 appendix B', () => {
    const vectors: [number, string][] = [[59, '287082'], [1111111109, '081804'], [1111111111, '050471'], [1234567890, '005924'], [2000000000, '279037'], [20000000000, '353130']];
    for (const [seconds, code] of vectors) {
      const at = new Date(seconds * 1000);
      expect(matchTotp(RFC_SECRET_BASE32, code, at)).toBe(Math.floor(seconds / 30));
    }
  });

  it('allows one step of clock drift either side, not two, and a code only once', () => {
    const at = new Date(1111111111 * 1000); // step 37037037
    expect(matchTotp(RFC_SECRET_BASE32, '050471', new Date(at.getTime() + 30_000))).toBe(37037037);
    expect(matchTotp(RFC_SECRET_BASE32, '050471', new Date(at.getTime() - 30_000))).toBe(37037037);
    expect(matchTotp(RFC_SECRET_BASE32, '050471', new Date(at.getTime() + 61_000))).toBeUndefined();
    expect(matchTotp(RFC_SECRET_BASE32, '050471', at, 37037037)).toBeUndefined();
    expect(matchTotp(RFC_SECRET_BASE32, '050 471', at)).toBe(37037037);
    expect(matchTotp(RFC_SECRET_BASE32, '05047', at)).toBeUndefined();
    expect(matchTotp(RFC_SECRET_BASE32, 'abcdef', at)).toBeUndefined();
  });

  it('writes the otpauth address authenticator apps read', () => {
    expect(otpauthUri(RFC_SECRET_BASE32, 'j.jansen@gemeente.nl')).toBe(
      'otpauth://totp/Klantstem%3Aj.jansen%40gemeente.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Klantstem&algorithm=SHA1&digits=6&period=30',
    );
  });
});
