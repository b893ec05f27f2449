import type { Dataset } from "./dataset";

/** One cell of the coverage grid: the number of sources behind a figure, or why there is none. */
export type CoverageCell = { state: "present" | "combined"; sources: number } | { state: "absent" };

export interface CoverageRow {
  series: string;
  terms: string;
  /**
   * "annual" for the row of years, "2025 quarters" for a row of quarters, "2025 Jan–" for a row of
   * January-to-month totals (cell m is January to month m + 1), else the year of a row of months.
   */
  label: string;
  /** Twelve months (January–December) or one cell per year of `years`. */
  cells: CoverageCell[];
}

export interface Coverage {
  years: number[];
  rows: CoverageRow[];
}

/**
 * The coverage grid of a dataset: for each series and currency terms, a row per year of months
 * (a combined January–February release fills both months as "combined") and a row of years.
 * Counts sources per figure (actuals, consensus and targets; forecasts are listed apart).
 */
export function coverage(dataset: Dataset): Coverage {
  const counts = new Map<string, number>();
  const seriesTerms = new Map<string, Set<string>>();
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const o of dataset.observations) {
    if (o.kind === "forecast") continue;
    const terms = o.terms ?? "-";
    const key = `${o.series}|${terms}|${o.period}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    seriesTerms.set(o.series, (seriesTerms.get(o.series) ?? new Set()).add(terms));
    const year = Number(o.period.slice(0, 4));
    minYear = Math.min(minYear, year);
    maxYear = Math.max(maxYear, year);
  }
  const years = Number.isFinite(minYear)
    ? Array.from({ length: maxYear - minYear + 1 }, (_, i) => minYear + i)
    : [];
  const rows: CoverageRow[] = [];
  for (const s of dataset.series) {
    for (const terms of ["USD", "CNY", "-"]) {
      if (!seriesTerms.get(s.id)?.has(terms)) continue;
      const count = (period: string) => counts.get(`${s.id}|${terms}|${period}`) ?? 0;
      const cell = (period: string, state: "present" | "combined" = "present"): CoverageCell =>
        count(period) > 0 ? { state, sources: count(period) } : { state: "absent" };
      for (const year of years) {
        const months = Array.from(
          { length: 12 },
          (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`
        );
        if (!months.some((p) => count(p) > 0) && count(`${year}-01/02`) === 0) continue;
        const cells = months.map((p, m) =>
          m < 2 && count(p) === 0 && count(`${year}-01/02`) > 0
            ? cell(`${year}-01/02`, "combined")
            : cell(p)
        );
        rows.push({ series: s.id, terms, label: String(year), cells });
      }
      for (const year of years) {
        const totals = Array.from({ length: 12 }, (_, m) =>
          m < 2
            ? { state: "absent" as const }
            : cell(m === 11 ? String(year) : `${year}-01/${String(m + 1).padStart(2, "0")}`)
        );
        if (totals.slice(2, 11).some((c) => c.state !== "absent"))
          rows.push({ series: s.id, terms, label: `${year} Jan–`, cells: totals });
      }
      for (const year of years) {
        const quarters = [1, 2, 3, 4].map((q) => cell(`${year}-Q${q}`));
        if (quarters.some((c) => c.state !== "absent"))
          rows.push({ series: s.id, terms, label: `${year} quarters`, cells: quarters });
      }
      const annual = years.map((y) => cell(String(y)));
      if (annual.some((c) => c.state !== "absent"))
        rows.push({ series: s.id, terms, label: "annual", cells: annual });
    }
  }
  return { years, rows };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The grid as text: a number is how many sources back a figure, "c" marks a combined Jan–Feb release, "·" is absent. */
export function formatCoverage(grid: Coverage): string {
  const show = (c: CoverageCell) =>
    c.state === "absent" ? "·" : c.state === "combined" ? `c${c.sources}` : String(c.sources);
  const lines: string[] = [];
  let current = "";
  for (const row of grid.rows) {
    const name = `${row.series} (${row.terms === "-" ? "no currency" : row.terms})`;
    if (name !== current) {
      current = name;
      lines.push("", name);
    }
    if (row.label === "annual") {
      lines.push(
        `  annual  ${grid.years
          .map((y) => String(y).slice(2))
          .map((y) => y.padStart(4))
          .join("")}`
      );
      lines.push(`          ${row.cells.map((c) => show(c).padStart(4)).join("")}`);
    } else if (row.label.endsWith("Jan–")) {
      lines.push(
        `  ${row.label.slice(0, 4)} ytd ${row.cells.map((c, m) => (m < 2 ? "" : `–${MONTHS[m]} ${show(c)}`.padEnd(8))).join("")}`
      );
    } else if (row.label.endsWith("quarters")) {
      lines.push(
        `  ${row.label.slice(0, 4)}    ${row.cells.map((c, q) => `Q${q + 1} ${show(c)}`.padEnd(7)).join("")}`
      );
    } else {
      lines.push(
        `  ${row.label}    ${row.cells.map((c, m) => `${MONTHS[m]} ${show(c)}`.padEnd(7)).join("")}`
      );
    }
  }
  const figures = grid.rows.flatMap((r) => r.cells).filter((c) => c.state !== "absent");
  const single = figures.filter((c) => c.sources === 1).length;
  lines.push(
    "",
    `Legend: a number is how many sources back the figure; c = January–February released together; · = absent.`
  );
  lines.push(
    `${figures.length} grid cells filled (${single} with one source, ${figures.length - single} with two or more).`
  );
  return lines.join("\n").trimStart();
}
