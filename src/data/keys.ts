import type { Observation } from "./dataset";

/**
 * The key under which observations report the same figure: series, period, terms and kind, plus
 * the forecaster for forecasts (two forecasters' figures are different figures; two reports of one
 * actual or one poll are the same figure, and one of them must be marked preferred).
 */
export function figureKey(
  o: Pick<Observation, "series" | "period" | "terms" | "kind" | "by">
): string {
  return [
    o.series,
    o.period,
    o.terms ?? "-",
    o.kind,
    o.kind === "forecast" ? (o.by ?? "-") : "-",
  ].join("|");
}
