// The public entry of shared/catalogs: other layers import only from here.
export * from './types';
export {
  CATALOG_LIMITS,
  ENTRY_ID_PATTERN,
  NAMESPACE_PATTERN,
  REF_PATTERN,
  parseRef,
  validateCatalog,
  validateCrosswalk,
  type CatalogValidation,
  type CrosswalkValidation,
} from './schema';
export * from './atlas-yaml';
export * from './atlas-catalog';
export * from './catalog-index';
export { queryTokens, searchEntries, type SearchHit, type SearchOptions } from './search';
export * from './bundled';
export * from './import-pack';
export * from './plot4ai';
