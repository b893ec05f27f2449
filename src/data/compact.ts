import type {
  CoreDataset,
  Dataset,
  Kind,
  Meta,
  Observation,
  Qualifier,
  Reported,
  Series,
  Source,
  SourceRecord,
} from "./dataset";

import { TIERS } from "./tiers";
import { roundingStep } from "./rounding";

export type { CoreDataset };

/**
 * The dataset as the add-in embeds it. The functions need only what they compute and cite with;
 * the words only the pane shows (notes, printed forms, titles, how a title or date was read) are
 * split off into details that the pane loads when it is first shown. Both are stored in columns
 * with repeated strings kept once, so the page grows slowly as figures are added.
 *
 * encode* run at build time (webpack, through tsx) and in tests; decode* run in the add-in.
 */

const KINDS: readonly Kind[] = ["actual", "consensus", "forecast", "target"];
const QUALIFIERS: readonly Qualifier[] = ["about", "almost", "nearly", "above", "below", "flat"];
const TERMS = [null, "USD", "CNY"] as const;

/** Observations in columns; indexes point into `strings`, -1 is absent. */
export interface CompactObservations {
  readonly strings: readonly string[];
  readonly series: readonly number[];
  readonly period: readonly number[];
  readonly value: readonly number[];
  /** 0 no terms, 1 USD, 2 CNY. */
  readonly terms: readonly number[];
  readonly kind: readonly number[];
  /** Index into the sources. */
  readonly source: readonly number[];
  /** 0 unmarked, 1 preferred, 2 marked not preferred. */
  readonly preferred: readonly number[];
  /** 0 none, else 1 + index into the qualifiers. */
  readonly qualifier: readonly number[];
  readonly by: readonly number[];
  readonly provider: readonly number[];
  /** The rounding step of the printed form, in the series' unit; 0 where nothing was printed. */
  readonly step: readonly number[];
  /** Positions of the observations that are revisions. */
  readonly revisions: readonly number[];
}

/** Sources in columns, without what only the pane shows; indexes point into `strings`, -1 is absent. */
export interface CompactSources {
  readonly strings: readonly string[];
  readonly id: readonly string[];
  readonly publisher: readonly number[];
  readonly url: readonly string[];
  readonly published: readonly number[];
  readonly provider: readonly number[];
  readonly originalPublisher: readonly number[];
  readonly originalUrl: readonly (string | 0)[];
  /** Index into the tiers, best first. */
  readonly tier: readonly number[];
}

/** What the pane adds to each observation, aligned with the observations by position. */
export interface ObservationDetails {
  readonly notes: readonly string[];
  /** "" where a figure has no printed form. */
  readonly reportedAs: readonly string[];
  /** Positions of the observations marked levelsDiffer. */
  readonly levelsDiffer: readonly number[];
}

/** What the pane adds to each source, aligned with the sources by position. */
export interface SourceDetails {
  readonly titles: readonly string[];
  /** Positions of the sources titled from their address. */
  readonly titleFromUrl: readonly number[];
  /** Positions of the sources dated by their release. */
  readonly dateFromRelease: readonly number[];
  /** "" where a repost's original has no title. */
  readonly originalTitles: readonly string[];
  /** The day each page was read; "" where not recorded. */
  readonly accessed: readonly string[];
}

