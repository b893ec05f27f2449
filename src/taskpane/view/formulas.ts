import { CALLS, quote } from "../../core/calls";
import type { CallSpec, FormulaParts } from "../../core/calls";
import type { Catalog, Figure } from "../../core/catalog";
import type { Reported, Terms } from "../../data/dataset";
import { pollster } from "../../data/preference";

/**
 * The shortest CN.* formula that returns a figure: =CN.YOY("2025-12"), =CN.SURPLUS(2025, "CNY")…
 * Each function of the one table (core/calls.ts) says which figures it writes; CN.VALUE takes
 * any the others do not.
 */
export function formulaFor(figure: Figure): string {
  const parts = partsOf(figure);
  for (const spec of Object.values(CALLS) as CallSpec[]) {
    const formula = spec.writes?.(figure, parts);
    if (formula) return formula;
  }
  return `=CN.VALUE(${quote(figure.series)}, ${parts.period}${parts.currency})`;
}

/**
 * The formula that returns one report of a figure: a consensus by another pollster than the
 * preferred report's names its poll (=CN.CONSENSUS("2023-03", , "Bloomberg")); undefined where
 * no formula returns that report (a second report of the same poll, a differing reading).
 */
export function formulaForReport(
  figure: Figure,
  o: Reported,
  catalog: Catalog
): string | undefined {
  if (o === figure.latest) return formulaFor(figure);
  const poll = o.kind === "consensus" ? pollster(o.by) : undefined;
  if (!poll || poll === pollster(figure.preferred.by) || catalog.pollReport(figure, poll) !== o)
    return undefined;
  return (CALLS.CONSENSUS as CallSpec).writes?.(figure, { ...partsOf(figure), poll });
}

/** A figure's period and currency as formula arguments. */
function partsOf(figure: Figure): FormulaParts {
  return {
    period: /^\d{4}$/.test(figure.period.id) ? figure.period.id : quote(figure.period.id),
    currency: figure.terms === "CNY" ? `, "CNY"` : "",
  };
}

/** A whole series as one spilled formula: =CN.SERIES("exports_yoy"), with CNY terms when asked. */
export function seriesFormula(seriesId: string, terms: Terms | null): string {
  return terms === "CNY"
    ? `=CN.SERIES(${quote(seriesId)}, , , "CNY")`
    : `=CN.SERIES(${quote(seriesId)})`;
}
