import { isBlank, parseFlow, parsePolledFlow, parseSeries } from "./args";
import { BREAKDOWN_CALLS } from "./breakdown";
import type { Catalog, Figure } from "./catalog";
import { FLOW_SERIES } from "./cn";
import type { Cell, CnFunctions, Table } from "./cn";
import { CoreError, isCoreError } from "./errors";
import { parsePeriod } from "./period";

/**
 * The CN.* functions, each declared once: its arity, the core function the Excel wrapper and the
 * pane's evaluator both call, how to find the figures behind a value, and the formula that
 * returns a figure where it is the function to write for it (the pane's Insert). The JSDoc
 * wrappers in src/functions are one line each over this table; a test keeps the two in step.
 */
export interface CallSpec {
  /** The number of arguments the function takes. */
  readonly arity: number;
  /** Whether range arguments are answered cell by cell (all but SERIES, HISTORY and VINTAGE). */
  readonly broadcasts: boolean;
  /** The core function behind it. */
  fn(cn: CnFunctions): (...args: unknown[]) => Cell | Table | CoreError;
  /** The figures behind the value, for single-value arguments. */
  behind(lookup: Lookup, args: unknown[], value: Cell | Table): Figure[];
  /** The shortest formula of this function that returns a figure, if it is one it returns. */
  writes?(figure: Figure, f: FormulaParts): string | undefined;
}

/** What the figures behind a call are looked up in. */
export interface Lookup {
  readonly cn: CnFunctions;
  readonly catalog: Catalog;
}

/** A figure's arguments as formula text: the period, and `, "CNY"` for yuan terms. */
export interface FormulaParts {
  readonly period: string;
  readonly currency: string;
  /** A pollster, for a consensus report of another poll than the preferred one. */
  readonly poll?: string;
}

export const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** Whether a figure is a reported value (not a forecast) of a series. */
const measured = (f: Figure, series: string): boolean =>
  f.series === series && f.preferred.kind !== "forecast";

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

/** CN.SURPLUS, CN.EXPORTS and CN.IMPORTS: one headline series by period and currency. */
const headline = (name: string, series: string, fn: CallSpec["fn"]): CallSpec => ({
  arity: 2,
  broadcasts: true,
  fn,
  behind: (lookup, [p, c]) => present(figure(lookup, series, p, c)),
  writes: (f, { period, currency }) =>
    measured(f, series) ? `=CN.${name}(${period}${currency})` : undefined,
});

/** The figure behind a call whose first three arguments are series, period and currency. */
const bySeries: CallSpec["behind"] = (lookup, [s, p, c]) => present(figure(lookup, s, p, c));

