/**
 * The attacker's linear algebra: which hidden counts follow exactly from the shown ones. Every
 * relation says "parts add up to total"; shown counts are constants, hidden ones unknowns. A hidden
 * count is determined when it is a pivot of the reduced system with no free unknown in its row.
 */

export type Addition = { parts: number[]; total: number };

const EPSILON = 1e-9;

/** Reduced row echelon form in place; returns the pivot column of each non-zero row. */
function reduce(matrix: number[][], columns: number): number[] {
  const pivots: number[] = [];
  let row = 0;
  for (let col = 0; col < columns && row < matrix.length; col++) {
    let best = row;
    for (let r = row + 1; r < matrix.length; r++) if (Math.abs(matrix[r]?.[col] ?? 0) > Math.abs(matrix[best]?.[col] ?? 0)) best = r;
    const pivotRow = matrix[best];
    const pivot = pivotRow?.[col] ?? 0;
    if (!pivotRow || Math.abs(pivot) < EPSILON) continue;
    [matrix[row], matrix[best]] = [pivotRow, matrix[row] ?? []];
    for (let c = 0; c < columns; c++) pivotRow[c] = (pivotRow[c] ?? 0) / pivot;
    for (const [r, other] of matrix.entries()) {
      const factor = other[col] ?? 0;
      if (r === row || Math.abs(factor) < EPSILON) continue;
      for (let c = 0; c < columns; c++) other[c] = (other[c] ?? 0) - factor * (pivotRow[c] ?? 0);
    }
    pivots.push(col);
    row++;
  }
  return pivots;
}

/** Indices (into the counts) of hidden counts whose value the shown counts and the additions fix. */
export function determinedHidden(hidden: boolean[], additions: Addition[]): number[] {
  const unknowns = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
  const column = new Map(unknowns.map((index, col) => [index, col]));
  const matrix = additions
    .map((addition) => {
      const row = new Array<number>(unknowns.length).fill(0);
      for (const part of addition.parts) {
        const col = column.get(part);
        if (col !== undefined) row[col] = (row[col] ?? 0) + 1;
      }
      const col = column.get(addition.total);
      if (col !== undefined) row[col] = (row[col] ?? 0) - 1;
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  const pivots = reduce(matrix, unknowns.length);
  const isPivot = new Set(pivots);
  const determined: number[] = [];
  for (const [r, pivot] of pivots.entries()) {
    const free = matrix[r]?.some((v, c) => !isPivot.has(c) && Math.abs(v) > EPSILON);
    if (!free) determined.push(unknowns[pivot] ?? -1);
  }
  return determined;
}
