import { describe, expect, it } from 'vitest';
import { composeEmail, fullName, salutation } from '../../../src/app/email/compose-email.ts';
import { checkEmailText, resolveEmailText } from '../../../src/app/email/email-templates.ts';
import { optOutToken, readOptOutToken } from '../../../src/app/email/opt-out-token.ts';
import { findAddresses } from '../../../src/app/email/record-bounces.ts';
import { classifySmtpError } from '../../../src/app/email/smtp-failure.ts';
import { daysBefore } from '../../../src/app/email/start-mailing.ts';
import { Throttle } from '../../../src/app/email/throttle.ts';

const ID = '0b6a3a52-8a3e-4a57-9d1e-5c1f3f0e2a11';

describe('e-mail parts', () => {
  it('opt-out tokens open only under the same secret and unaltered', () => {
    const token = optOutToken('geheim', ID);
    expect(readOptOutToken('geheim', token)).toBe(ID);
    expect(readOptOutToken('ander geheim', token)).toBeUndefined();
    expect(readOptOutToken('geheim', token.replace(ID, '1b6a3a52-8a3e-4a57-9d1e-5c1f3f0e2a11'))).toBeUndefined();
    expect(readOptOutToken('geheim', `${token}.x`)).toBeUndefined();
    expect(readOptOutToken('geheim', 'onzin')).toBeUndefined();
  });

  it('address people the Dutch way', () => {
    const person = { initials: 'J.', prefix: 'van der', surname: 'Berg' };
    expect(fullName(person)).toBe('J. van der Berg');
    expect(salutation('nl', person)).toBe('Geachte heer/mevrouw Van der Berg');
    expect(salutation('en', person)).toBe('Dear Mr or Ms Van der Berg');
    expect(salutation('nl', { initials: null, prefix: null, surname: null })).toBe('Geachte heer/mevrouw');
  });

  it('escape the HTML alternative and keep the subject on one line', () => {
    const email = composeEmail({ subject: 'Over {ronde}', body: 'Hallo {naam}\n\nGa naar {link}' }, { ronde: 'KTO\r\nBcc: x@y.nl', naam: '<b>Jan</b> & co', link: 'https://kto.nl/r/ABC' }, 'nl');
    expect(email.subject).toBe('Over KTO Bcc: x@y.nl');
    expect(email.html).toContain('Hallo &lt;b&gt;Jan&lt;/b&gt; &amp; co');
    expect(email.html).toContain('<a href="https://kto.nl/r/ABC">https://kto.nl/r/ABC</a>');
    expect(email.text).toBe('Hallo <b>Jan</b> & co\n\nGa naar https://kto.nl/r/ABC');
  });

  it('check texts: unknown and unclosed placeholders by name, link and opt-out link required', () => {
    expect(checkEmailText({ subject: 'Hoi {voornaam}', body: '{link} {afmeldlink} {code' })).toEqual([
      { field: 'subject', problem: 'unknown', placeholder: 'voornaam' },
      { field: 'body', problem: 'unclosed', placeholder: 'code' },
    ]);
    expect(checkEmailText({ subject: 'x', body: 'geen links' }).map((p) => p.problem)).toEqual(['no-link', 'no-opt-out']);
  });

  it('fall back to Dutch when a language has no text', () => {
    const stored = [{ kind: 'email-invitation' as const, language: 'nl', subject: 'Eigen', body: 'Eigen tekst', updatedAt: new Date() }];
    expect(resolveEmailText(stored, 'email-invitation', 'tr')).toMatchObject({ language: 'nl', text: { subject: 'Eigen' } });
    expect(resolveEmailText(stored, 'email-invitation', 'en').language).toBe('en');
    expect(resolveEmailText([], 'email-reminder', 'pl').text.subject).toContain('Herinnering');
  });

  it('classify SMTP failures into what a person can act on', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }).kind).toBe('address');
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' }).kind).toBe('rejected');
    expect(classifySmtpError({ code: 'ESOCKET', command: 'CONN' }).kind).toBe('connect');
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535 })).toEqual({ kind: 'auth', responseCode: 535 });
    expect(classifySmtpError({ code: 'ETLS', responseCode: 500 }).kind).toBe('tls');
    expect(classifySmtpError({ code: 'ETIMEDOUT' }).kind).toBe('timeout');
    expect(classifySmtpError(new Error('?')).kind).toBe('other');
  });

  it('find addresses in pasted bounce text and count days back', () => {
    expect(findAddresses('Jan <JAN@example.nl>\n550 5.1.1 <piet@voorbeeld.nl>: unknown\njan@example.nl')).toEqual(['jan@example.nl', 'piet@voorbeeld.nl']);
    expect(daysBefore('2026-03-02', 7)).toBe('2026-02-23');
    expect(daysBefore('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('throttle waits a full interval after each message handed over', async () => {
    let now = 0;
    const throttle = new Throttle(600, () => now); // 100 ms
    const signal = new AbortController().signal;
    await throttle.wait(signal);
    throttle.sent();
    now = 40;
    const started = performance.now();
    await throttle.wait(signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    const aborting = new AbortController();
    const waiting = throttle.wait(aborting.signal);
    aborting.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
