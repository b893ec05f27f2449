import type { Series } from "../data/dataset";
import type { Catalog, TermsKey } from "./catalog";
import { CoreError, describeInput, invalid } from "./errors";

export type Flow = "exports" | "imports";

/** What an analysts' poll forecasts: a flow's growth, or the trade balance. */
export type PolledFlow = Flow | "balance";

const BALANCE_NAMES = new Set(["balance", "surplus", "trade balance"]);

/** Maps, not plain objects: "__proto__" or "constructor" typed in a cell must not find anything. */
export const FLOWS: ReadonlyMap<string, Flow> = new Map<string, Flow>(
  Object.entries({
    exports: "exports",
    export: "exports",
    x: "exports",
    imports: "imports",
    import: "imports",
    m: "imports",
  } as const)
);
const CURRENCIES = new Map<string, "USD" | "CNY">(
  Object.entries({
    USD: "USD",
    CNY: "CNY",
    usd: "USD",
    us$: "USD",
    $: "USD",
    dollar: "USD",
    dollars: "USD",
    cny: "CNY",
    rmb: "CNY",
    yuan: "CNY",
    "¥": "CNY",
  } as const)
);

/** An omitted argument (Excel passes null), an empty cell or blank text. */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** Whether a value names a currency ("CNY", "usd", "yuan"): typed in the wrong argument, it gets a hint. */
export function isCurrency(value: unknown): boolean {
  return typeof value === "string" && CURRENCIES.has(value.trim().toLowerCase());
}

/**
 * `exports` (the default when omitted) or `imports`, in any case. `currencyHint` says where a
 * currency goes, for a user who typed one in the flow's place.
 */
export function parseFlow(value: unknown, currencyHint?: string): Flow | CoreError {
  // Without the balance allowed, readFlow answers exports, imports or an error.
  return readFlow(value, false, currencyHint) as Flow | CoreError;
}

/** What a poll forecast: `exports` (default), `imports`, or `balance`. */
export function parsePolledFlow(value: unknown, currencyHint?: string): PolledFlow | CoreError {
  return readFlow(value, true, currencyHint);
}

function readFlow(
  value: unknown,
  withBalance: boolean,
  currencyHint: string | undefined
): PolledFlow | CoreError {
  if (isBlank(value)) return "exports";
  const flow =
    typeof value === "string"
      ? (FLOWS.get(value) ?? FLOWS.get(value.trim().toLowerCase()))
      : undefined;
  if (flow) return flow;
  if (withBalance && typeof value === "string" && BALANCE_NAMES.has(value.trim().toLowerCase()))
    return "balance";
  if (currencyHint && isCurrency(value))
    return invalid(`${describeInput(value)} is a currency, not a flow: ${currencyHint}.`);
  return invalid(
    `Expected a flow "exports" or "imports"${withBalance ? ' or "balance"' : ""} (or leave it out for exports); got ${describeInput(value)}.`
  );
}

/**
 * The currency terms of a series: "USD" by default, or "CNY". A series without currency terms
 * (growth targets, CPI) takes no currency argument.
 */
export function parseTerms(value: unknown, series: Series): TermsKey | CoreError {
  if (!series.currency) {
    return isBlank(value)
      ? "-"
      : invalid(`${series.id} is not measured in a currency; leave the currency argument out.`);
  }
  if (isBlank(value)) return "USD";
  const terms =
    typeof value === "string"
      ? (CURRENCIES.get(value) ?? CURRENCIES.get(value.trim().toLowerCase()))
      : undefined;
  return (
    terms ??
    invalid(
      `Expected a currency "USD" or "CNY" (or leave it out for USD); got ${describeInput(value)}.`
    )
  );
}

/** A series id from the catalogue, in any case: "exports", "exports_yoy", "balance"… */
export function parseSeries(value: unknown, catalog: Catalog): Series | CoreError {
  const series =
    typeof value === "string"
      ? (catalog.series.get(value) ?? catalog.series.get(value.trim().toLowerCase()))
      : undefined;
  if (series) return series;
  const known = [...catalog.series.keys()].join(", ");
  return isBlank(value)
    ? invalid(`A series id is required, such as "exports_yoy". Known series: ${known}.`)
    : invalid(`Unknown series ${describeInput(value)}. Known series: ${known}.`);
}
