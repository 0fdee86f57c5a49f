// Templates only print: every interpolated value is escaped unless it is already Html.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Printable = Html | string | number | boolean | null | undefined | readonly Printable[];

const special = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most printed text (labels, numbers, keys) has nothing to escape: return it as it is.
  if (!special.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const entity = code === 38 ? '&amp;' : code === 60 ? '&lt;' : code === 62 ? '&gt;' : code === 34 ? '&quot;' : code === 39 ? '&#39;' : undefined;
    if (entity === undefined) continue;
    out += text.slice(from, i) + entity;
    from = i + 1;
  }
  return out + text.slice(from);
}

function print(value: Printable): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const part of value) out += print(part);
    return out;
  }
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
