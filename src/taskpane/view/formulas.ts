import { BREAKDOWN_CALLS } from "../../core/breakdown";
import type { Figure } from "../../core/catalog";
import type { Terms } from "../../data/dataset";

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The shortest CN.* formula that returns a figure: =CN.YOY("2025-12"), =CN.SURPLUS(2025, "CNY")… */
export function formulaFor(figure: Figure): string {
  const period = /^\d{4}$/.test(figure.period.id) ? figure.period.id : quote(figure.period.id);
  const cny = figure.terms === "CNY";
  const currency = cny ? `, "CNY"` : "";
  const o = figure.preferred;
  if (o.kind === "forecast") {
    return `=CN.FORECAST(${figure.period.year}, ${quote(figure.series)}${o.by ? `, ${quote(o.by)}` : ""})`;
  }
  switch (figure.series) {
    case "balance":
      return `=CN.SURPLUS(${period}${currency})`;
    case "exports":
      return `=CN.EXPORTS(${period}${currency})`;
    case "imports":
      return `=CN.IMPORTS(${period}${currency})`;
    case "exports_yoy":
      return `=CN.YOY(${period}${cny ? `, "exports", "CNY"` : ""})`;
    case "imports_yoy":
      return `=CN.YOY(${period}, "imports"${currency})`;
    // CN.CONSENSUS answers in USD terms; a CNY-terms poll is asked for by its series.
    case "exports_yoy_consensus":
      return cny ? valueFormula(figure.series, period, currency) : `=CN.CONSENSUS(${period})`;
    case "imports_yoy_consensus":
      return cny
        ? valueFormula(figure.series, period, currency)
        : `=CN.CONSENSUS(${period}, "imports")`;
    case "balance_consensus":
      return cny
        ? valueFormula(figure.series, period, currency)
        : `=CN.CONSENSUS(${period}, "balance")`;
    default:
      return (
        breakdownFormula(figure.series, period, currency) ??
        `=CN.VALUE(${quote(figure.series)}, ${period}${currency})`
      );
  }
}

function valueFormula(series: string, period: string, currency: string): string {
  return `=CN.VALUE(${quote(series)}, ${period}${currency})`;
}

/** A whole series as one spilled formula: =CN.SERIES("exports_yoy"), with CNY terms when asked. */
export function seriesFormula(seriesId: string, terms: Terms | null): string {
  return terms === "CNY"
    ? `=CN.SERIES(${quote(seriesId)}, , , "CNY")`
    : `=CN.SERIES(${quote(seriesId)})`;
}

/** =CN.PARTNER("US", "2025-12"), =CN.COMMODITY("crude oil", 2025, "yoy")…, with only the arguments needed. */
function breakdownFormula(series: string, period: string, currency: string): string | undefined {
  const call = BREAKDOWN_CALLS.get(series);
  if (!call) return undefined;
  if (call.fn === "COMMODITY") {
    const measure = call.measure === "volume" ? "" : `, ${quote(call.measure)}`;
    return `=CN.COMMODITY(${quote(call.item)}, ${period}${measure})`;
  }
  const defaultMeasure = call.flow === "balance" ? "level" : "yoy";
  const optional = [quote(call.flow), quote(call.measure), '"CNY"'];
  const needed =
    currency !== "" ? 3 : call.measure !== defaultMeasure ? 2 : call.flow !== "exports" ? 1 : 0;
  return `=CN.PARTNER(${[quote(call.partner), period, ...optional.slice(0, needed)].join(", ")})`;
}
