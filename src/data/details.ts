import {
  encodeObservationDetails,
  encodeSourceDetails,
  ObservationDetails,
  SourceDetails,
} from "./compact";
import type { Dataset, Observation, Reported, Source, SourceRecord } from "./dataset";
import type { Change } from "./release";

/**
 * What the pane shows beyond what the functions compute with: each figure's note and printed
 * form, each source's title and how its title and date were read. The functions' own records are
 * used as they are; these are looked up beside them by position, so the page holds one copy of
 * the dataset.
 */
export class PaneDetails {
  private readonly observationIndex: Map<Reported, number>;
  private readonly sourceIndex: Map<SourceRecord, number>;
  private readonly levels: Set<number>;
  private readonly titledFromUrl: Set<number>;
  private readonly datedByRelease: Set<number>;
  private readonly fullSources = new Map<SourceRecord, Source>();

  constructor(
    observations: readonly Reported[],
    sources: readonly SourceRecord[],
    private readonly o: ObservationDetails,
    private readonly s: SourceDetails,
    /** What each dataset version changed (the release tool's record), oldest first. */
    readonly changes: readonly Change[] = []
  ) {
    this.observationIndex = new Map(observations.map((x, i) => [x, i]));
    this.sourceIndex = new Map(sources.map((x, i) => [x, i]));
    this.levels = new Set(o.levelsDiffer);
    this.titledFromUrl = new Set(s.titleFromUrl);
    this.datedByRelease = new Set(s.dateFromRelease);
  }

  /** The details of a dataset whose records carry them (tests, tools). */
  static of(dataset: Pick<Dataset, "observations" | "sources">): PaneDetails {
    return new PaneDetails(
      dataset.observations,
      dataset.sources,
      encodeObservationDetails(dataset.observations),
      encodeSourceDetails(dataset.sources)
    );
  }

  note(o: Reported): string {
    return this.o.notes[this.observationIndex.get(o) ?? -1] ?? "";
  }

  /** The figure as the publication printed it ("$3.77 trillion"), where that shows its rounding. */
  reportedAs(o: Reported): string | undefined {
    return this.o.reportedAs[this.observationIndex.get(o) ?? -1] || undefined;
  }

  levelsDiffer(o: Reported): boolean {
    return this.levels.has(this.observationIndex.get(o) ?? -1);
  }

  /** An observation with everything the pane shows of it. */
  observation(o: Reported): Observation {
    const reportedAs = this.reportedAs(o);
    return {
      ...o,
      note: this.note(o),
      ...(reportedAs ? { reportedAs } : {}),
      ...(this.levelsDiffer(o) ? { levelsDiffer: true } : {}),
    };
  }

  /** A source with its title and how its title and date were read (built once per source). */
  source(record: SourceRecord): Source {
    let full = this.fullSources.get(record);
    if (!full) {
      const i = this.sourceIndex.get(record) ?? -1;
      const originalTitle = this.s.originalTitles[i];
      const accessed = this.s.accessed?.[i];
      full = {
        ...record,
        title: this.s.titles[i] ?? record.id,
        ...(record.original
          ? { original: { ...record.original, ...(originalTitle ? { title: originalTitle } : {}) } }
          : {}),
        ...(accessed ? { accessed } : {}),
        ...(this.titledFromUrl.has(i) ? { titleFrom: "url" as const } : {}),
        ...(this.datedByRelease.has(i) ? { dateFrom: "release" as const } : {}),
      };
      this.fullSources.set(record, full);
    }
    return full;
  }
}
