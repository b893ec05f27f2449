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
  fn: (...args: unknown[]) => T | CoreError,
  args: readonly unknown[]
): (T | CoreError)[][] {
  let rows = 1;
  let cols = 1;
  let anyRange = false;
  /** Each argument's own height and width; a scalar is 1 × 1. */
  const shapes: [number, number][] = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!Array.isArray(arg)) {
      shapes[i] = [1, 1];
      continue;
    }
    anyRange = true;
    if (
      arg.length === 0 ||
      !arg.every(Array.isArray) ||
      arg.some((row: unknown[]) => row.length === 0)
    ) {
      return [[invalid("A range argument is empty or not a table of cells.")]];
    }
    let width = 0;
    for (const row of arg as unknown[][]) width = Math.max(width, row.length);
    shapes[i] = [arg.length, width];
    rows = Math.max(rows, arg.length);
    cols = Math.max(cols, width);
  }
  if (!anyRange) return [[fn(...args)]];
  if (rows * cols > MAX_CELLS) {
    return [
      [
        invalid(
          `At most ${MAX_CELLS.toLocaleString("en-US")} cells per call; this call spans ${rows} × ${cols}.`
        ),
      ],
    ];
  }
  const result: (T | CoreError)[][] = new Array(rows);
  const cellArgs: unknown[] = new Array(args.length);
  for (let r = 0; r < rows; r++) {
    const out: (T | CoreError)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let missing = false;
      for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!Array.isArray(arg)) {
          cellArgs[i] = arg;
          continue;
        }
        const [height, width] = shapes[i];
        const row: unknown[] | undefined = arg[height === 1 ? 0 : r];
        const col = width === 1 ? 0 : c;
        if (row === undefined || col >= row.length) missing = true;
        else cellArgs[i] = row[col];
      }
      out[c] = missing
        ? notAvailable(
            `The ranges differ in size: nothing to pair with row ${r + 1}, column ${c + 1}.`
          )
        : fn(...cellArgs);
    }
    result[r] = out;
  }
  return result;
}
