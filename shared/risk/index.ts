// The public entry of shared/risk: rating scales and their anchors, the 5×5 matrix, inherent and
// residual risk, impact suggestions from assets, heat maps and counts, OWASP Risk Rating.
export { LIKELIHOOD_ANCHORS, IMPACT_ANCHORS, RATINGS, isRating, type Anchor } from './anchors';
export { RISK_BANDS, RISK_BAND_LABELS, RISK_MATRIX, bandRank, riskBand, riskScore, type RiskBand } from './matrix';
export {
  EFFECTIVE_MITIGATION_STATUSES,
  effectiveMitigations,
  impactSuggestion,
  inherentRisk,
  rating,
  residualRisk,
  type ImpactSuggestion,
  type RiskRating,
} from './threat-risk';
export {
  BANDS_BY_SEVERITY,
  bandCounts,
  heatMap,
  riskOf,
  statusCounts,
  type BandCounts,
  type HeatMap,
  type RiskKind,
  type StatusCounts,
} from './heat-map';
export {
  OWASP_FACTOR_GROUPS,
  OWASP_FACTOR_INFO,
  owaspFactorProblems,
  owaspLevel,
  owaspRiskRatings,
  uniformOwaspFactors,
  type OwaspFactorGroup,
  type OwaspRatings,
} from './owasp';
export {
  REGISTER_SORT_KEYS,
  elementNames,
  filterRegister,
  matchesFilter,
  refNamespace,
  registerRow,
  registerRows,
  sortRegister,
  type RegisterElement,
  type RegisterFilter,
  type RegisterRow,
  type RegisterSortKey,
  type SortDirection,
} from './register';
