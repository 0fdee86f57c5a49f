import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the table created by migrations/0010-publication.ts.

export interface PublicationSettingsTable {
  organisation_id: string;
  round_id: string;
  /** Module keys shown on the public page, in no particular order. */
  modules: ColumnType<string[], string[] | undefined, string[]>;
  show_trend: Generated<boolean>;
  show_reference: Generated<boolean>;
  introduction: Generated<string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PublicationTables {
  publication_settings: PublicationSettingsTable;
}
