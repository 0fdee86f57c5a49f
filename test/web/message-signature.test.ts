import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { messageSignature } from '../../src/web/message-signature.ts';

describe('messageSignature', () => {
  it('is the HMAC-SHA256 of the message in base64url, also when asked again', () => {
    const expected = createHmac('sha256', 'secret-one').update('csrf:abc').digest('base64url');
    expect(messageSignature('secret-one', 'csrf:abc')).toBe(expected);
    expect(messageSignature('secret-one', 'csrf:abc')).toBe(expected);
  });

  it('keeps the signatures of different secrets apart', () => {
    expect(messageSignature('secret-two', 'csrf:abc')).toBe(createHmac('sha256', 'secret-two').update('csrf:abc').digest('base64url'));
    expect(messageSignature('secret-two', 'csrf:abc')).not.toBe(messageSignature('secret-one', 'csrf:abc'));
  });

  it('stays right past the number of signatures it keeps', () => {
    for (let i = 0; i < 20_100; i++) messageSignature('secret-three', `m${i}`);
    for (const i of [0, 99, 100, 20_099]) {
      expect(messageSignature('secret-three', `m${i}`)).toBe(createHmac('sha256', 'secret-three').update(`m${i}`).digest('base64url'));
    }
  });
});
