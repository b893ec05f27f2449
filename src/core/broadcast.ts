import { CoreError, invalid, notAvailable } from "./errors";

/** The most cells one call answers; a larger request gets one clear error instead of a stalled sheet. */
export const MAX_CELLS = 1_000_000;

/**
 * Applies a function of scalar arguments over arguments that may be ranges, the way Excel's own
 * functions broadcast: each argument is a single value or a matrix; a 1-row or 1-column argument
 * is repeated along the other's shape; a position one argument does not reach gets #N/A. Each cell
 * is answered on its own, so one bad input leaves the others' answers intact.
 */
export function broadcast<T>(
  fn: (a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown) => T | CoreError,
  args: readonly unknown[]
): (T | CoreError)[][] {
  if (args.length > 5) return [[invalid("At most five arguments can be broadcast.")]];
  const n = args.length;
  // Each argument as a matrix with its own height and width; a plain value is a 1 × 1 matrix.
  const matrices: unknown[][][] = new Array(n);
  const heights: number[] = new Array(n);
  const widths: number[] = new Array(n);
  let rows = 1;
  let cols = 1;
  for (let i = 0; i < n; i++) {
    const arg = args[i];
    if (!Array.isArray(arg)) {
      matrices[i] = [[arg]];
      heights[i] = 1;
      widths[i] = 1;
      continue;
    }
    let width = 0;
    for (const row of arg as unknown[]) {
      if (!Array.isArray(row) || row.length === 0)
        return [[invalid("A range argument is empty or not a table of cells.")]];
      if (row.length > width) width = row.length;
    }
    if (arg.length === 0) return [[invalid("A range argument is empty or not a table of cells.")]];
    matrices[i] = arg as unknown[][];
    heights[i] = arg.length;
    widths[i] = width;
    if (arg.length > rows) rows = arg.length;
    if (width > cols) cols = width;
  }
  if (rows * cols > MAX_CELLS) {
    return [
      [
        invalid(
          `At most ${MAX_CELLS.toLocaleString("en-US")} cells per call; this call spans ${rows} × ${cols}.`
        ),
      ],
    ];
  }
  const values: unknown[] = [undefined, undefined, undefined, undefined, undefined];
  const result: (T | CoreError)[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const out: (T | CoreError)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let missing = false;
      for (let i = 0; i < n; i++) {
        const row = matrices[i][heights[i] === 1 ? 0 : r];
        const col = widths[i] === 1 ? 0 : c;
        if (row === undefined || col >= row.length) missing = true;
        else values[i] = row[col];
      }
      out[c] = missing
        ? notAvailable(
            `The ranges differ in size: nothing to pair with row ${r + 1}, column ${c + 1}.`
          )
        : fn(values[0], values[1], values[2], values[3], values[4]);
    }
    result[r] = out;
  }
  return result;
}

/** Marks an argument that is a range of more than one cell (see singleValue). */
export const NOT_SINGLE: unique symbol = Symbol("not a single cell");

/**
 * An argument as one plain value when it is a single value or a 1 × 1 range (Excel passes `[[x]]`
 * for one cell to a matrix parameter), so that the common call skips broadcasting altogether.
 */
export function singleValue(arg: unknown): unknown {
  if (!Array.isArray(arg)) return arg;
  const row = arg[0];
  return arg.length === 1 && Array.isArray(row) && row.length === 1 ? row[0] : NOT_SINGLE;
}
