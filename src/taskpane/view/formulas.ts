import { CALLS, quote } from "../../core/calls";
import type { CallSpec } from "../../core/calls";
import type { Figure } from "../../core/catalog";
import type { Terms } from "../../data/dataset";

/**
 * The shortest CN.* formula that returns a figure: =CN.YOY("2025-12"), =CN.SURPLUS(2025, "CNY")…
 * Each function of the one table (core/calls.ts) says which figures it writes; CN.VALUE takes
 * any the others do not.
 */
export function formulaFor(figure: Figure): string {
  const parts = {
    period: /^\d{4}$/.test(figure.period.id) ? figure.period.id : quote(figure.period.id),
    currency: figure.terms === "CNY" ? `, "CNY"` : "",
  };
  for (const spec of Object.values(CALLS) as CallSpec[]) {
    const formula = spec.writes?.(figure, parts);
    if (formula) return formula;
  }
  return `=CN.VALUE(${quote(figure.series)}, ${parts.period}${parts.currency})`;
}

/** A whole series as one spilled formula: =CN.SERIES("exports_yoy"), with CNY terms when asked. */
export function seriesFormula(seriesId: string, terms: Terms | null): string {
  return terms === "CNY"
    ? `=CN.SERIES(${quote(seriesId)}, , , "CNY")`
    : `=CN.SERIES(${quote(seriesId)})`;
}
