import { describe, expect, it } from 'vitest';
import { openSealedText, sealText } from '../../src/app/sealed-text.ts';

describe('sealed text', () => {
  it('opens what it sealed, and each seal differs', () => {
    const a = sealText('s3cret', 'access-code', 'ABCD-EFGH-JKMN');
    const b = sealText('s3cret', 'access-code', 'ABCD-EFGH-JKMN');
    expect(a).not.toBe(b);
    expect(a).not.toContain('ABCD');
    expect(openSealedText('s3cret', 'access-code', a)).toBe('ABCD-EFGH-JKMN');
  });

  it('refuses another secret, another purpose and an altered value', () => {
    const sealed = sealText('s3cret', 'access-code', 'ABCD-EFGH-JKMN');
    expect(() => openSealedText('other', 'access-code', sealed)).toThrow();
    expect(() => openSealedText('s3cret', 'smtp-password', sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = (parts[3]!.startsWith('A') ? 'B' : 'A') + parts[3]!.slice(1);
    expect(() => openSealedText('s3cret', 'access-code', parts.join('.'))).toThrow();
    expect(() => openSealedText('s3cret', 'access-code', 'garbage')).toThrow('Not a sealed value.');
  });
});
