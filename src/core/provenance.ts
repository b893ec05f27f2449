import { isBlank, parseFlow, parsePolledFlow, parseSeries } from "./args";
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
  behind(lookup: Lookup, args: unknown[], value: Cell | Table): Figure[];
}

/** What the figures behind a call are looked up in. */
interface Lookup {
  readonly cn: CnFunctions;
  readonly catalog: Catalog;
}

const found = (figure: Figure | CoreError): Figure | undefined =>
  isCoreError(figure) ? undefined : figure;

function figure(
  { cn }: Lookup,
  seriesIn: unknown,
  periodIn: unknown,
  currencyIn: unknown
): Figure | undefined {
  return found(cn.figure(seriesIn, periodIn, currencyIn));
}

/**
 * The figure behind a flow's call: CN.YOY reads the growth of exports or imports; CN.CONSENSUS
 * and CN.SURPRISE read what polls forecast, the balance included.
 */
function flowFigure(
  lookup: Lookup,
  measure: "actual" | "consensus",
  periodIn: unknown,
  flowIn: unknown,
  currencyIn: unknown,
  polled: boolean
): Figure | undefined {
  const flow = polled ? parsePolledFlow(flowIn) : parseFlow(flowIn);
  return isCoreError(flow)
    ? undefined
    : figure(lookup, FLOW_SERIES[flow][measure], periodIn, currencyIn);
}

const present = (...figures: (Figure | undefined)[]): Figure[] =>
  figures.filter((f): f is Figure => f !== undefined);

/** The CN.* functions by their Excel names, with how to find the figures behind each. */
export const CALLS: Readonly<Record<string, CallSpec>> = {
  SURPLUS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, c]) => cn.surplus(p, c),
    behind: (lookup, [p, c]) => present(figure(lookup, "balance", p, c)),
  },
  EXPORTS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, c]) => cn.exports(p, c),
    behind: (lookup, [p, c]) => present(figure(lookup, "exports", p, c)),
  },
  IMPORTS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, c]) => cn.imports(p, c),
    behind: (lookup, [p, c]) => present(figure(lookup, "imports", p, c)),
  },
  YOY: {
    arity: 3,
    broadcasts: true,
    run: (cn, [p, f, c]) => cn.yoy(p, f, c),
    behind: (lookup, [p, f, c]) => present(flowFigure(lookup, "actual", p, f, c, false)),
  },
  CONSENSUS: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, f]) => cn.consensus(p, f),
    behind: (lookup, [p, f]) => present(flowFigure(lookup, "consensus", p, f, null, true)),
  },
  SURPRISE: {
    arity: 2,
    broadcasts: true,
    run: (cn, [p, f]) => cn.surprise(p, f),
    behind: (lookup, [p, f]) =>
      present(
        flowFigure(lookup, "actual", p, f, null, true),
        flowFigure(lookup, "consensus", p, f, null, true)
      ),
  },
  FORECAST: {
    arity: 3,
    broadcasts: true,
    run: (cn, [y, s, by]) => cn.forecast(y, s, by),
    behind: (lookup, [y, s, by]) => {
      const period = parsePeriod(y);
      const series = parseSeries(s, lookup.catalog);
      if (isCoreError(period) || isCoreError(series)) return [];
      const all = lookup.catalog.forecasts(series.id, series.currency ? "USD" : "-", period.id);
      if (isBlank(by)) return [...all];
      return typeof by === "string" ? all.filter((f) => lookup.catalog.isBy(f, by)) : [];
    },
  },
  PARTNER: {
    arity: 5,
    broadcasts: true,
    run: (cn, [p, per, f, m, c]) => cn.partner(p, per, f, m, c),
    behind: ({ cn }, [p, per, f, m, c]) => present(found(cn.partnerFigure(p, per, f, m, c))),
  },
  COMMODITY: {
    arity: 3,
    broadcasts: true,
    run: (cn, [i, per, m]) => cn.commodity(i, per, m),
    behind: ({ cn }, [i, per, m]) => present(found(cn.commodityFigure(i, per, m))),
  },
  VALUE: {
    arity: 4,
    broadcasts: true,
    run: (cn, [s, p, c, asof]) => cn.value(s, p, c, asof),
    behind: (lookup, [s, p, c]) => present(figure(lookup, s, p, c)),
  },
  HISTORY: {
    arity: 3,
    broadcasts: false,
    run: (cn, [s, p, c]) => cn.history(s, p, c),
    behind: (lookup, [s, p, c]) => present(figure(lookup, s, p, c)),
  },
  SOURCE: {
    arity: 3,
    broadcasts: true,
    run: (cn, [s, p, c]) => cn.source(s, p, c),
    behind: (lookup, [s, p, c]) => present(figure(lookup, s, p, c)),
  },
  SERIES: {
    arity: 5,
    broadcasts: false,
    run: (cn, [s, from, to, c, asof]) => cn.series(s, from, to, c, asof),
    behind: (lookup, [s, , , c], value) => {
      if (!Array.isArray(value)) return [];
      return present(
        ...value.map((row) => figure(lookup, s, Array.isArray(row) ? row[0] : null, c))
      );
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
    return { value, figures: spec.behind({ cn, catalog }, singles, value) };
  }
  if (!spec.broadcasts)
    return invalid(`CN.${short} takes single values, not ranges, as its arguments.`);
  const figures: Figure[] = [];
  const seen = new Set<Figure>();
  const value = broadcast((a, b, c, d, e) => {
    const cellArgs = [a, b, c, d, e].slice(0, spec.arity);
    const cell = spec.run(cn, cellArgs) as Cell;
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
