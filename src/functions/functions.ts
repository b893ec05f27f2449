/* global CustomFunctions, Excel, Office */
import "./outside-office";
import "./shared";
import { CALLS } from "../core/calls";
import { CardWords, figureCard } from "./card";
import { paneDetails } from "./details";
import {
  addin,
  broadcast,
  Cell,
  CoreError,
  invalid,
  isCoreError,
  NOT_SINGLE,
  singleValue,
  Table,
} from "../core";

/*
 * CN.* custom functions: thin wrappers over the pure core. Every argument except the series id of
 * CN.SERIES accepts a single value or a range, answered cell by cell (see broadcast).
 * The JSDoc below is read by custom-functions-metadata-plugin to generate functions.json.
 */

/** Each function's core implementation, from the one table of CN functions, bound on first use. */
const bound = new Map<keyof typeof CALLS, (...args: unknown[]) => Cell | Table | CoreError>();
function call(name: keyof typeof CALLS) {
  let fn = bound.get(name);
  if (!fn) {
    fn = CALLS[name].fn(addin().cn);
    bound.set(name, fn);
  }
  return fn;
}

function toExcelError(error: CoreError): CustomFunctions.Error {
  const code =
    error.kind === "InvalidArgument"
      ? CustomFunctions.ErrorCode.invalidValue
      : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, error.message);
}

type Answer = number | string | Excel.EntityCellValue | CustomFunctions.Error;

function answer(cell: Cell | Excel.EntityCellValue): Answer {
  return isCoreError(cell) ? toExcelError(cell) : cell;
}

/**
 * Answers each cell with `fn`: at once when every argument is a single cell (the common case),
 * else broadcast over the ranges, turning error values into Excel errors.
 */
function cells(
  fn: (...args: unknown[]) => Cell | Table | Excel.EntityCellValue,
  a: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
  e?: unknown
): Answer[][] {
  const v = singleValue(a);
  const w = singleValue(b);
  const x = singleValue(c);
  const y = singleValue(d);
  const z = singleValue(e);
  if (
    v !== NOT_SINGLE &&
    w !== NOT_SINGLE &&
    x !== NOT_SINGLE &&
    y !== NOT_SINGLE &&
    z !== NOT_SINGLE
  )
    return [[answer(fn(v, w, x, y, z) as Cell)]];
  const result = broadcast(fn as (...args: unknown[]) => Cell, [a, b, c, d, e]) as (
    Cell | Answer
  )[][];
  for (const row of result) {
    for (let i = 0; i < row.length; i++) row[i] = answer(row[i] as Cell);
  }
  return result as Answer[][];
}

/**
 * China's trade balance (exports minus imports) for a year or a month.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#surplus
 * @param period A year (2025), a month ("2025-12", "Dec 2025", 202512, a date cell), "2025-01/02" for January–February combined, a January-to-month total ("2025-01/11"), or a range of them.
 * @param [currency] "USD" (default) or "CNY".
 * @returns Billions of the currency; positive is a surplus.
 */
export function surplus(period: any[][], currency?: any[][]): any[][] {
  return cells(call("SURPLUS"), period, currency);
}

/**
 * China's merchandise exports for a year or a month.
 * @customfunction EXPORTS EXPORTS
 * @helpurl https://localhost:3000/assets/help.html#exports
 * @param period A year (2025), a month ("2025-12", "Dec 2025", 202512, a date cell), "2025-01/02" for January–February combined, a January-to-month total ("2025-01/11"), or a range of them.
 * @param [currency] "USD" (default) or "CNY".
 * @returns Billions of the currency.
 */
export function exportsLevel(period: any[][], currency?: any[][]): any[][] {
  return cells(call("EXPORTS"), period, currency);
}

/**
 * China's merchandise imports for a year or a month.
 * @customfunction IMPORTS IMPORTS
 * @helpurl https://localhost:3000/assets/help.html#imports
 * @param period A year (2025), a month ("2025-12", "Dec 2025", 202512, a date cell), "2025-01/02" for January–February combined, a January-to-month total ("2025-01/11"), or a range of them.
 * @param [currency] "USD" (default) or "CNY".
 * @returns Billions of the currency.
 */
export function importsLevel(period: any[][], currency?: any[][]): any[][] {
  return cells(call("IMPORTS"), period, currency);
}

/**
 * Year-on-year change of exports or imports, as published by the source.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#yoy
 * @param period A year (2025), a month ("2025-12", "Dec 2025", 202512, a date cell), "2025-01/02" for January–February combined, a January-to-month total ("2025-01/11"), or a range of them.
 * @param [flow] "exports" (default) or "imports".
 * @param [currency] "USD" (default) or "CNY": the currency the growth is computed in.
 * @returns Percent points: 6.6 means +6.6 %.
 */
export function yoy(period: any[][], flow?: any[][], currency?: any[][]): any[][] {
  return cells(call("YOY"), period, flow, currency);
}

