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
    case "exports_yoy_consensus":
      return `=CN.CONSENSUS(${period})`;
    case "imports_yoy_consensus":
      return `=CN.CONSENSUS(${period}, "imports")`;
    default:
      return `=CN.VALUE(${quote(figure.series)}, ${period}${currency})`;
  }
}

/** A whole series as one spilled formula: =CN.SERIES("exports_yoy"), with CNY terms when asked. */
export function seriesFormula(seriesId: string, terms: Terms | null): string {
  return terms === "CNY"
    ? `=CN.SERIES(${quote(seriesId)}, , , "CNY")`
    : `=CN.SERIES(${quote(seriesId)})`;
}
