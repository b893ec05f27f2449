import { z } from "zod";
import { Tier, TIERS } from "./tiers";

/**
 * The dataset's types, each beside the zod schema that validates it.
 *
 * Validation runs in tests and data scripts, never in the functions bundle: the bundle imports
 * only the types (erased at build) and the JSON itself.
 */

/**
 * Canonical period ids: a year, a month, a January-to-month total (the combined January–February
 * release "2025-01/02", or year-to-date such as "2025-01/11"; January–December is the year), or a
 * quarter. Group 3 is the last month of a January-to-month total.
 */
export const PERIOD_ID_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-01\/(0[2-9]|1[01])|-Q([1-4]))?$/;

export const PeriodIdSchema = z
  .string()
  .regex(
    PERIOD_ID_PATTERN,
    'a period id such as "2025", "2025-12", "2025-01/02", "2025-01/11" or "2025-Q4"'
  );

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
/**
 * A web address as the page is published. Some official sources (People's Daily English, the
 * State Council Information Office, customs' English site) are served over plain http, so both
 * web schemes pass; any other scheme (javascript:, data:, file:) is rejected.
 */
const WebUrlSchema = z.url({ protocol: /^https?$/ });

export const TermsSchema = z.enum(["USD", "CNY"]);
export type Terms = z.infer<typeof TermsSchema>;

export const KindSchema = z.enum(["actual", "consensus", "forecast", "target"]);
export type Kind = z.infer<typeof KindSchema>;

/** How a publication hedged a figure ("almost $1.2 trillion", "above $1 trillion", "flat"). */
export const QualifierSchema = z.enum(["about", "almost", "nearly", "above", "below", "flat"]);
export type Qualifier = z.infer<typeof QualifierSchema>;

/**
 * bn and trn: billions and trillions of the currency of the terms; pct: percent; mt, kt, t: million
 * tonnes, thousand tonnes, tonnes; mbpd: million barrels per day.
 */
export const UnitSchema = z.enum(["bn", "trn", "pct", "mt", "kt", "t", "mbpd"]);
export type Unit = z.infer<typeof UnitSchema>;

/** A source's tier (see tiers.ts). */
export const TierSchema = z.enum(TIERS);
export { TIERS };
export type { Tier };

export const OriginalSchema = z
  .object({
    publisher: z.string().min(1),
    title: z.string().min(1).optional(),
    url: WebUrlSchema,
  })
  .strict();

/** One publication: where a figure was read. A repost names the original it copies. */
export const SourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a kebab-case id"),
    publisher: z.string().min(1),
    title: z.string().min(1),
    url: WebUrlSchema,
    published: DateSchema,
    provider: z.string().min(1),
    tier: TierSchema,
    /** The day the page was read for this dataset. */
    accessed: DateSchema.optional(),
    original: OriginalSchema.optional(),
    /**
     * Absent when the title is the headline printed on the page. "url" when the stored page shows
     * no headline and the title is the page address's slug, words unchanged.
     */
    titleFrom: z.literal("url").optional(),
    /**
     * Absent when the date is printed on the page or in its address. "release" when the page prints
     * none and `published` is the day of the customs release it reports: the earliest dated report of
     * that release in the dataset, which `npm test` checks.
     */
    dateFrom: z.literal("release").optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

/** A series: what its values measure and in which unit. */
export const SeriesSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "a snake_case id"),
    name: z.string().min(1),
    unit: UnitSchema,
    /** Whether the series is measured in a currency's terms (USD or CNY). */
    currency: z.boolean(),
    /** The family the pane groups it in: headline trade, trade by partner, commodity volumes. */
    group: z.enum(["headline", "partner", "commodity", "macro"]),
    description: z.string().min(1),
  })
  .strict();
export type Series = z.infer<typeof SeriesSchema>;

/** One figure as one publication reported it. */
export const ObservationSchema = z
  .object({
    series: z.string().min(1),
    period: PeriodIdSchema,
    value: z.number().finite(),
    terms: TermsSchema.nullable(),
    kind: KindSchema,
    qualifier: QualifierSchema.optional(),
    /** The figure as the publication wrote it when that shows its rounding: "$3.77 trillion". */
    reportedAs: z.string().min(1).max(40).optional(),
    /** Who made a forecast, target or poll when it is not the publisher: "Natixis", "Reuters poll". */
    by: z.string().min(1).optional(),
    /** The data provider for this figure when it differs from the source's usual provider. */
    provider: z.string().min(1).optional(),
    source: z.string().min(1),
    /** Marks the figure the functions return when several observations report the same thing. */
    preferred: z.boolean().optional(),
    /**
     * The figure as a later release revised it: the source's date is when the revision was
     * published. The functions return the latest revision; CN.SURPRISE keeps the first release.
     */
    revision: z.boolean().optional(),
    /** A growth figure that disagrees with the levels it compares (revised levels); the note says why. */
    levelsDiffer: z.boolean().optional(),
    /** What the figure is, in our own words. */
    note: z.string().min(12),
  })
  .strict();
export type Observation = z.infer<typeof ObservationSchema>;

export const MetaSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(?:\.\d+)?$/, "a version such as 2026.11.23"),
    asOf: DateSchema,
    title: z.string().min(1),
    license: z.string().min(1),
  })
  .strict();
export type Meta = z.infer<typeof MetaSchema>;

/**
 * An observation as the functions carry it: without the words only the pane shows, but with the
 * rounding step its printed form implies (`step`, in the series' unit) where it had one.
 */
export type Reported = Omit<Observation, "note" | "reportedAs" | "levelsDiffer"> & {
  readonly step?: number;
};

/** A source as the functions carry it: what a citation needs. */
export type SourceRecord = Omit<
  Source,
  "title" | "titleFrom" | "dateFrom" | "accessed" | "original"
> & {
  original?: Omit<z.infer<typeof OriginalSchema>, "title">;
};

/** The dataset the functions compute from: the full dataset is one, with more in each record. */
export interface CoreDataset {
  readonly meta: Meta;
  readonly series: readonly Series[];
  readonly sources: readonly SourceRecord[];
  readonly observations: readonly Reported[];
}

export const DatasetSchema = z
  .object({
    meta: MetaSchema,
    sources: z.array(SourceSchema),
    series: z.array(SeriesSchema),
    observations: z.array(ObservationSchema),
  })
  .strict();
export type Dataset = z.infer<typeof DatasetSchema>;
