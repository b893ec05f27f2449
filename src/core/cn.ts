import { isBlank, isCurrency, parseFlow, parsePolledFlow, parseSeries, parseTerms } from "./args";
import {
  COMMODITY_SERIES,
  Measure,
  PARTNER_SERIES,
  parseCommodity,
  parseMeasure,
  parsePartner,
  parsePartnerFlow,
  parseVolumeMeasure,
  Partner,
  PartnerFlow,
} from "./breakdown";
import { Catalog, Figure, TermsKey } from "./catalog";
import { decimalsOf } from "../data/rounding";
import { publisherOf } from "../data/tiers";
import { Day, excelSerial, parseAsOf } from "./dates";
import { CoreError, describeInput, invalid, isCoreError, notAvailable } from "./errors";
import { Frequency, janFebPeriod, parsePeriod, Period, periodLabel, periodOrder } from "./period";
import type { Observation, Reported, Series, Terms } from "../data/dataset";

/** One cell's answer: a number, a text, or an error value. */
export type Cell = number | string | CoreError;

/** A spilled table of periods and values. */
export type Table = (string | number)[][];

/**
 * For each flow a poll forecasts, the series of the actual figure and of the consensus: growth of
 * exports or imports, and the trade balance.
 */
export const FLOW_SERIES = {
  exports: { actual: "exports_yoy", consensus: "exports_yoy_consensus" },
  imports: { actual: "imports_yoy", consensus: "imports_yoy_consensus" },
  balance: { actual: "balance", consensus: "balance_consensus" },
} as const;

/** How each unit is written after a value. */
export const UNIT_TEXT: Record<Series["unit"], string> = {
  bn: "bn",
  trn: "trn",
  pct: "%",
  mt: "million tonnes",
  kt: "thousand tonnes",
  t: "tonnes",
  mbpd: "million barrels per day",
};

/** Where a currency goes in each function with a flow, for a user who typed one as the flow. */
const CURRENCY_HINTS = {
  yoy: 'the currency is the third argument, as in CN.YOY("2025-12", "exports", "CNY")',
  consensus: "polls forecast growth in USD terms, so this function takes no currency",
  partner:
    'the currency is the fifth argument, as in CN.PARTNER("Russia", 2025, "exports", "yoy", "CNY")',
} as const;

/** How a partner flow reads in a message: "exports to Japan", "the balance with Japan". */
const PARTNER_FLOW_TEXT: Record<PartnerFlow, string> = {
  exports: "exports to",
  imports: "imports from",
  balance: "the trade balance with",
  trade: "total trade with",
};

/** A reported value with its hedging, unit and terms: "almost 1200 USD bn", "6.6%". */
export function formatAmount(
  o: Pick<Observation, "value" | "qualifier">,
  series: Series | undefined,
  terms: Terms | null
): string {
  const unit = series ? UNIT_TEXT[series.unit] : "";
  const qualifier = o.qualifier ? `${o.qualifier} ` : "";
  return unit === "%"
    ? `${qualifier}${o.value}%`
    : `${qualifier}${o.value} ${terms ? `${terms} ` : ""}${unit}`;
}

/**
 * The CN.* functions as pure functions over a catalogue: each takes the raw values Excel passes
 * (numbers, text, booleans, null for an omitted argument) and returns a value or an error value.
 */
