import { describe, expect, it } from 'vitest';
import { checkPasswordRules } from '../../src/app/passwords.ts';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-organisations.ts';
import { PASSWORD } from '../support/test-app.ts';

// NCSC guidance (ncsc.nl "Wachtwoorden", NCSC UK "Password policy: updating your approach"):
// a minimum length, a deny-list of common passwords, no composition rules.

describe('password rules', () => {
  it('refuses passwords under 12 characters and over 256, counting characters rather than bytes', () => {
    expect(checkPasswordRules('kort-maar-ok')).toBeUndefined();
    expect(checkPasswordRules('elf tekens!')).toBe('too-short');
    expect(checkPasswordRules('ééééé-ééééé')).toBe('too-short');
    expect(checkPasswordRules('x'.repeat(257))).toBe('too-long');
  });

  it.each([
    ['Wachtwoord2026!', 'a common word with digits and a symbol'],
    ['welkom123456', 'on the list'],
    ['PASSWORD1234', 'on the list, any case'],
    ['aaaaaaaaaaaa', 'one character repeated'],
    ['abcabcabcabc', 'a short unit repeated'],
    ['1234567890123', 'a run of digits'],
    ['qwertyuiopas', 'a keyboard row'],
    ['!!Voorjaar2025', 'a season with a year'],
    ['wachtwoordwachtwoord', 'a common word twice'],
  ])('refuses %s (%s)', (password) => {
    expect(checkPasswordRules(password)).toBe('too-common');
  });

  it('refuses the user\'s own address or name with a few additions', () => {
    expect(checkPasswordRules('j.de.vries@gemeente.nl', { email: 'j.de.vries@gemeente.nl' })).toBe('too-common');
    expect(checkPasswordRules('jdevries2026!', { email: 'jdevries@gemeente.nl' })).toBe('too-common');
    expect(checkPasswordRules('Janneke de Vries', { name: 'Janneke de Vries' })).toBe('too-common');
    expect(checkPasswordRules('Janneke fietst naar de markt', { name: 'Janneke de Vries' })).toBeUndefined();
  });

  it('accepts sentences and random strings with no composition demands', () => {
    expect(checkPasswordRules('de kat slaapt op de bank')).toBeUndefined();
    expect(checkPasswordRules('tq8vz3lm0pra')).toBeUndefined();
    expect(checkPasswordRules('blauwe fiets tegen de muur')).toBeUndefined();
    expect(checkPasswordRules(PASSWORD)).toBeUndefined();
    expect(checkPasswordRules(DEMO_PASSWORD)).toBeUndefined();
  });
});