class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: string | undefined): number {
    if (s === undefined) return -1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

const positions = <T>(items: readonly T[], test: (item: T) => boolean): number[] =>
  items.flatMap((item, i) => (test(item) ? [i] : []));

export function encodeObservations(
  observations: readonly Observation[],
  sources: readonly Pick<Source, "id">[],
  series: readonly Pick<Series, "id" | "unit">[]
): CompactObservations {
  const table = new StringTable();
  const sourceIndex = new Map(sources.map((s, i) => [s.id, i]));
  const units = new Map(series.map((s) => [s.id, s.unit]));
  return {
    revisions: positions(observations, (o) => o.revision === true),
    step: observations.map((o) =>
      o.reportedAs ? roundingStep(o, units.get(o.series) ?? "bn") : 0
    ),
    series: observations.map((o) => table.of(o.series)),
    period: observations.map((o) => table.of(o.period)),
    value: observations.map((o) => o.value),
    terms: observations.map((o) => TERMS.indexOf(o.terms)),
    kind: observations.map((o) => KINDS.indexOf(o.kind)),
    source: observations.map((o) => sourceIndex.get(o.source) ?? -1),
    preferred: observations.map((o) => (o.preferred === undefined ? 0 : o.preferred ? 1 : 2)),
    qualifier: observations.map((o) => (o.qualifier ? QUALIFIERS.indexOf(o.qualifier) + 1 : 0)),
    by: observations.map((o) => table.of(o.by)),
    provider: observations.map((o) => table.of(o.provider)),
    strings: table.strings,
  };
}

export function encodeSources(sources: readonly Source[]): CompactSources {
  const table = new StringTable();
  return {
    id: sources.map((s) => s.id),
    publisher: sources.map((s) => table.of(s.publisher)),
    url: sources.map((s) => s.url),
    published: sources.map((s) => table.of(s.published)),
    provider: sources.map((s) => table.of(s.provider)),
    originalPublisher: sources.map((s) => table.of(s.original?.publisher)),
    originalUrl: sources.map((s) => s.original?.url ?? 0),
    tier: sources.map((s) => TIERS.indexOf(s.tier)),
    strings: table.strings,
  };
}

export function encodeObservationDetails(observations: readonly Observation[]): ObservationDetails {
  return {
    notes: observations.map((o) => o.note),
    reportedAs: observations.map((o) => o.reportedAs ?? ""),
    levelsDiffer: positions(observations, (o) => o.levelsDiffer === true),
  };
}

export function encodeSourceDetails(sources: readonly Source[]): SourceDetails {
  return {
    titles: sources.map((s) => s.title),
    titleFromUrl: positions(sources, (s) => s.titleFrom === "url"),
    dateFromRelease: positions(sources, (s) => s.dateFrom === "release"),
    originalTitles: sources.map((s) => s.original?.title ?? ""),
    accessed: sources.map((s) => s.accessed ?? ""),
  };
}

const at = (strings: readonly string[], i: number): string | undefined =>
  i < 0 ? undefined : strings[i];

export function decodeSources(c: CompactSources): SourceRecord[] {
  return c.id.map((id, i) => {
    const source: {
      -readonly [K in keyof SourceRecord]: SourceRecord[K];
    } = {
      id,
      publisher: c.strings[c.publisher[i]],
      url: c.url[i],
      published: c.strings[c.published[i]],
      provider: c.strings[c.provider[i]],
      tier: TIERS[c.tier[i]],
    };
    const originalUrl = c.originalUrl[i];
    if (originalUrl !== 0)
      source.original = {
        publisher: at(c.strings, c.originalPublisher[i]) ?? "",
        url: originalUrl,
      };
    return source;
  });
}

export function decodeObservations(
  c: CompactObservations,
  sources: readonly Pick<Source, "id">[]
): Reported[] {
  const revisions = new Set(c.revisions);
  return c.series.map((series, i) => {
    const o: { -readonly [K in keyof Reported]: Reported[K] } = {
      series: c.strings[series],
      period: c.strings[c.period[i]],
      value: c.value[i],
      terms: TERMS[c.terms[i]],
      kind: KINDS[c.kind[i]],
      source: sources[c.source[i]]?.id ?? "",
    };
    if (c.preferred[i] !== 0) o.preferred = c.preferred[i] === 1;
    if (c.step[i] > 0) o.step = c.step[i];
    if (revisions.has(i)) o.revision = true;
    if (c.qualifier[i] !== 0) o.qualifier = QUALIFIERS[c.qualifier[i] - 1];
    const by = at(c.strings, c.by[i]);
    if (by !== undefined) o.by = by;
    const provider = at(c.strings, c.provider[i]);
    if (provider !== undefined) o.provider = provider;
    return o;
  });
}

/** The embedded form of a whole dataset, as the functions bundle carries it. */
export interface CompactDataset {
  readonly meta: Meta;
  readonly series: readonly Series[];
  readonly sources: CompactSources;
  readonly observations: CompactObservations;
}

export function encodeDataset(d: Dataset): CompactDataset {
  return {
    meta: d.meta,
    series: d.series,
    sources: encodeSources(d.sources),
    observations: encodeObservations(d.observations, d.sources, d.series),
  };
}

export function decodeDataset(c: CompactDataset): CoreDataset {
  const sources = decodeSources(c.sources);
  return {
    meta: c.meta,
    series: c.series,
    sources,
    observations: decodeObservations(c.observations, sources),
  };
}
