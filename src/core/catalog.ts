import type {
  CoreDataset,
  Meta,
  Reported,
  Series,
  SourceRecord,
  Terms,
  Unit,
} from "../data/dataset";
import { roundingStep } from "../data/rounding";
import { figureKey } from "../data/keys";
import { isCoreError } from "./errors";
import { Period, parsePeriod, periodOrder } from "./period";

/** One figure: the value the functions return, and every report of it, the preferred one first. */
export interface Figure {
  readonly series: string;
  readonly period: Period;
  readonly terms: Terms | null;
  readonly value: number;
  readonly preferred: Reported;
  readonly reports: readonly Reported[];
  /** True when the reports give different values, beyond the rounding each was printed with. */
  readonly disagree: boolean;
}

/** Terms as an index key: "USD", "CNY", or "-" for series without currency terms. */
export type TermsKey = Terms | "-";

/**
 * The dataset indexed for lookups, built once when the add-in loads. Lookups are map reads; the
 * figures it returns are frozen and shared, never copied per call.
 */
export class Catalog {
  readonly meta: Meta;
  readonly series: ReadonlyMap<string, Series>;
  readonly sources: ReadonlyMap<string, SourceRecord>;
  /** series → terms → period id → figure, for actuals, consensus and targets. Nested so that a
   * lookup hashes only strings that already exist (ids), never a key built per call. */
  private readonly figures = new Map<string, Map<TermsKey, Map<string, Figure>>>();
  /** `series|terms|period` → one figure per forecaster. */
  private readonly forecastIndex = new Map<string, Figure[]>();
  private readonly sorted = new Map<string, readonly Figure[]>();
  private readonly coverageText = new Map<string, string>();

  constructor(dataset: CoreDataset) {
    this.meta = dataset.meta;
    this.series = new Map(dataset.series.map((s) => [s.id, s]));
    this.sources = new Map(dataset.sources.map((s) => [s.id, s]));
    const groups = new Map<string, Reported[]>();
    for (const o of dataset.observations) {
      const key = figureKey(o);
      const group = groups.get(key);
      if (group) group.push(o);
      else groups.set(key, [o]);
    }
    for (const reports of groups.values()) {
      const figure = makeFigure(reports, this.series.get(reports[0].series)?.unit ?? "bn");
      if (!figure) continue;
      const terms: TermsKey = figure.terms ?? "-";
      if (figure.preferred.kind === "forecast") {
        const key = `${figure.series}|${terms}|${figure.period.id}`;
        const list = this.forecastIndex.get(key) ?? [];
        list.push(figure);
        this.forecastIndex.set(key, list);
      } else {
        const byTerms = this.figures.get(figure.series) ?? new Map<TermsKey, Map<string, Figure>>();
        const byPeriod = byTerms.get(terms) ?? new Map<string, Figure>();
        byPeriod.set(figure.period.id, figure);
        byTerms.set(terms, byPeriod);
        this.figures.set(figure.series, byTerms);
      }
    }
  }

  /** The figure for a series, terms and canonical period id, if the dataset has it. */
  figure(series: string, terms: TermsKey, periodId: string): Figure | undefined {
    return this.figures.get(series)?.get(terms)?.get(periodId);
  }

  /** Every non-forecast figure of a series in some terms, in chronological order. */
  figuresOf(series: string, terms: TermsKey): readonly Figure[] {
    const key = `${series}|${terms}`;
    let list = this.sorted.get(key);
    if (!list) {
      list = Object.freeze(
        [...(this.figures.get(series)?.get(terms)?.values() ?? [])].sort(
          (a, b) => periodOrder(a.period) - periodOrder(b.period)
        )
      );
      this.sorted.set(key, list);
    }
    return list;
  }

  /** Forecasts of a series for a period, one per forecaster. */
  forecasts(series: string, terms: TermsKey, periodId: string): readonly Figure[] {
    return this.forecastIndex.get(`${series}|${terms}|${periodId}`) ?? [];
  }

  /** Whether a forecast is by the named forecaster, matched by its name, source id or publisher. */
  isBy(figure: Figure, name: string): boolean {
    const wanted = name.trim().toLowerCase();
    const o = figure.preferred;
    const source = this.sources.get(o.source);
    return [o.by, o.source, source?.publisher].some((n) => n?.toLowerCase() === wanted);
  }

  /** Every forecast in the dataset. */
  allForecasts(): Figure[] {
    return [...this.forecastIndex.values()].flat();
  }

  /** Terms in which a series has any figure: USD first. */
  termsOf(series: string): TermsKey[] {
    return (["USD", "CNY", "-"] as TermsKey[]).filter((t) => this.figures.get(series)?.has(t));
  }

  /** What a series covers in some terms, for messages: "annual 2015–2025; monthly 2023-01/02 to 2025-12". */
  coverage(series: string, terms: TermsKey): string {
    const key = `${series}|${terms}`;
    let text = this.coverageText.get(key);
    if (text === undefined) {
      const figures = this.figuresOf(series, terms);
      const parts: string[] = [];
      for (const [frequency, label] of [
        ["year", "annual"],
        ["quarter", "quarterly"],
        ["month", "monthly"],
        ["ytd", "January-to-month"],
      ] as const) {
        const ids = figures
          .filter((f) =>
            frequency === "month"
              ? f.period.frequency === "month" || f.period.frequency === "janfeb"
              : f.period.frequency === frequency
          )
          .map((f) => f.period.id);
        if (ids.length === 1) parts.push(`${label} ${ids[0]}`);
        else if (ids.length > 1)
          parts.push(`${label} ${ids[0]} to ${ids[ids.length - 1]} (${ids.length} periods)`);
      }
      text = parts.length > 0 ? parts.join("; ") : "no figures";
      this.coverageText.set(key, text);
    }
    return text;
  }

  /** A source's one-line citation: publisher, date, provider, URL. */
  cite(o: Reported): string {
    const s = this.sources.get(o.source);
    if (!s) return o.source;
    const origin = s.original
      ? `${s.original.publisher} (reposted by ${s.publisher})`
      : s.publisher;
    return `${origin}, ${s.published}, citing ${o.provider ?? s.provider}: ${s.original?.url ?? s.url}`;
  }
}

/**
 * The rounding step of a report in its series' unit: what its printed form implies ("$1.19
 * trillion": 10 bn), else the decimals of its value.
 */
function stepOf(o: Reported, unit: Unit): number {
  if (o.step !== undefined) return o.step;
  const printed = (o as { reportedAs?: string }).reportedAs;
  return roundingStep({ value: o.value, reportedAs: printed }, unit);
}

/**
 * Whether two reports can be the same figure as each was rounded: the ranges their printed forms
 * stand for overlap (1189 and "$1.19 trillion" do; 5.5 and 5.4 do not).
 */
function agree(a: Reported, b: Reported, unit: Unit): boolean {
  return Math.abs(a.value - b.value) < (stepOf(a, unit) + stepOf(b, unit)) / 2 - 1e-9;
}

function makeFigure(reports: Reported[], unit: Unit): Figure | undefined {
  const ordered = [...reports].sort(
    (a, b) => Number(b.preferred === true) - Number(a.preferred === true)
  );
  const preferred = ordered[0];
  const period = parsePeriod(preferred.period);
  if (isCoreError(period)) return undefined;
  return Object.freeze({
    series: preferred.series,
    period,
    terms: preferred.terms,
    value: preferred.value,
    preferred,
    reports: Object.freeze(ordered),
    disagree: ordered.some((o) => !agree(o, preferred, unit)),
  });
}
