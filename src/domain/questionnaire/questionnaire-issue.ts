// Problems in a questionnaire file, addressed by a path into the file (`blocks[2].items[0].text.nl`)
// so an editor can point at the spot, and explained in Dutch and English. This module also turns
// zod's issues into that form: zod's own messages are English-only and name schema internals.

import type { z } from 'zod';
import type { IssueMessage } from './issue-message.ts';
import { ITEM_TYPES } from './questionnaire.ts';

export interface QuestionnaireIssue {
  /** Path into the file, e.g. `blocks[2].items[0].text.nl`; empty for the file as a whole. */
  readonly path: string;
  readonly message: IssueMessage;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    // Field names come from the file; a misspelt one may be arbitrarily long.
    const name = shorten(String(part), 100);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** Custom messages for zod checks, referenced from the schema by these keys. */
export const SCHEMA_MESSAGES = {
  itemKey: {
    nl: "ongeldige vraagsleutel; gebruik kleine letters, cijfers en _ in delen gescheiden door een punt, zoals 'balie.wachttijd'",
    en: "invalid question key; use lower-case letters, digits and _ in parts separated by a dot, such as 'balie.wachttijd'",
  },
  key: {
    nl: "ongeldige sleutel; begin met een kleine letter en gebruik alleen kleine letters, cijfers, _ en -, zoals 'eerste_contact'",
    en: "invalid key; start with a lower-case letter and use only lower-case letters, digits, _ and -, such as 'eerste_contact'",
  },
  language: {
    nl: "ongeldige taalcode; gebruik 2 of 3 kleine letters, zoals 'nl', 'en' of 'ar'",
    en: "invalid language code; use 2 or 3 lower-case letters, such as 'nl', 'en' or 'ar'",
  },
  optionCode: {
    nl: 'een antwoordcode mag niet met een spatie beginnen of eindigen',
    en: 'an answer code must not start or end with a space',
  },
  tooManyItems: {
    nl: 'te veel vragen: een vragenlijst heeft hoogstens 500 vragen',
    en: 'too many questions: a questionnaire has at most 500 questions',
  },
  tooManyLanguages: {
    nl: 'te veel talen in deze tekst (maximaal 20)',
    en: 'too many languages in this text (at most 20)',
  },
} as const satisfies Record<string, IssueMessage>;

export type SchemaMessageKey = keyof typeof SCHEMA_MESSAGES;

// All field names of the file format, to suggest the intended one when a name is misspelled.
const KNOWN_FIELDS = [
  'key', 'title', 'languages', 'modules', 'blocks', 'module', 'intro', 'showIf', 'items', 'type', 'text',
  'help', 'allowNotApplicable', 'required', 'standard', 'options', 'maxChoices', 'min', 'max', 'integer',
  'maxLength', 'code', 'label',
];

export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): QuestionnaireIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknownField(key) }));
    }
    if (issue.code === 'invalid_union' && issue.discriminator === 'type') {
      return [{ path: formatPath(issue.path), message: unknownItemType(issue.input) }];
    }
    return [{ path: formatPath(issue.path), message: describeIssue(issue) }];
  });
}

function unknownField(fullKey: string): IssueMessage {
  const key = shorten(fullKey, 100);
  const suggestion = closestField(key);
  const hint = suggestion ? { nl: `; bedoelt u '${suggestion}'?`, en: `; did you mean '${suggestion}'?` } : { nl: '', en: '' };
  return {
    nl: `onbekend veld '${key}'${hint.nl}`,
    en: `unknown field '${key}'${hint.en}`,
  };
}

function unknownItemType(input: unknown): IssueMessage {
  const choices = ITEM_TYPES.join(', ');
  const type = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).type : undefined;
  if (type === undefined) {
    return { nl: `vraagtype ontbreekt; kies uit ${choices}`, en: `question type is missing; choose from ${choices}` };
  }
  return {
    nl: `onbekend vraagtype ${shortValue(type)}; kies uit ${choices}`,
    en: `unknown question type ${shortValue(type)}; choose from ${choices}`,
  };
}

