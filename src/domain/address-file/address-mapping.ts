import { err, ok, type Result } from '../result.ts';

// Which column of the address file holds which field. A mapping is per column index (headers
// may repeat or be empty); the organisation's remembered mapping is per header text, so the
// next file from the same benefits system is mapped without work.

export const ADDRESS_FIELDS = [
  'initials', 'prefix', 'surname', 'street', 'house_number', 'house_number_addition',
  'postcode', 'town', 'email', 'language', 'age_band', 'district', 'benefit_type',
] as const;

export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The coarse variables that may be carried to a response for breakdowns. */
export const COARSE_FIELDS = ['age_band', 'district', 'benefit_type'] as const;
export type CoarseField = (typeof COARSE_FIELDS)[number];

export const POSTAL_FIELDS = ['street', 'house_number', 'postcode', 'town'] as const;

/** Column index -> field; columns not in it are not used. */
export type ColumnMapping = ReadonlyMap<number, AddressField>;

export function isAddressField(value: unknown): value is AddressField {
  return typeof value === 'string' && (ADDRESS_FIELDS as readonly string[]).includes(value);
}

export function isCoarseField(value: unknown): value is CoarseField {
  return typeof value === 'string' && (COARSE_FIELDS as readonly string[]).includes(value);
}

/** Header text as a lookup key: lower case, accents and everything but letters and digits removed. */
export function headerKey(header: string): string {
  return header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Dutch and English header names seen in exports of benefits systems and in spreadsheets.
const KNOWN_HEADERS: Readonly<Record<AddressField, readonly string[]>> = {
  initials: ['voorletters', 'voorletter', 'initialen', 'initials', 'voornaam', 'voornamen', 'firstname', 'givenname'],
  prefix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'tv', 'prefix', 'infix', 'surnameprefix'],
  surname: ['achternaam', 'naam', 'geslachtsnaam', 'surname', 'lastname', 'familyname', 'name'],
  street: ['straat', 'straatnaam', 'adres', 'street', 'streetname', 'address'],
  house_number: ['huisnummer', 'huisnr', 'nummer', 'nr', 'housenumber', 'number', 'houseno'],
  house_number_addition: ['toevoeging', 'huisnummertoevoeging', 'huisnrtoev', 'huisletter', 'toev', 'addition', 'suffix', 'housenumberaddition'],
  postcode: ['postcode', 'pc', 'postalcode', 'zip', 'zipcode', 'postcodeadres'],
  town: ['woonplaats', 'plaats', 'plaatsnaam', 'stad', 'gemeente', 'town', 'city', 'place'],
  email: ['email', 'emailadres', 'mail', 'mailadres', 'emailaddress', 'eadres'],
  language: ['taal', 'voorkeurstaal', 'language', 'lang', 'preferredlanguage'],
  age_band: ['leeftijdsklasse', 'leeftijdsgroep', 'leeftijdscategorie', 'leeftijd', 'agegroup', 'ageband', 'age'],
  district: ['wijk', 'stadsdeel', 'buurt', 'district', 'area', 'neighbourhood'],
  benefit_type: ['uitkering', 'soortuitkering', 'uitkeringssoort', 'regeling', 'benefit', 'benefittype', 'scheme'],
};

const byHeader = new Map<string, AddressField>(
  ADDRESS_FIELDS.flatMap((field) => KNOWN_HEADERS[field].map((name) => [name, field] as const)),
);

/**
 * A suggested mapping: the remembered header of the organisation first, then the known
 * names; each field goes to at most one column (the first that matches).
 */
export function suggestMapping(headers: readonly string[], remembered: Readonly<Record<string, string>> = {}): Map<number, AddressField> {
  const rememberedByKey = new Map<string, AddressField>();
  for (const [header, field] of Object.entries(remembered)) if (isAddressField(field)) rememberedByKey.set(headerKey(header), field);
  const mapping = new Map<number, AddressField>();
  const taken = new Set<AddressField>();
  for (const source of [rememberedByKey, byHeader]) {
    headers.forEach((header, column) => {
      if (mapping.has(column)) return;
      const field = source.get(headerKey(header));
      if (field && !taken.has(field)) {
        mapping.set(column, field);
        taken.add(field);
      }
    });
  }
  return mapping;
}

/** The mapping as header text -> field, to remember for the next file. */
export function mappingToRemember(headers: readonly string[], mapping: ColumnMapping): Record<string, AddressField> {
  const out: Record<string, AddressField> = {};
  for (const [column, field] of mapping) {
    const header = headers[column];
    if (header && headerKey(header) !== '') out[header] = field;
  }
  return out;
}

export type MappingProblem =
  | { readonly kind: 'twice'; readonly field: AddressField; readonly columns: readonly number[] }
  | { readonly kind: 'no-address' };

/**
 * A chosen mapping must use each field once, and must map either the whole postal address or
 * the e-mail address: without one of them nobody can be invited.
 */
export function checkMapping(mapping: ColumnMapping): Result<ColumnMapping, MappingProblem[]> {
  const problems: MappingProblem[] = [];
  const columnsOf = new Map<AddressField, number[]>();
  for (const [column, field] of mapping) columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
  for (const [field, columns] of columnsOf) if (columns.length > 1) problems.push({ kind: 'twice', field, columns });
  const mapped = new Set(mapping.values());
  if (!POSTAL_FIELDS.every((f) => mapped.has(f)) && !mapped.has('email')) problems.push({ kind: 'no-address' });
  return problems.length ? err(problems) : ok(mapping);
}

/** Stored form of a column mapping (address_imports.mapping): column index as text -> field. */
export function mappingToJson(mapping: ColumnMapping): Record<string, AddressField> {
  return Object.fromEntries([...mapping].map(([column, field]) => [String(column), field]));
}

export function mappingFromJson(json: Readonly<Record<string, string>> | null | undefined): Map<number, AddressField> {
  const mapping = new Map<number, AddressField>();
  for (const [column, field] of Object.entries(json ?? {})) {
    if (/^\d+$/.test(column) && isAddressField(field)) mapping.set(Number(column), field);
  }
  return mapping;
}
