/** The schemaVersion this build writes. Every change of document shape bumps it and adds a migration. */
export const CURRENT_SCHEMA_VERSION = 3;