function describeIssue(issue: z.core.$ZodIssue): IssueMessage {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        const field = issue.path[issue.path.length - 1];
        return { nl: `veld '${String(field)}' ontbreekt`, en: `field '${String(field)}' is missing` };
      }
      const expected = EXPECTED[issue.expected] ?? { nl: issue.expected, en: issue.expected };
      const value = shortValue(issue.input);
      return { nl: `moet ${expected.nl} zijn, niet ${value}`, en: `must be ${expected.en}, not ${value}` };
    }
    case 'too_small':
    case 'too_big': {
      const message =
        issue.code === 'too_small'
          ? sizeMessage(issue.origin, 'min', Number(issue.minimum), issue.inclusive !== false)
          : sizeMessage(issue.origin, 'max', Number(issue.maximum), issue.inclusive !== false);
      const size = Array.isArray(issue.input) || typeof issue.input === 'string' ? issue.input.length : 0;
      return size === 0 ? message : { nl: `${message.nl} (nu ${size})`, en: `${message.en} (now ${size})` };
    }
    case 'invalid_key':
      return {
        nl: `${shortValue(issue.path[issue.path.length - 1])} is geen taalcode; gebruik 2 of 3 kleine letters, zoals 'en' of 'ar'`,
        en: `${shortValue(issue.path[issue.path.length - 1])} is not a language code; use 2 or 3 lower-case letters, such as 'en' or 'ar'`,
      };
    case 'invalid_value': {
      const values = issue.values.map((value) => shortValue(value)).join(', ');
      return { nl: `moet een van deze waarden zijn: ${values}`, en: `must be one of these values: ${values}` };
    }
    case 'invalid_format':
    case 'custom':
    default: {
      const own = (SCHEMA_MESSAGES as Record<string, IssueMessage | undefined>)[issue.message];
      return own ?? { nl: `ongeldige waarde (${issue.message})`, en: `invalid value (${issue.message})` };
    }
  }
}

const EXPECTED: Readonly<Record<string, IssueMessage>> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een heel getal', en: 'a whole number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'een object { ... }', en: 'an object { ... }' },
  record: { nl: 'een object met een tekst per taal, zoals { "nl": "...", "en": "..." }', en: 'an object with a text per language, such as { "nl": "...", "en": "..." }' },
  array: { nl: 'een lijst [ ... ]', en: 'a list [ ... ]' },
};

function sizeMessage(origin: string, bound: 'min' | 'max', limit: number, inclusive: boolean): IssueMessage {
  if (origin === 'string') {
    if (bound === 'min' && limit <= 1) return { nl: 'mag niet leeg zijn', en: 'must not be empty' };
    return bound === 'min'
      ? { nl: `moet minstens ${limit} tekens hebben`, en: `must have at least ${limit} characters` }
      : { nl: `mag hoogstens ${limit} tekens hebben`, en: `must have at most ${limit} characters` };
  }
  if (origin === 'array') {
    if (bound === 'min' && limit <= 1) return { nl: 'mag niet leeg zijn', en: 'must not be empty' };
    const entries = limit === 1 ? { nl: 'element', en: 'entry' } : { nl: 'elementen', en: 'entries' };
    return bound === 'min'
      ? { nl: `moet minstens ${limit} ${entries.nl} hebben`, en: `must have at least ${limit} ${entries.en}` }
      : { nl: `mag hoogstens ${limit} ${entries.nl} hebben`, en: `must have at most ${limit} ${entries.en}` };
  }
  if (bound === 'min') {
    return inclusive ? { nl: `moet minstens ${limit} zijn`, en: `must be at least ${limit}` } : { nl: `moet groter zijn dan ${limit}`, en: `must be greater than ${limit}` };
  }
  return inclusive ? { nl: `mag hoogstens ${limit} zijn`, en: `must be at most ${limit}` } : { nl: `moet kleiner zijn dan ${limit}`, en: `must be less than ${limit}` };
}

/**
 * A value as the file shows it, cut short so that a hostile file cannot flood the message.
 * Objects and lists are not serialised: they may be huge or nested deeply enough to overflow.
 */
function shortValue(value: unknown): string {
  if (Array.isArray(value)) return '[...]';
  if (value !== null && typeof value === 'object') return '{...}';
  const text = typeof value === 'string' ? JSON.stringify(shorten(value, 40)) : String(value);
  return shorten(text, 40);
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 3)}...` : text;
}

function closestField(key: string): string | undefined {
  let best: { field: string; distance: number } | undefined;
  for (const field of KNOWN_FIELDS) {
    const distance = field.toLowerCase() === key.toLowerCase() ? 0 : editDistance(field, key);
    if (distance <= 2 && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

/** Levenshtein distance with adjacent transpositions counted once ("titel" → "title" is 1). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || b.length > 40) return Number.POSITIVE_INFINITY;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      const previous = rows[i - 1]!;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}
