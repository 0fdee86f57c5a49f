import type { AddressField, ColumnMapping } from './address-mapping.ts';
import { isEmailAddress, isHouseNumber, normaliseLanguage, normalisePostcode, type InviteeLanguage } from './address-rules.ts';
import { rowNumberOf, type AddressTable } from './parse-csv.ts';

// Checks every row of a mapped address file. A row is valid when it has no problem; only valid
// rows are ever imported. Problems name the row as a spreadsheet shows it (header = row 1).

export const MAX_VALUE_LENGTH = 200;

/** One person to invite, cleaned: empty values are null, the postcode is "1234 AB". */
export interface AddressRow {
  readonly rowNumber: number;
  readonly initials: string | null;
  readonly prefix: string | null;
  readonly surname: string | null;
  readonly street: string | null;
  readonly houseNumber: string | null;
  readonly addition: string | null;
  readonly postcode: string | null;
  readonly town: string | null;
  readonly email: string | null;
  readonly language: InviteeLanguage;
  readonly ageBand: string | null;
  readonly district: string | null;
  readonly benefitType: string | null;
}

export type RowProblemKind = 'postcode' | 'email' | 'house-number' | 'language' | 'no-address' | 'duplicate' | 'too-long';

export interface RowProblem {
  readonly rowNumber: number;
  /** The column the problem is in; null when it is about the row as a whole. */
  readonly column: number | null;
  readonly kind: RowProblemKind;
  readonly value: string;
  /** For duplicates: the row this one repeats. */
  readonly duplicateOf?: number;
}

export interface ValidatedRows {
  /** Non-blank data rows. */
  readonly total: number;
  readonly valid: readonly AddressRow[];
  readonly invalidRows: number;
  readonly problems: readonly RowProblem[];
}

const normal = (s: string | null): string => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

export function validateAddressRows(table: AddressTable, mapping: ColumnMapping): ValidatedRows {
  const columnOf = new Map<AddressField, number>();
  for (const [column, field] of mapping) columnOf.set(field, column);
  const valid: AddressRow[] = [];
  const problems: RowProblem[] = [];
  const seenAddress = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  let total = 0;
  let invalidRows = 0;

  table.rows.forEach((cells, index) => {
    if (cells.every((c) => c === '')) return;
    total++;
    const rowNumber = rowNumberOf(index);
    const rowProblems: RowProblem[] = [];
    const raw = (field: AddressField): string => {
      const column = columnOf.get(field);
      return column === undefined ? '' : (cells[column] ?? '');
    };
    const problem = (field: AddressField | null, kind: RowProblemKind, extra: Partial<RowProblem> = {}): void => {
      const column = field === null ? null : (columnOf.get(field) ?? null);
      rowProblems.push({ rowNumber, column, kind, value: field === null ? '' : raw(field), ...extra });
    };
    const value = (field: AddressField): string | null => {
      const text = raw(field);
      if (text.length > MAX_VALUE_LENGTH) problem(field, 'too-long');
      return text === '' ? null : text;
    };

    const street = value('street');
    const houseNumber = value('house_number');
    const town = value('town');
    const rawPostcode = value('postcode');
    const postcode = rawPostcode === null ? null : (normalisePostcode(rawPostcode) ?? null);
    if (rawPostcode !== null && postcode === null) problem('postcode', 'postcode');
    if (houseNumber !== null && !isHouseNumber(houseNumber)) problem('house_number', 'house-number');
    const email = value('email');
    if (email !== null && !isEmailAddress(email)) problem('email', 'email');
    const language = normaliseLanguage(raw('language'));
    if (!language) problem('language', 'language');
    const postalComplete = street !== null && houseNumber !== null && rawPostcode !== null && town !== null;
    if (!postalComplete && email === null) problem(null, 'no-address');

    const row: AddressRow = {
      rowNumber,
      initials: value('initials'),
      prefix: value('prefix'),
      surname: value('surname'),
      street,
      houseNumber,
      addition: value('house_number_addition'),
      postcode,
      town,
      email,
      language: language ?? 'nl',
      ageBand: value('age_band'),
      district: value('district'),
      benefitType: value('benefit_type'),
    };

    // The first of two equal rows is kept; the later one is the duplicate. Only rows without
    // other problems take part: a rejected row must not push out the good row that repeats it.
    if (rowProblems.length === 0) {
      const addressKey = postalComplete && postcode !== null
        ? [postcode, normal(houseNumber), normal(row.addition), normal(row.surname), normal(row.initials)].join('\u001f')
        : undefined;
      const emailKey = email?.toLowerCase();
      const firstByAddress = addressKey === undefined ? undefined : seenAddress.get(addressKey);
      const firstByEmail = emailKey === undefined ? undefined : seenEmail.get(emailKey);
      if (firstByAddress !== undefined) problem(null, 'duplicate', { duplicateOf: firstByAddress });
      else if (firstByEmail !== undefined) problem('email', 'duplicate', { duplicateOf: firstByEmail });
      else {
        if (addressKey !== undefined) seenAddress.set(addressKey, rowNumber);
        if (emailKey !== undefined) seenEmail.set(emailKey, rowNumber);
      }
    }

    if (rowProblems.length === 0) valid.push(row);
    else {
      invalidRows++;
      problems.push(...rowProblems);
    }
  });
  return { total, valid, invalidRows, problems };
}
