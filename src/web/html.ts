// Templates only print: every interpolated value is escaped unless it is already Html.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Printable = Html | string | number | boolean | null | undefined | readonly Printable[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

function print(value: Printable): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(print).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Printable[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += print(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Marks trusted markup (our own SVG, for example); never pass user input. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
