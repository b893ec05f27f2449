import type {
  CoreDataset,
  Meta,
  Reported,
  Series,
  SourceRecord,
  Terms,
  Unit,
} from "../data/dataset";
import { pollster, ranksAbove, withinRounding } from "../data/preference";
import { roundingStep } from "../data/rounding";
import { TIERS } from "../data/tiers";
import { figureKey } from "../data/keys";
import { isCoreError } from "./errors";
import { Period, parsePeriod, periodOrder } from "./period";

/**
 * One figure: the value the functions return, and every report of it. A figure has a history:
 * its first release (reported by one or more publications, one of them preferred), then any
 * revisions that later releases published.
 */
export interface Figure {
  readonly series: string;
  readonly period: Period;
  readonly terms: Terms | null;
  /** The latest published value: the latest revision's, else the first release's. */
  readonly value: number;
  /** The preferred report of the first release: what a poll forecast (CN.SURPRISE compares it). */
  readonly preferred: Reported;
  /** The report `value` comes from: the latest revision, else the preferred report. */
  readonly latest: Reported;
  /** Every report: the first release's (the preferred one first), then revisions, oldest first. */
  readonly reports: readonly Reported[];
  /** The revisions, oldest first. */
  readonly revisions: readonly Reported[];
  /** The day the figure was first published (its earliest first-release report). */
  readonly released: string;
  /** True when first-release reports give different values beyond their printed rounding. */
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
      const figure = makeFigure(
        reports,
        this.series.get(reports[0].series)?.unit ?? "bn",
        (o) => this.sources.get(o.source)?.published ?? "",
        this.tierOf
      );
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

  /**
   * What had been published of a figure by the end of a day (YYYY-MM-DD): the latest revision
   * published by then, else the first release; undefined before the first release.
   */
  asOf(figure: Figure, day: string): Reported | undefined {
    for (let i = figure.revisions.length - 1; i >= 0; i--) {
      const r = figure.revisions[i];
      if ((this.sources.get(r.source)?.published ?? "") <= day) return r;
    }
    return figure.released <= day ? figure.preferred : undefined;
  }

  /** A report's tier as an index into TIERS, best first ("other" where its source is unknown). */
  private readonly tierOf = (o: Reported): number =>
    TIERS.indexOf(this.sources.get(o.source)?.tier ?? "other");

  /** The pollsters a consensus figure's first-release reports name, the preferred report's first. */
  polls(figure: Figure): string[] {
    const names = figure.reports.filter((o) => !o.revision).map((o) => pollster(o.by));
    return [...new Set(names.filter((n): n is string => n !== undefined))];
  }

  /**
   * The report of a consensus figure by a named pollster ("Reuters", "bloomberg", "Reuters
   * poll"), or undefined: the preferred report if it is that poll's, else that poll's report that
   * is unhedged, most precise and of the best tier.
   */
  pollReport(figure: Figure, name: string): Reported | undefined {
    const wanted = (pollster(name) ?? name.trim()).toLowerCase();
    if (pollster(figure.preferred.by)?.toLowerCase() === wanted) return figure.preferred;
    const unit = this.series.get(figure.series)?.unit ?? "pct";
    const rank = (o: Reported) => quality(o, unit, this.tierOf);
    let best: Reported | undefined;
    for (const o of figure.reports) {
      if (o.revision || pollster(o.by)?.toLowerCase() !== wanted) continue;
      if (best === undefined || ranksAbove(rank(o), rank(best))) best = o;
    }
    return best;
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
  const { reportedAs } = o as { reportedAs?: string };
  return roundingStep({ value: o.value, reportedAs }, unit);
}

/** How good a report is, best lowest: unhedged, then most precise, then of the best tier. */
function quality(o: Reported, unit: Unit, tier: (o: Reported) => number): number[] {
  return [o.qualifier ? 1 : 0, stepOf(o, unit), tier(o)];
}

/** Whether two consensus reports name the same pollster (unnamed economists match no one). */
function samePoll(a: string | undefined, b: string | undefined): boolean {
  const p = pollster(a);
  return p !== undefined && p === pollster(b);
}

/**
 * Whether two reports can be the same figure as each was rounded: the ranges their printed forms
 * stand for overlap (1189 and "$1.19 trillion" do; 5.5 and 5.4 do not).
 */
function agree(a: Reported, b: Reported, unit: Unit): boolean {
  return withinRounding(a.value, b.value, stepOf(a, unit), stepOf(b, unit));
}

function makeFigure(
  reports: Reported[],
  unit: Unit,
  published: (o: Reported) => string,
  tier: (o: Reported) => number
): Figure | undefined {
  if (reports.length === 1) return singleFigure(reports[0], published);
  const revised = reports.filter((o) => o.revision === true);
  const first = reports.length === revised.length ? reports : reports.filter((o) => !o.revision);
  // The preferred report first, then the others best tier first and, within a tier, earliest:
  // the order in which CN.SOURCE, the pane and the card cite them.
  const ordered = [...first].sort(
    (a, b) =>
      Number(b.preferred === true) - Number(a.preferred === true) ||
      tier(a) - tier(b) ||
      published(a).localeCompare(published(b))
  );
  // Oldest first; of revisions published the same day, the best last (unhedged, most precise,
  // best tier), so that the last is the one returned.
  const worseFirst = (a: Reported, b: Reported) => {
    const [x, y] = [quality(a, unit, tier), quality(b, unit, tier)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i] - x[i];
    return 0;
  };
  const revisions =
    first === reports
      ? []
      : [...revised].sort((a, b) => published(a).localeCompare(published(b)) || worseFirst(a, b));
  const preferred = ordered[0];
  const latest = revisions.length > 0 ? revisions[revisions.length - 1] : preferred;
  const period = parsePeriod(preferred.period);
  if (isCoreError(period)) return undefined;
  return Object.freeze({
    series: preferred.series,
    period,
    terms: preferred.terms,
    value: latest.value,
    preferred,
    latest,
    reports: Object.freeze([...ordered, ...revisions]),
    revisions: Object.freeze(revisions),
    released: first.map(published).sort()[0] ?? "",
    // Two pollsters' consensus figures are two forecasts; only one poll's reports can differ.
    disagree: ordered.some(
      (o) =>
        !agree(o, preferred, unit) &&
        (preferred.kind !== "consensus" || samePoll(o.by, preferred.by))
    ),
  });
}

/** The common case, one report: nothing to order, compare or revise. */
function singleFigure(o: Reported, published: (o: Reported) => string): Figure | undefined {
  const period = parsePeriod(o.period);
  if (isCoreError(period)) return undefined;
  const reports = Object.freeze([o]);
  return Object.freeze({
    series: o.series,
    period,
    terms: o.terms,
    value: o.value,
    preferred: o,
    latest: o,
    reports,
    revisions: Object.freeze([]),
    released: published(o),
    disagree: false,
  });
}