export const CALLS = {
  SURPLUS: headline("SURPLUS", "balance", (cn) => cn.surplus),
  EXPORTS: headline("EXPORTS", "exports", (cn) => cn.exports),
  IMPORTS: headline("IMPORTS", "imports", (cn) => cn.imports),
  YOY: {
    arity: 3,
    broadcasts: true,
    fn: (cn) => cn.yoy,
    behind: (lookup, [p, f, c]) => present(flowFigure(lookup, "actual", p, f, c, false)),
    writes: (f, { period, currency }) =>
      measured(f, "exports_yoy")
        ? `=CN.YOY(${period}${currency ? `, "exports"${currency}` : ""})`
        : measured(f, "imports_yoy")
          ? `=CN.YOY(${period}, "imports"${currency})`
          : undefined,
  },
  CONSENSUS: {
    arity: 3,
    broadcasts: true,
    fn: (cn) => cn.consensus,
    behind: (lookup, [p, f]) => present(flowFigure(lookup, "consensus", p, f, null, true)),
    // CN.CONSENSUS answers in USD terms; a poll in yuan terms is asked for through CN.VALUE.
    writes: (f, { period, currency, poll }) => {
      if (currency || !measured(f, f.series)) return undefined;
      const flow = (["exports", "imports", "balance"] as const).find(
        (x) => FLOW_SERIES[x].consensus === f.series
      );
      if (flow === undefined) return undefined;
      const flowArg = flow === "exports" ? "" : quote(flow);
      return poll
        ? `=CN.CONSENSUS(${period}, ${flowArg}, ${quote(poll)})`
        : `=CN.CONSENSUS(${period}${flowArg ? `, ${flowArg}` : ""})`;
    },
  },
  SURPRISE: {
    arity: 3,
    broadcasts: true,
    fn: (cn) => cn.surprise,
    behind: (lookup, [p, f]) =>
      present(
        flowFigure(lookup, "actual", p, f, null, true),
        flowFigure(lookup, "consensus", p, f, null, true)
      ),
  },
  FORECAST: {
    arity: 3,
    broadcasts: true,
    fn: (cn) => cn.forecast,
    behind: (lookup, [y, s, by]) => {
      const period = parsePeriod(y);
      const series = parseSeries(s, lookup.catalog);
      if (isCoreError(period) || isCoreError(series)) return [];
      const all = lookup.catalog.forecasts(series.id, series.currency ? "USD" : "-", period.id);
      if (isBlank(by)) return [...all];
      return typeof by === "string" ? all.filter((f) => lookup.catalog.isBy(f, by)) : [];
    },
    writes: (f) =>
      f.preferred.kind === "forecast"
        ? `=CN.FORECAST(${f.period.year}, ${quote(f.series)}${f.preferred.by ? `, ${quote(f.preferred.by)}` : ""})`
        : undefined,
  },
  PARTNER: {
    arity: 5,
    broadcasts: true,
    fn: (cn) => cn.partner,
    behind: ({ cn }, [p, per, f, m, c]) => present(found(cn.partnerFigure(p, per, f, m, c))),
    writes: (f, { period, currency }) => {
      const call = measured(f, f.series) ? BREAKDOWN_CALLS.get(f.series) : undefined;
      if (call?.fn !== "PARTNER") return undefined;
      // Only the arguments needed: the flow, measure and currency after it only when not defaults.
      const defaultMeasure = call.flow === "balance" ? "level" : "yoy";
      const optional = [quote(call.flow), quote(call.measure), '"CNY"'];
      const needed = currency
        ? 3
        : call.measure !== defaultMeasure
          ? 2
          : call.flow !== "exports"
            ? 1
            : 0;
      return `=CN.PARTNER(${[quote(call.partner), period, ...optional.slice(0, needed)].join(", ")})`;
    },
  },
  COMMODITY: {
    arity: 3,
    broadcasts: true,
    fn: (cn) => cn.commodity,
    behind: ({ cn }, [i, per, m]) => present(found(cn.commodityFigure(i, per, m))),
    writes: (f, { period }) => {
      const call = measured(f, f.series) ? BREAKDOWN_CALLS.get(f.series) : undefined;
      if (call?.fn !== "COMMODITY") return undefined;
      const measure = call.measure === "volume" ? "" : `, ${quote(call.measure)}`;
      return `=CN.COMMODITY(${quote(call.item)}, ${period}${measure})`;
    },
  },
  VALUE: {
    arity: 4,
    broadcasts: true,
    fn: (cn) => cn.value,
    behind: bySeries,
    writes: (f, { period, currency }) =>
      measured(f, f.series) ? `=CN.VALUE(${quote(f.series)}, ${period}${currency})` : undefined,
  },
  HISTORY: {
    arity: 3,
    broadcasts: false,
    fn: (cn) => cn.history,
    behind: bySeries,
  },
  CARD: {
    // The number behind the card; the card itself is built at the Excel edge (functions/card.ts).
    arity: 3,
    broadcasts: true,
    fn: (cn) => (s: unknown, p: unknown, c: unknown) => cn.value(s, p, c, null),
    behind: bySeries,
  },
  SOURCE: {
    arity: 3,
    broadcasts: true,
    fn: (cn) => cn.source,
    behind: bySeries,
  },
  SERIES: {
    arity: 5,
    broadcasts: false,
    fn: (cn) => cn.series,
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
    fn: (cn) => cn.vintage,
    behind: () => [],
  },
} satisfies Readonly<Record<string, CallSpec>>;
