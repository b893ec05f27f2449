import type { Reported, Series, Source } from "../../data/dataset";
import type { PaneDetails } from "../../data/details";
import type { Catalog } from "../../core/catalog";

/** What the Sources tab filters by; empty strings mean "any". */
export interface SourceFilter {
  readonly query: string;
  readonly publisher: string;
  readonly provider: string;
  /** A year ("2025"): sources backing at least one figure of that year. */
  readonly year: string;
  /** A family of series ("Partners"): sources backing at least one figure of it. */
  readonly family: string;
}

export const NO_FILTER: SourceFilter = {
  query: "",
  publisher: "",
  provider: "",
  year: "",
  family: "",
};

/** How the pane names each family of series. */
export const FAMILY_NAMES: Readonly<Record<Series["group"], string>> = {
  headline: "Headline trade",
  partner: "Trade by partner",
  commodity: "Commodity volumes",
  macro: "Context (macro)",
};

/** One source with the observations it backs, ready to list. */
export interface SourceEntry {
  readonly source: Source;
  readonly observations: readonly Reported[];
  /** The words a search matches: the source's fields and its figures' series, periods and notes. */
  readonly text: string;
  /** Years of the figures it backs, ascending. */
  readonly years: readonly string[];
  /** Families of the series it backs, by their names. */
  readonly families: readonly string[];
}

/** Every source with the figures it backs, newest publication first. */
export function sourceEntries(
  catalog: Catalog,
  observations: readonly Reported[],
  details: PaneDetails
): SourceEntry[] {
  const bySource = new Map<string, Reported[]>();
  for (const o of observations) {
    const list = bySource.get(o.source);
    if (list) list.push(o);
    else bySource.set(o.source, [o]);
  }
  return [...catalog.sources.values()]
    .map((record) => {
      const source = details.source(record);
      const backed = bySource.get(source.id) ?? [];
      const years = [...new Set(backed.map((o) => o.period.slice(0, 4)))].sort();
      const families = [
        ...new Set(
          backed.map((o) => {
            const group = catalog.series.get(o.series)?.group;
            return group ? FAMILY_NAMES[group] : "";
          })
        ),
      ].filter(Boolean);
      const text = [
        source.id,
        source.publisher,
        source.title,
        source.provider,
        source.published,
        source.url,
        source.original?.publisher ?? "",
        ...backed.flatMap((o) => [o.series, o.period, details.note(o), o.by ?? ""]),
      ]
        .join(" ")
        .toLowerCase();
      return { source, observations: backed, years, families, text };
    })
    .sort(
      (a, b) =>
        b.source.published.localeCompare(a.source.published) ||
        a.source.publisher.localeCompare(b.source.publisher)
    );
}

/** The distinct values of a field, sorted, for a filter's choices. */
export function choices(
  entries: readonly SourceEntry[],
  field: "publisher" | "provider" | "year" | "family"
): string[] {
  const values = new Set<string>();
  for (const e of entries) {
    if (field === "year") e.years.forEach((y) => values.add(y));
    else if (field === "family") e.families.forEach((f) => values.add(f));
    else values.add(e.source[field]);
  }
  if (field === "family") return Object.values(FAMILY_NAMES).filter((name) => values.has(name));
  return [...values].sort((a, b) => (field === "year" ? b.localeCompare(a) : a.localeCompare(b)));
}

/** Sources matching every part of the filter; the query matches words anywhere in the record. */
export function filterSources(
  entries: readonly SourceEntry[],
  filter: SourceFilter
): SourceEntry[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    const s = e.source;
    if (filter.publisher && s.publisher !== filter.publisher) return false;
    if (filter.provider && s.provider !== filter.provider) return false;
    if (filter.year && !e.years.includes(filter.year)) return false;
    if (filter.family && !e.families.includes(filter.family)) return false;
    if (words.length === 0) return true;
    const text = e.text;
    return words.every((w) => text.includes(w));
  });
}

/** The date as the pane shows it: a date derived from the release it reports says so. */
export function dateText(s: Pick<Source, "published" | "dateFrom">): string {
  return s.dateFrom === "release" ? `${s.published} (day of the release it reports)` : s.published;
}

/** What a reviewer should know about how a source's title and date were read. */
export function sourceCaveats(s: Pick<Source, "titleFrom" | "dateFrom">): string[] {
  return [
    s.titleFrom === "url"
      ? "The stored page shows no headline; the title is the words of its address."
      : "",
    s.dateFrom === "release"
      ? "The page prints no date; it is dated by the earliest dated report of the same release."
      : "",
  ].filter(Boolean);
}
