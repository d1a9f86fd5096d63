/** The pure analysis core of In beeld: aggregates in, figures with their rounding out. */

export { chiSquareTest, SMALL_EXPECTED_RULE, testIndependence } from './chi-square.ts';
export { compareGroups, compareRounds } from './compare.ts';
export { crossTabulate, transpose } from './crosstab.ts';
export {
  DEFAULT_DISCLOSURE_THRESHOLD,
  discloseCrossTable,
  discloseFrequencies,
  discloseMultipleResponse,
  disclosureThreshold,
  filterAllowed,
  MINIMUM_DISCLOSURE_THRESHOLD,
  TOO_FEW_ANSWERS,
} from './disclosure.ts';
export { cohensD, cramersV } from './effect-size.ts';
export { fisherExact } from './fisher.ts';
export { analyseChoice } from './frequencies.ts';
export { mergeChoiceCounts, mergeCrossCounts, mergeScaleCounts } from './merge.ts';
export { DEFAULT_DECIMALS, P_DECIMALS, percentOf, roundHalfUp, roundingRule, STATISTIC_DECIMALS } from './rounding.ts';
export { analyseScale } from './scale.ts';
export type * from './types.ts';
export { DEFAULT_CONFIDENCE, percentInterval, wilsonInterval } from './wilson.ts';
