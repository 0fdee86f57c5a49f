import { describe, expect, it } from 'vitest';
import { pageBytes } from '../../src/web/page-bytes.ts';

describe('pageBytes', () => {
  it('gives the UTF-8 bytes of the page, Arabic and arrows included', () => {
    const text = '<p>العربية ← Türkçe · Polski</p>';
    expect(pageBytes(text).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('never hands out the same bytes twice: earlier pages stay as they were', () => {
    const pages = Array.from({ length: 400 }, (_, i) => `<main>${String(i).repeat(1 + (i % 50))} é ${'x'.repeat(i * 7)}</main>`);
    const encoded = pages.map((p) => pageBytes(p));
    pages.forEach((p, i) => expect(encoded[i]!.toString('utf8')).toBe(p));
  });

  it('encodes a page larger than its block on its own', () => {
    const text = 'ü'.repeat(200_000);
    const bytes = pageBytes(text);
    expect(bytes.length).toBe(400_000);
    expect(bytes.toString('utf8')).toBe(text);
  });
});
