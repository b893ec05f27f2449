import { broadcast, NOT_SINGLE, singleValue } from "../core/broadcast";
import { CALLS } from "../core/calls";
import type { CallSpec } from "../core/calls";
import type { Catalog, Figure } from "../core/catalog";
import type { Cell, CnFunctions, Table } from "../core/cn";
import { CoreError, invalid } from "../core/errors";

/** What one CN.* call returns: a cell, a spilled table, or one answer per cell of a range argument. */
export type CallValue = Cell | Table | Cell[][];

/** A CN.* call evaluated: its value and the dataset figures behind it. */
export interface Evaluation {
  readonly value: CallValue;
  readonly figures: readonly Figure[];
}

/** The most figures one explanation lists; a range argument of thousands of cells is summarised. */
export const MAX_FIGURES = 200;

/**
 * Evaluates a CN.* call the way the functions do, from argument values as Excel would pass them
 * (single values, or matrices for ranges), and collects the figures behind its value.
 */
export function evaluateCall(
  cn: CnFunctions,
  catalog: Catalog,
  name: string,
  args: readonly unknown[]
): Evaluation | CoreError {
  const short = name.toUpperCase().replace(/^CN\./, "");
  const spec: CallSpec | undefined = Object.prototype.hasOwnProperty.call(CALLS, short)
    ? CALLS[short as keyof typeof CALLS]
    : undefined;
  if (!spec) return invalid(`CN.${short} is not a CN Trade function.`);
  if (args.length > spec.arity)
    return invalid(
      `CN.${short} takes at most ${spec.arity} arguments; the formula gives ${args.length}.`
    );
  const padded = Array.from({ length: spec.arity }, (_, i) => (i < args.length ? args[i] : null));
  const singles = padded.map(singleValue);
  if (!singles.includes(NOT_SINGLE)) {
    const value = spec.fn(cn)(...singles) as Cell | Table;
    return { value, figures: spec.behind({ cn, catalog }, singles, value) };
  }
  if (!spec.broadcasts)
    return invalid(`CN.${short} takes single values, not ranges, as its arguments.`);
  const figures: Figure[] = [];
  const seen = new Set<Figure>();
  const value = broadcast((a, b, c, d, e) => {
    const cellArgs = [a, b, c, d, e].slice(0, spec.arity);
    const cell = spec.fn(cn)(...cellArgs) as Cell;
    if (figures.length < MAX_FIGURES) {
      for (const f of spec.behind({ cn, catalog }, cellArgs, cell)) {
        if (!seen.has(f)) {
          seen.add(f);
          figures.push(f);
        }
      }
    }
    return cell;
  }, padded);
  return { value, figures };
}
