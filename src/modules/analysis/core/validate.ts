/**
 * Checks on aggregate inputs. A failure here means the query that produced the counts is wrong,
 * not that a person typed something wrong, so these throw plain RangeErrors for developers.
 */

export function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of 0 or more, got ${value}`);
}

export function assertAtMost(value: number, limit: number, what: string, limitName: string): void {
  if (value > limit) throw new RangeError(`${what} (${value}) is more than ${limitName} (${limit})`);
}

export function assertUniqueKeys(keys: string[], what: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new RangeError(`${what}: key "${key}" appears twice`);
    seen.add(key);
  }
}

export function assertConfidence(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence must lie between 0 and 1, got ${level}`);
}

export function assertTableShape(rows: string[], cols: string[], counts: number[][]): void {
  if (counts.length !== rows.length) throw new RangeError(`the table has ${counts.length} rows of counts for ${rows.length} row labels`);
  for (const [i, row] of counts.entries()) {
    if (row.length !== cols.length) throw new RangeError(`row ${rows[i]} has ${row.length} counts for ${cols.length} columns`);
    for (const value of row) assertCount(value, `count in row ${rows[i]}`);
  }
  assertUniqueKeys(rows, 'rows');
  assertUniqueKeys(cols, 'columns');
}