export function makeFunctions(catalog: Catalog) {
  /**
   * Explanations of misses, kept because a sheet asks for the same missing figure many times;
   * nested by series and terms so that a repeated miss builds no key.
   */
  const misses = new Map<Series, Map<TermsKey, Map<string, CoreError>>>();
  let missCount = 0;

  function lookup(series: Series, period: Period, terms: TermsKey): Figure | CoreError {
    const figure = catalog.figure(series.id, terms, period.id);
    if (figure) return figure;
    let byTerms = misses.get(series);
    if (!byTerms) misses.set(series, (byTerms = new Map()));
    let byPeriod = byTerms.get(terms);
    if (!byPeriod) byTerms.set(terms, (byPeriod = new Map()));
    let miss = byPeriod.get(period.id);
    if (!miss) {
      if (++missCount > 10000) {
        misses.clear();
        missCount = 0;
      }
      miss = whyMissing(series, period, terms);
      byPeriod.set(period.id, miss);
    }
    return miss;
  }

  function whyMissing(series: Series, period: Period, terms: TermsKey): CoreError {
    const what = `${series.name} (${series.id})`;
    if (
      period.frequency === "month" &&
      period.month <= 2 &&
      catalog.figure(series.id, terms, janFebPeriod(period.year).id)
    ) {
      return notAvailable(
        `China's customs reported January and February ${period.year} together, so there is no single-month figure for ${what}; ` +
          `use the combined period "${period.year}-01/02".`
      );
    }
    const otherTerms = catalog
      .termsOf(series.id)
      .filter((t) => t !== terms && catalog.figure(series.id, t, period.id));
    if (otherTerms.length > 0) {
      return notAvailable(
        `No ${terms}-terms figure for ${what} in ${periodLabel(period)}; the dataset has it in ${otherTerms[0]} terms (currency argument "${otherTerms[0]}").`
      );
    }
    if (catalog.forecasts(series.id, terms, period.id).length > 0) {
      return notAvailable(
        `No reported figure for ${what} in ${periodLabel(period)}; forecasts exist: =CN.FORECAST(${period.year}, "${series.id}").`
      );
    }
    const coverage = catalog.coverage(series.id, terms);
    const termsText = terms === "-" ? "" : `${terms}-terms `;
    return notAvailable(
      `No ${termsText}figure for ${what} in ${periodLabel(period)}. The dataset has ${coverage}.`
    );
  }

  function figureOf(seriesId: unknown, periodIn: unknown, currencyIn: unknown): Figure | CoreError {
    const series = parseSeries(seriesId, catalog);
    return isCoreError(series) ? series : figureIn(series, periodIn, currencyIn);
  }

  function figureIn(series: Series, periodIn: unknown, currencyIn: unknown): Figure | CoreError {
    const period = parsePeriod(periodIn);
    if (isCoreError(period)) return period;
    const terms = parseTerms(currencyIn, series);
    if (isCoreError(terms)) return terms;
    return lookup(series, period, terms);
  }

  /** The value of a series named by a constant id (resolved with one map read, no parsing). */
  function valueOf(seriesId: string, periodIn: unknown, currencyIn: unknown): number | CoreError {
    const series = catalog.series.get(seriesId);
    if (!series) return notAvailable(`The dataset has no series ${seriesId}.`);
    const figure = figureIn(series, periodIn, currencyIn);
    return isCoreError(figure) ? figure : figure.value;
  }

  /**
   * A consensus value: the preferred poll's when no poll is named, else the named pollster's
   * ("Reuters", "Bloomberg", "Wind"…), or why there is none.
   */
  function polled(seriesId: string, periodIn: unknown, pollIn: unknown): number | CoreError {
    if (isBlank(pollIn)) return valueOf(seriesId, periodIn, null);
    if (typeof pollIn !== "string" || pollIn.trim() === "")
      return invalid(
        `Expected a pollster's name such as "Reuters" or "Bloomberg" (or leave it out for the preferred poll); got ${describeInput(pollIn)}.`
      );
    const figure = figureOf(seriesId, periodIn, null);
    if (isCoreError(figure)) return figure;
    const report = catalog.pollReport(figure, pollIn);
    if (report) return report.value;
    const polls = catalog.polls(figure);
    return notAvailable(
      `No ${pollIn.trim()} poll of ${catalog.series.get(seriesId)?.name ?? seriesId} for ${periodLabel(figure.period)}; ${
        polls.length > 0
          ? `polls on record: ${polls.join(", ")}`
          : "the consensus on record names no pollster"
      }.`
    );
  }

  /** The series id for a flow and measure, from constant strings (no id is built per call). */
  function flowSeries(
    flowIn: unknown,
    measure: keyof typeof FLOW_SERIES.exports
  ): string | CoreError {
    if (measure === "actual") {
      const flow = parseFlow(flowIn, CURRENCY_HINTS.yoy);
      return isCoreError(flow) ? flow : FLOW_SERIES[flow].actual;
    }
    const flow = parsePolledFlow(flowIn, CURRENCY_HINTS.consensus);
    return isCoreError(flow) ? flow : FLOW_SERIES[flow][measure];
  }

  /** What the dataset has for a partner, for messages: "exports y/y and level; balance". */
  const partnerCoverage = new Map<string, string>();
  function coverageOf(partner: Partner): string {
    let text = partnerCoverage.get(partner.id);
    if (text === undefined) {
      const table = PARTNER_SERIES.get(partner.id)!;
      const parts: string[] = [];
      for (const flow of ["exports", "imports", "trade", "balance"] as const) {
        const measures = (["yoy", "level"] as const).filter(
          (m) => (flow !== "balance" || m === "level") && catalog.series.has(table[flow][m])
        );
        if (measures.length > 0)
          parts.push(
            `${flow === "trade" ? "total trade" : flow}${flow === "balance" ? "" : ` (${measures.join(", ")})`}`
          );
      }
      text = parts.length > 0 ? parts.join("; ") : "no figures yet";
      partnerCoverage.set(partner.id, text);
    }
    return text;
  }

  /** The series a CN.PARTNER call asks for, or why there is none. */
  function partnerSeries(
    partnerIn: unknown,
    flowIn: unknown,
    measureIn: unknown
  ): Series | CoreError {
    const partner = parsePartner(partnerIn);
    if (isCoreError(partner)) return partner;
    const flow = parsePartnerFlow(flowIn);
    if (isCoreError(flow))
      return isCurrency(flowIn)
        ? invalid(`${describeInput(flowIn)} is a currency, not a flow: ${CURRENCY_HINTS.partner}.`)
        : flow;
    const measure = parseMeasure(measureIn, flow === "balance" ? "level" : "yoy");
    if (isCoreError(measure)) return measure;
    if (flow === "balance" && measure === "yoy")
      return invalid(
        'A balance is a level in billions, with no y/y change: leave the measure out or give "level".'
      );
    return (
      catalog.series.get(PARTNER_SERIES.get(partner.id)![flow][measure]) ??
      notAvailable(
        `No ${measureText(measure)} of ${PARTNER_FLOW_TEXT[flow]} ${partner.name} in the dataset. For ${partner.name} it has: ${coverageOf(partner)}.`
      )
    );
  }

  /** The series a CN.COMMODITY call asks for, or why there is none. */
  function commoditySeries(itemIn: unknown, measureIn: unknown): Series | CoreError {
    const item = parseCommodity(itemIn);
    if (isCoreError(item)) return item;
    const measure = parseVolumeMeasure(measureIn);
    if (isCoreError(measure)) return measure;
    const id = COMMODITY_SERIES.get(item)![measure];
    if (id === "")
      return invalid(
        `Barrels per day are reported for crude oil only; ${item.name} is measured in ${item.unit}.`
      );
    return (
      catalog.series.get(id) ??
      notAvailable(
        `No ${measure === "yoy" ? "y/y change" : "volume"} of ${item.name} ${item.direction} in the dataset.`
      )
    );
  }

  function partnerFigure(
    partnerIn: unknown,
    periodIn: unknown,
    flowIn: unknown,
    measureIn: unknown,
    currencyIn: unknown
  ): Figure | CoreError {
    const series = partnerSeries(partnerIn, flowIn, measureIn);
    return isCoreError(series) ? series : figureIn(series, periodIn, currencyIn);
  }

  function commodityFigure(
    itemIn: unknown,
    periodIn: unknown,
    measureIn: unknown
  ): Figure | CoreError {
    const series = commoditySeries(itemIn, measureIn);
    return isCoreError(series) ? series : figureIn(series, periodIn, null);
  }

  const valueOfFigure = (figure: Figure | CoreError): Cell =>
    isCoreError(figure) ? figure : figure.value;

  /** A figure's value as published by the end of a day, or when it was first published. */
  function publishedBy(figure: Figure, day: Day): number | CoreError {
    const report = catalog.asOf(figure, day);
    if (report) return report.value;
    const series = catalog.series.get(figure.series);
    return notAvailable(
      `${series?.name ?? figure.series} for ${periodLabel(figure.period)} was first published on ${figure.released}; nothing of it had been published by ${day}.`
    );
  }

  function describe(figure: Figure): string {
    const series = catalog.series.get(figure.series);
    // A consensus names its poll: two pollsters' figures are two forecasts, not a disagreement.
    const amount = (o: Reported) =>
      formatAmount(o, series, figure.terms) + (o.kind === "consensus" && o.by ? ` (${o.by})` : "");
    const first = figure.reports.filter((o) => !o.revision);
    const revised =
      figure.revisions.length > 0
        ? ` (revised; first released as ${amount(figure.preferred)} on ${figure.released})`
        : "";
    const head = `${figure.series} ${figure.period.id} = ${amount(figure.latest)}${revised}. Source: ${catalog.cite(figure.latest)}.`;
    const day = (o: Reported) => catalog.sources.get(o.source)?.published ?? "";
    const earlier = figure.revisions
      .filter((o) => o !== figure.latest)
      .reverse()
      .map(
        (o) =>
          ` ${day(o) === day(figure.latest) ? "Also" : "Earlier revision"}: ${catalog.cite(o)}, giving ${amount(o)}.`
      );
    const firstRelease =
      figure.revisions.length > 0 ? ` First release: ${catalog.cite(figure.preferred)}.` : "";
    const others = first.slice(1).map((o) => ` Also: ${catalog.cite(o)}, giving ${amount(o)}.`);
    return (
      (figure.disagree ? "Sources differ. " : "") +
      head +
      earlier.join("") +
      firstRelease +
      others.join("")
    );
  }

  return {
    /** The figure behind a series, period and currency, or why there is none (used to explain cells). */
    figure: figureOf,

    surplus: (period: unknown, currency: unknown): Cell => valueOf("balance", period, currency),
    exports: (period: unknown, currency: unknown): Cell => valueOf("exports", period, currency),
    imports: (period: unknown, currency: unknown): Cell => valueOf("imports", period, currency),

    yoy(period: unknown, flow: unknown, currency: unknown): Cell {
      const series = flowSeries(flow, "actual");
      return isCoreError(series) ? series : valueOf(series, period, currency);
    },

    /** The consensus for a release: the preferred poll's, or a named pollster's. */
    consensus(period: unknown, flow: unknown, poll?: unknown): Cell {
      const series = flowSeries(flow, "consensus");
      return isCoreError(series) ? series : polled(series, period, poll);
    },

    /** Actual minus consensus, with the actual as first released: what the poll forecast. */
    surprise(period: unknown, flow: unknown, poll?: unknown): Cell {
      const flowIn = parsePolledFlow(flow, CURRENCY_HINTS.consensus);
      if (isCoreError(flowIn)) return flowIn;
      const actual = figureOf(FLOW_SERIES[flowIn].actual, period, null);
      if (isCoreError(actual)) return actual;
      const expected = polled(FLOW_SERIES[flowIn].consensus, period, poll);
      if (isCoreError(expected)) return expected;
      return subtract(actual.preferred.value, expected);
    },

    /** The figure behind a CN.PARTNER call, or why there is none. */
    partnerFigure,
    /** The figure behind a CN.COMMODITY call, or why there is none. */
    commodityFigure,

    partner: (
      partner: unknown,
      period: unknown,
      flow: unknown,
      measure: unknown,
      currency: unknown
    ): Cell => valueOfFigure(partnerFigure(partner, period, flow, measure, currency)),

    commodity: (item: unknown, period: unknown, measure: unknown): Cell =>
      valueOfFigure(commodityFigure(item, period, measure)),

    value(series: unknown, period: unknown, currency: unknown, asof: unknown): Cell {
      const figure = figureOf(series, period, currency);
      if (isCoreError(figure) || isBlank(asof)) return valueOfFigure(figure);
      const day = parseAsOf(asof);
      return isCoreError(day) ? day : day === undefined ? figure.value : publishedBy(figure, day);
    },

    /** Every published value of a figure, oldest first: date serial, value, publisher, which release. */
    history(series: unknown, period: unknown, currency: unknown): Table | CoreError {
      const figure = figureOf(series, period, currency);
      if (isCoreError(figure)) return figure;
      const rows = figure.reports.map((o) => {
        const source = catalog.sources.get(o.source);
        const day = source?.published ?? "";
        const publisher = source ? publisherOf(source) : o.source;
        return {
          day,
          row: [excelSerial(day), o.value, publisher, o.revision ? "revision" : "first release"],
        };
      });
      return rows
        .sort(
          (a, b) =>
            a.day.localeCompare(b.day) ||
            Number(a.row[3] === "revision") - Number(b.row[3] === "revision")
        )
        .map((r) => r.row as (string | number)[]);
    },

    forecast(yearIn: unknown, seriesIn: unknown, by: unknown): Cell {
      const period = parsePeriod(yearIn);
      if (isCoreError(period)) return period;
      const series = parseSeries(seriesIn, catalog);
      if (isCoreError(series)) return series;
      const terms: TermsKey = series.currency ? "USD" : "-";
      const forecasts = catalog.forecasts(series.id, terms, period.id);
      const known = () =>
        catalog
          .allForecasts()
          .map((f) => `${f.series} ${f.period.id} by ${f.preferred.by}`)
          .join("; ");
      if (forecasts.length === 0) {
        return notAvailable(
          `No forecast of ${series.id} for ${periodLabel(period)} in the dataset. Forecasts it has: ${known() || "none"}.`
        );
      }
      const names = forecasts.map((f) => f.preferred.by ?? "").join(", ");
      if (by === null || by === undefined || by === "") {
        return forecasts.length === 1
          ? forecasts[0].value
          : notAvailable(
              `${forecasts.length} forecasts of ${series.id} for ${periodLabel(period)}: name one as the third argument (${names}).`
            );
      }
      if (typeof by !== "string")
        return invalid(
          `Expected a forecaster's name such as "${forecasts[0].preferred.by}"; got ${describeInput(by)}.`
        );
      const match = forecasts.find((f) => catalog.isBy(f, by));
      return match
        ? match.value
        : notAvailable(
            `No forecast of ${series.id} for ${periodLabel(period)} by ${describeInput(by)}; forecasters: ${names}.`
          );
    },

    series(
      seriesIn: unknown,
      fromIn: unknown,
      toIn: unknown,
      currencyIn: unknown,
      asofIn?: unknown
    ): Table | CoreError {
      const asof = parseAsOf(asofIn);
      if (isCoreError(asof)) return asof;
      const series = parseSeries(seriesIn, catalog);
      if (isCoreError(series)) return series;
      const terms = parseTerms(currencyIn, series);
      if (isCoreError(terms)) return terms;
      const from = isBlank(fromIn) ? undefined : parsePeriod(fromIn);
      if (isCoreError(from)) return from;
      const to = isBlank(toIn) ? undefined : parsePeriod(toIn);
      if (isCoreError(to)) return to;
      const all = catalog.figuresOf(series.id, terms);
      const frequency = chooseFrequency(from, to, all);
      const lower = from ? bound(from, frequency, "start") : -Infinity;
      const upper = to ? bound(to, frequency, "end") : Infinity;
      if (lower > upper)
        return invalid(
          `The start ${describeInput(fromIn)} is after the end ${describeInput(toIn)}.`
        );
      const rows: Table = [];
      for (const f of all) {
        const order = periodOrder(f.period);
        if (!inClass(f.period.frequency, frequency) || order < lower || order > upper) continue;
        const report = asof === undefined ? f.latest : catalog.asOf(f, asof);
        if (report) rows.push([f.period.id, report.value]);
      }
      if (rows.length === 0) {
        const range =
          from || to
            ? ` between ${from ? periodLabel(from) : "the start"} and ${to ? periodLabel(to) : "the end"}`
            : "";
        return notAvailable(
          `No ${FREQUENCY_NAMES[frequency]} figures for ${series.id}${range}${asof ? ` published by ${asof}` : ""}. The dataset has ${catalog.coverage(series.id, terms)}.`
        );
      }
      return rows;
    },

    source(seriesIn: unknown, period: unknown, currency: unknown): Cell {
      const figure = figureOf(seriesIn, period, currency);
      return isCoreError(figure) ? figure : describe(figure);
    },

    vintage(): string {
      const { version, asOf } = catalog.meta;
      return `CN Trade dataset ${version}, figures as of ${asOf}`;
    },
  };
}

