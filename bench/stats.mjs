/** Medians, percentiles and rounding for the benchmark figures. */
import { median, percentile } from './harness.mjs';

export { median, percentile };

/** `n` rounded to `digits` decimals; null stays null. */
export const round = (n, digits = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs, median, p90, min and max of a list of figures. */
export const stats = (values) => ({
  runs: values.length,
  median: round(median(values)),
  p90: round(percentile(values, 90)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

/** The median of the numbers among `values` (nulls, from runs where a figure was absent, left out); null if none. */
export function medianOf(values) {
  const numbers = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return numbers.length ? round(median(numbers)) : null;
}
