// Letter and e-mail texts with {placeholders}. The set is fixed so a typo in a template is
// caught when it is saved, not when 5,000 letters have been printed.

export const PLACEHOLDERS = [
  'aanhef', // "Geachte heer/mevrouw Jansen" style salutation built from initials, prefix, surname
  'naam', // full name: initials, prefix, surname
  'code', // the access code in groups of four
  'link', // the direct link /r/<code>
  'webadres', // the address where the code can be typed: <public url>/r
  'organisatie',
  'ronde',
  'einddatum', // last day of fieldwork, written out
  'afmeldlink', // e-mail only: the opt-out link
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

export interface TemplateProblem {
  readonly placeholder: string;
  readonly kind: 'unknown' | 'unclosed';
}

const TOKEN = /\{([^{}\s]*)\}?/g;

/** Placeholders the template uses that do not exist, and braces that are never closed. */
export function checkTemplate(text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const name = match[1] ?? '';
    if (!match[0].endsWith('}')) problems.push({ placeholder: name, kind: 'unclosed' });
    else if (!(PLACEHOLDERS as readonly string[]).includes(name)) problems.push({ placeholder: name, kind: 'unknown' });
  }
  return problems;
}

/** The text with each known placeholder replaced; a missing value becomes an empty string. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? (values[name as Placeholder] ?? '') : whole);
}
