import { parseFlow, parseSeries, parseTerms, isBlank } from "./args";
import { broadcast, NOT_SINGLE, singleValue } from "./broadcast";
import { Catalog, Figure } from "./catalog";
import { FLOW_SERIES } from "./cn";
import type { Cell, CnFunctions, Table } from "./cn";
import { CoreError, invalid, isCoreError } from "./errors";
import { parsePeriod } from "./period";

/** What one CN.* call returns: a cell, a spilled table, or one answer per cell of a range argument. */
export type CallValue = Cell | Table | Cell[][];

/** A CN.* call evaluated: its value and the dataset figures behind it. */
export interface Evaluation {
  readonly value: CallValue;
  readonly figures: readonly Figure[];
}

interface CallSpec {
  /** The number of arguments the function takes. */
  readonly arity: number;
  /** Whether range arguments are answered cell by cell (every function but SERIES and VINTAGE). */
  readonly broadcasts: boolean;
  run(cn: CnFunctions, args: unknown[]): Cell | Table;
  /** The figures behind the value, for single-value arguments. */
  behind(catalog: Catalog, args: unknown[], value: Cell | Table): Figure[];
}

function figure(
  catalog: Catalog,
  seriesIn: unknown,
  periodIn: unknown,
  currencyIn: unknown
): Figure | undefined {
  const series = parseSeries(seriesIn, catalog);
  if (isCoreError(series)) return undefined;
  const period = parsePeriod(periodIn);
  const terms = parseTerms(currencyIn, series);
  if (isCoreError(period) || isCoreError(terms)) return undefined;
  return catalog.figure(series.id, terms, period.id);
}

function flowFigure(
  catalog: Catalog,
  measure: "yoy" | "consensus",
  periodIn: unknown,
  flowIn: unknown,
  currencyIn: unknown
): Figure | undefined {
  const flow = parseFlow(flowIn);
  return isCoreError(flow)
    ? undefined
    : figure(catalog, FLOW_SERIES[flow][measure], periodIn, currencyIn);
}

const present = (...figures: (Figure | undefined)[]): Figure[] =>
  figures.filter((f): f is Figure => f !== undefined);

/** The CN.* functions by their Excel names, with how to find the figures behind each. */
export const CALLS: Readonly<Record<string, CallSpec>> = {
  SURPLUS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, c]) => cn.surplus(p, c),
    behind: (cat, [p, c]) => present(figure(cat, "balance", p, c)),
  },
  EXPORTS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, c]) => cn.exports(p, c),
    behind: (cat, [p, c]) => present(figure(cat, "exports", p, c)),
  },
  IMPORTS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, c]) => cn.imports(p, c),
    behind: (cat, [p, c]) => present(figure(cat, "imports", p, c)),
  },
  YOY: {
    arity: 3,
    broadcasts: true,
    run: (cn, [p, f, c]) => cn.yoy(p, f, c),
    behind: (cat, [p, f, c]) => present(flowFigure(cat, "yoy", p, f, c)),
  },
  CONSENSUS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, f]) => cn.consensus(p, f),
    behind: (cat, [p, f]) => present(flowFigure(cat, "consensus", p, f, null)),
  },
  SURPRISE: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, f]) => cn.surprise(p, f),
    behind: (cat, [p, f]) =>
      present(flowFigure(cat, "yoy", p, f, null), flowFigure(cat, "consensus", p, f, null)),
  },
  FORECAST: {
    arity: 3,
    broadcasts: true,
    run: (cn, [y, s, by]) => cn.forecast(y, s, by),
    behind: (cat, [y, s, by]) => {
      const period = parsePeriod(y);
      const series = parseSeries(s, cat);
      if (isCoreError(period) || isCoreError(series)) return [];
      const all = cat.forecasts(series.id, series.currency ? "USD" : "-", period.id);
      if (isBlank(by)) return [...all];
      return typeof by === "string" ? all.filter((f) => cat.isBy(f, by)) : [];
    },
  },
  VALUE: {
    arity: 3,
    broadcasts: true,
    run: (cn, [s, p, c]) => cn.value(s, p, c),
    behind: (cat, [s, p, c]) => present(figure(cat, s, p, c)),
  },
  SOURCE: {
    arity: 3,
    broadcasts: true,
    run: (cn, [s, p, c]) => cn.source(s, p, c),
    behind: (cat, [s, p, c]) => present(figure(cat, s, p, c)),
  },
  SERIES: {
    arity: 4,
    broadcasts: false,
    run: (cn, [s, from, to, c]) => cn.series(s, from, to, c),
    behind: (cat, [s, , , c], value) => {
      if (!Array.isArray(value)) return [];
      return present(...value.map((row) => figure(cat, s, Array.isArray(row) ? row[0] : null, c)));
    },
  },
  VINTAGE: {
    arity: 0,
    broadcasts: false,
    run: (cn) => cn.vintage(),
    behind: () => [],
  },
};

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
  const spec = Object.prototype.hasOwnProperty.call(CALLS, short) ? CALLS[short] : undefined;
  if (!spec) return invalid(`CN.${short} is not a CN Trade function.`);
  if (args.length > spec.arity)
    return invalid(
      `CN.${short} takes at most ${spec.arity} arguments; the formula gives ${args.length}.`
    );
  const padded = Array.from({ length: spec.arity }, (_, i) => (i < args.length ? args[i] : null));
  const singles = padded.map(singleValue);
  if (!singles.includes(NOT_SINGLE)) {
    const value = spec.run(cn, singles);
    return { value, figures: spec.behind(catalog, singles, value) };
  }
  if (!spec.broadcasts)
    return invalid(`CN.${short} takes single values, not ranges, as its arguments.`);
  const figures: Figure[] = [];
  const seen = new Set<Figure>();
  const value = broadcast((a, b, c, d) => {
    const cellArgs = [a, b, c, d].slice(0, spec.arity);
    const cell = spec.run(cn, cellArgs) as Cell;
    if (figures.length < MAX_FIGURES) {
      for (const f of spec.behind(catalog, cellArgs, cell)) {
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
