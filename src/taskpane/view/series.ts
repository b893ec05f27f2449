import type { Catalog, Figure, TermsKey } from "../../core/catalog";
import type { Series } from "../../data/dataset";

/** One line of the series catalogue. */
export interface CatalogueRow {
  readonly series: Series;
  /** Currency terms with figures (USD, CNY), or "-" for series without a currency. */
  readonly terms: readonly TermsKey[];
  readonly coverage: string;
  readonly figures: number;
}

/** The catalogue: every series with its terms and coverage, in the dataset's order. */
export function catalogueRows(catalog: Catalog): CatalogueRow[] {
  return [...catalog.series.values()].map((series) => {
    const terms = catalog.termsOf(series.id);
    const shown: TermsKey[] = terms.length > 0 ? terms : [series.currency ? "USD" : "-"];
    return {
      series,
      terms: shown,
      coverage: shown
        .map((t) => `${t === "-" ? "" : `${t}: `}${catalog.coverage(series.id, t)}`)
        .join(" · "),
      figures: shown.reduce((n, t) => n + catalog.figuresOf(series.id, t).length, 0),
    };
  });
}

/** One value of an opened series. */
export interface ValueRow {
  readonly figure: Figure;
  readonly period: string;
  readonly value: number;
  readonly kind: string;
  readonly sources: number;
  readonly disagree: boolean;
}

/** A series' values in some terms, chronological, actuals first then forecasts of later years. */
export function valueRows(catalog: Catalog, seriesId: string, terms: TermsKey): ValueRow[] {
  const forecasts = catalog
    .allForecasts()
    .filter((f) => f.series === seriesId && (f.terms ?? "-") === terms);
  return [...catalog.figuresOf(seriesId, terms), ...forecasts].map((figure) => ({
    figure,
    period: figure.period.id,
    value: figure.value,
    kind: figure.preferred.kind + (figure.preferred.by ? ` (${figure.preferred.by})` : ""),
    sources: new Set(figure.reports.map((o) => o.source)).size,
    disagree: figure.disagree,
  }));
}

/** Points of a chart in a width × height box with margins, and the labels of its axes. */
export interface ChartModel {
  readonly width: number;
  readonly height: number;
  /** One mark per value, in order: x, y (svg coordinates), and its label for a tooltip. */
  readonly points: readonly { x: number; y: number; label: string }[];
  /** Runs of consecutive periods (indices into points): a line is drawn per run, never across a gap. */
  readonly runs: readonly (readonly number[])[];
  /** The y of value zero when zero is inside the range, for a baseline. */
  readonly zeroY: number | null;
  readonly min: number;
  readonly max: number;
  readonly first: string;
  readonly last: string;
  /** "line" for a run of periods, "bar" when there are few values. */
  readonly kind: "line" | "bar";
}

const MARGIN = { left: 36, right: 8, top: 10, bottom: 18 };

/**
 * The geometry of a chart of values over periods: a line for ten or more values, bars below that.
 * Only one frequency is charted (monthly when the series has months, else annual) so that the x
 * axis is even.
 */
export function chartModel(
  rows: readonly ValueRow[],
  width = 300,
  height = 140
): ChartModel | null {
  const actuals = rows.filter((r) => r.figure.preferred.kind !== "forecast");
  const monthly = actuals.filter(
    (r) => r.figure.period.frequency === "month" || r.figure.period.frequency === "janfeb"
  );
  const annual = actuals.filter((r) => r.figure.period.frequency === "year");
  const shown = monthly.length >= annual.length ? monthly : annual;
  if (shown.length === 0) return null;
  const values = shown.map((r) => r.value);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  // Time on the x axis: months (a combined January–February release sits at February) or years.
  const slot = (r: ValueRow): number => {
    const p = r.figure.period;
    if (p.frequency === "month") return p.year * 12 + p.month - 1;
    if (p.frequency === "janfeb") return p.year * 12 + 1;
    return p.year;
  };
  const slots = shown.map(slot);
  const first = slots[0];
  const count = slots[slots.length - 1] - first + 1;
  const step = count > 1 ? innerW / (count - 1) : 0;
  const y = (v: number) => MARGIN.top + ((max - v) / span) * innerH;
  const kind = shown.length >= 10 ? "line" : "bar";
  const barStep = innerW / count;
  const points = shown.map((r, i) => ({
    x: round(
      kind === "line"
        ? MARGIN.left + (slots[i] - first) * step
        : MARGIN.left + barStep * (slots[i] - first + 0.5)
    ),
    y: round(y(r.value)),
    label: `${r.period}: ${r.value}`,
  }));
  // A combined January–February release is followed by March; any other jump is a gap.
  const runs: number[][] = [];
  shown.forEach((r, i) => {
    const next =
      i > 0 &&
      (slots[i] - slots[i - 1] === 1 ||
        (r.figure.period.frequency === "month" &&
          r.figure.period.month === 3 &&
          shown[i - 1].figure.period.frequency === "janfeb"));
    if (next) runs[runs.length - 1].push(i);
    else runs.push([i]);
  });
  return {
    width,
    height,
    points,
    runs,
    zeroY: min < 0 && max > 0 ? round(y(0)) : min === 0 ? round(y(0)) : null,
    min,
    max,
    first: shown[0].period,
    last: shown[shown.length - 1].period,
    kind,
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