/**
 * Analysts' consensus for a release, as polled before it came out: exports or imports growth, or the trade balance.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#consensus
 * @param period A month ("2025-12", "Dec 2025", a date cell) or a range of them.
 * @param [flow] "exports" (default), "imports" or "balance".
 * @param [poll] A pollster, "Reuters", "Bloomberg", "Wind" or "Caixin"; leave it out for the preferred poll (Reuters where it polled).
 * @returns Percent points for growth, USD billions for the balance.
 */
export function consensus(period: any[][], flow?: any[][], poll?: any[][]): any[][] {
  return cells(call("CONSENSUS"), period, flow, poll);
}

/**
 * How far a release beat (positive) or missed (negative) the analysts' consensus.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#surprise
 * @param period A month ("2025-12", "Dec 2025", a date cell) or a range of them.
 * @param [flow] "exports" (default), "imports" or "balance".
 * @param [poll] The pollster whose consensus to compare with, as in CN.CONSENSUS; leave it out for the preferred poll.
 * @returns Actual minus consensus: percent points for growth, USD billions for the balance.
 */
export function surprise(period: any[][], flow?: any[][], poll?: any[][]): any[][] {
  return cells(call("SURPRISE"), period, flow, poll);
}

/**
 * China's trade with a partner (exports to, imports from, the balance with, or total trade with it), as customs reports it.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#partner
 * @param partner "US", "EU", "ASEAN", "Japan", "South Korea", "Russia", "India", "Africa" or "Latin America" (common names and codes accepted), or a range of them.
 * @param period A year (2025), a month ("2025-12", 202512, a date cell), "2025-01/02", a January-to-month total ("2025-01/11"), or a range of them.
 * @param [flow] "exports" (default), "imports", "balance" (China's surplus with the partner) or "trade" (exports plus imports).
 * @param [measure] "yoy" (default; percent change) or "level" (billions). A balance is a level.
 * @param [currency] "USD" (default) or "CNY": the terms the source reported; never converted.
 * @returns Percent points for "yoy"; billions of the currency for "level" and "balance".
 */
export function partner(
  partner: any[][],
  period: any[][],
  flow?: any[][],
  measure?: any[][],
  currency?: any[][]
): any[][] {
  return cells(call("PARTNER"), partner, period, flow, measure, currency);
}

/**
 * Volume of a key commodity China imports (crude oil, iron ore, soybeans, coal, copper, natural gas) or exports (rare earths, steel), as customs reports it.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#commodity
 * @param item "crude oil", "iron ore", "soybeans", "coal", "copper", "natural gas", "rare earths" or "steel" (common names accepted), or a range of them.
 * @param period A year (2025), a month ("2025-12", 202512, a date cell), "2025-01/02", a January-to-month total ("2025-01/11"), or a range of them.
 * @param [measure] "volume" (default), "yoy" (percent change in volume), or "bpd" (crude oil in million barrels per day, where reported).
 * @returns Million tonnes (crude oil, iron ore, soybeans, coal, natural gas, steel), thousand tonnes (copper) or tonnes (rare earths); percent points for "yoy".
 */
export function commodity(item: any[][], period: any[][], measure?: any[][]): any[][] {
  return cells(call("COMMODITY"), item, period, measure);
}

/**
 * A named forecaster's figure for a future period, such as 2026 export growth.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#forecast
 * @param year The year forecast, such as 2026, or a range of them.
 * @param series A series id such as "exports_yoy" or "balance".
 * @param [source] The forecaster, such as "Natixis"; needed only when several forecast the same figure.
 * @returns The forecast in the series' unit (percent points or USD billions).
 */
export function forecast(year: any[][], series: any[][], source?: any[][]): any[][] {
  return cells(call("FORECAST"), year, series, source);
}

/**
 * Any series of the dataset by its id, for a period: the latest published value, or what had been published by an as-of date.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#value
 * @param series A series id such as "exports", "imports_yoy", "balance", "gdp_growth_target".
 * @param period A year, a month ("2025-12", a date cell), "2025-01/02", "2025-01/11", a quarter ("2025-Q4"), or a range of them.
 * @param [currency] "USD" (default) or "CNY", for series measured in a currency.
 * @param [asof] A date (a date cell or "2025-06-30"): the value as published by the end of that day. Empty for the latest.
 * @returns The figure in the series' unit.
 */
export function value(
  series: any[][],
  period: any[][],
  currency?: any[][],
  asof?: any[][]
): any[][] {
  return cells(call("VALUE"), series, period, currency, asof);
}

/**
 * A whole series as a spilled two-column table: period, value. Bounds given as years return annual figures; as months, monthly figures.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#series
 * @param series A series id such as "exports_yoy".
 * @param [from] First period (a year for annual figures, a month for monthly ones); empty for the first available.
 * @param [to] Last period; empty for the latest available.
 * @param [currency] "USD" (default) or "CNY", for series measured in a currency.
 * @param [asof] A date (a date cell or "2025-06-30"): the series as published by the end of that day. Empty for the latest.
 * @returns Rows of period id and value, oldest first.
 */