export type CnFunctions = ReturnType<typeof makeFunctions>;

function measureText(measure: Measure): string {
  return measure === "yoy" ? "y/y change" : "level";
}

type FrequencyClass = "year" | "quarter" | "ytd" | "month";

const FREQUENCY_NAMES: Record<FrequencyClass, string> = {
  year: "annual",
  quarter: "quarterly",
  ytd: "year-to-date",
  month: "monthly",
};

function frequencyClass(frequency: Frequency): FrequencyClass {
  return frequency === "janfeb" ? "month" : frequency;
}

/**
 * Whether a period belongs in a listing of one frequency. January–February is both the first
 * monthly release of a year and its first year-to-date total.
 */
function inClass(frequency: Frequency, cls: FrequencyClass): boolean {
  return frequency === "janfeb" ? cls === "month" || cls === "ytd" : frequency === cls;
}

const FINENESS: Record<FrequencyClass, number> = { year: 0, quarter: 1, ytd: 2, month: 3 };

/** The bounds' finer frequency; without bounds, the series' finest frequency. */
function chooseFrequency(
  from: Period | undefined,
  to: Period | undefined,
  all: readonly Figure[]
): FrequencyClass {
  const given = [from, to]
    .filter((p): p is Period => p !== undefined)
    .map((p) => frequencyClass(p.frequency));
  const candidates = given.length > 0 ? given : all.map((f) => frequencyClass(f.period.frequency));
  return candidates.reduce<FrequencyClass>(
    (best, c) => (FINENESS[c] > FINENESS[best] ? c : best),
    "year"
  );
}

/** A bound's position on the periodOrder scale; a year bound spans its whole year. */
function bound(period: Period, frequency: FrequencyClass, side: "start" | "end"): number {
  if (frequencyClass(period.frequency) === frequency) return periodOrder(period);
  if (frequency === "ytd" && period.frequency !== "year" && period.frequency !== "quarter")
    return periodOrder(period) + (side === "end" ? 0.5 : 0);
  if (period.frequency === "quarter" && frequency === "month")
    return period.year * 100 + (side === "start" ? period.quarter * 3 - 2 : period.quarter * 3);
  return period.year * 100 + (side === "start" ? 0 : 99);
}

/** a − b, rounded to the decimals of its inputs so that 6.6 − 3 is 3.6, not 3.5999999999999996. */
export function subtract(a: number, b: number): number {
  const decimals = Math.max(decimalsOf(a), decimalsOf(b));
  const scale = 10 ** decimals;
  return Math.round((a - b) * scale) / scale;
}
