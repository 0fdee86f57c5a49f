import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/domain/history-import/plain-text.ts';

describe('plainText', () => {
  it.each([
    ['Question:<script>alert(\'question\');</script>', 'Question:', ['script']],
    ['<p>Eerste</p><p>Tweede<br/>regel</p>', 'Eerste\nTweede\nregel', []],
    ['<b>vet</b> &amp; <i>schuin</i>&nbsp;&euro;5', 'vet & schuin €5', []],
    ['<img src=x onerror="alert(1)">Tekst', 'Tekst', []],
    ['<a href="javascript:alert(1)">klik</a>', 'klik', []],
    ['<style>p{color:red}</style>Tekst', 'Tekst', ['style']],
    ['voor<script>alert(1)', 'voor', ['script']],
    ['<SCRIPT >x</SCRIPT >na', 'na', ['script']],
    ['<ul><li>een</li><li>twee</li></ul>', 'een\ntwee', []],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>', []],
    ['&#0;&#xD800;&#65;', 'A', []],
    ['a < b en c > d', 'a < b en c > d', []],
  ])('%s → %s', (html, text, dropped) => {
    expect(plainText(html)).toEqual({ text: text.replace(/^ +| +$/g, ''), dropped });
  });
});