export function series(
  series: any[][],
  from?: any[][],
  to?: any[][],
  currency?: any[][],
  asof?: any[][]
): any[][] {
  return spill(call("SERIES"), "CN.SERIES spills a whole series", SERIES_ARGUMENTS, [
    series,
    from,
    to,
    currency,
    asof,
  ]);
}

const SERIES_ARGUMENTS = [
  "one series id",
  "one start period",
  "one end period",
  "one currency",
  "one as-of date",
];

/**
 * Every published value of one figure, oldest first: its first release, as each publication reported it, then each revision.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#history
 * @param series A series id such as "balance" or "exports_yoy".
 * @param period One period: a year, a month ("2025-12"), "2025-01/02" or "2025-01/11".
 * @param [currency] "USD" (default) or "CNY", for series measured in a currency.
 * @returns Rows of publication date (an Excel date), value, publisher, and "first release" or "revision".
 */
export function history(series: any[][], period: any[][], currency?: any[][]): any[][] {
  return spill(call("HISTORY"), "CN.HISTORY spills one figure's history", HISTORY_ARGUMENTS, [
    series,
    period,
    currency,
  ]);
}

const HISTORY_ARGUMENTS = ["one series id", "one period", "one currency"];

/**
 * A function that spills one table from single arguments (CN.SERIES, CN.HISTORY): a range in
 * place of an argument gets a #VALUE! naming the argument, rather than a table per cell.
 */
function spill(
  fn: (...args: unknown[]) => Cell | Table,
  what: string,
  names: readonly string[],
  values: unknown[]
): any[][] {
  const args = values.map(singleValue);
  const ranged = args.findIndex((a) => a === NOT_SINGLE);
  const table =
    ranged >= 0
      ? invalid(`${what}, so it takes ${names[ranged]}, not a range.`)
      : (fn(...args) as Table | CoreError);
  return isCoreError(table) ? [[toExcelError(table)]] : table;
}

/**
 * A figure as a card (an Excel data type) that carries its value, unit and source into the saved workbook; the number where Excel has no cards.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#card
 * @param series A series id such as "balance" or "exports_yoy", or a range of them.
 * @param period A year, a month ("2025-12"), "2025-01/02", "2025-01/11", or a range of them.
 * @param [currency] "USD" (default) or "CNY", for series measured in a currency.
 * @returns A card (entity value) with the figure and its source; the plain number on hosts without CustomFunctionsRuntime 1.4.
 */
export async function card(series: any[][], period: any[][], currency?: any[][]): Promise<any[][]> {
  if (!cardsSupported()) return cells(call("CARD"), series, period, currency);
  const words = await cardWords();
  const { cn, catalog } = addin();
  return cells(
    (s, p, c) => {
      const figure = cn.figure(s, p, c);
      return isCoreError(figure) ? figure : figureCard(figure, catalog, words);
    },
    series,
    period,
    currency
  );
}

/** Entity values need CustomFunctionsRuntime 1.4 (Excel on the web, Microsoft 365 2208+, Mac 16.64+). */
function cardsSupported(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("CustomFunctionsRuntime", "1.4") === true
  );
}

let wordsLoading: Promise<CardWords | undefined> | undefined;

/** Titles and notes for cards, loaded once from the dataset's details (undefined if they cannot load). */
function cardWords(): Promise<CardWords | undefined> {
  // Started inside a promise, so that a host without a page to load a chunk into (no document)
  // gives cards without titles and notes rather than an error.
  wordsLoading ??= paneDetails()
    .then((details) => {
      const { catalog } = addin();
      return {
        title: (o) => {
          const record = catalog.sources.get(o.source);
          return record ? details.source(record).title : undefined;
        },
        note: (o) => details.note(o),
      } satisfies CardWords;
    })
    .catch(() => undefined);
  return wordsLoading;
}

/**
 * Where a value comes from: publisher, date, data provider and URL, with any other report of it.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#source
 * @param series A series id such as "exports_yoy".
 * @param period A year, a month, "2025-01/02", a quarter, or a range of them.
 * @param [currency] "USD" (default) or "CNY", for series measured in a currency.
 * @returns Text citing the source(s).
 */
export function source(series: any[][], period: any[][], currency?: any[][]): any[][] {
  return cells(call("SOURCE"), series, period, currency);
}

/**
 * The embedded dataset's version and as-of date, so a workbook can record which data it used.
 * @customfunction
 * @helpurl https://localhost:3000/assets/help.html#vintage
 * @returns Text such as "CN Trade dataset 2026.11.23, figures as of 2026-01-14".
 */
export function vintage(): string {
  return call("VINTAGE")() as string;
}
