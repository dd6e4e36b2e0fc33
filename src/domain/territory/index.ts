/**
 * Territories: CISAC TIS codes (countries and groups 2100–2136), include/exclude expressions, ISO mapping.
 * @module
 */
export {
  type TerritoryTerm,
  parseTerritoryExpression,
  formatTerritoryExpression,
  resolveTerritories,
} from './territory-expression.js';
export { territoryCovers } from './territory-covers.js';
export {
  tisToIso,
  isoToTis,
  isKnownTerritory,
  isTisGroup,
  expandTis,
  tisName,
  normaliseTis,
  TIS_COUNTRY_ISO_CODES,
} from './territory-codes.js';
