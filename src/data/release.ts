import { z } from "zod";
import { checkDataset, groupBy, growthMismatches } from "./check";
import {
  Dataset,
  KindSchema,
  Observation,
  PeriodIdSchema,
  QualifierSchema,
  Series,
  SourceSchema,
  TermsSchema,
  Unit,
} from "./dataset";
import { figureKey } from "./keys";
import { preferenceRank, ranksAbove } from "./preference";
import { scaleWord, SCALES } from "./rounding";
import { compareVersions, digestOf, Ledger } from "./versions";
import { publisherOf } from "./tiers";

/**
 * Adding one customs release to the dataset from a small file a maintainer writes: the reports
 * (address, publisher, date, provider, tier) and the figures as printed ("$3.77 trillion",
 * "-1.1%", "almost 20%", "flat"). Pure: the command (test/tools/data-release.ts) reads and writes
 * the files; everything here takes and returns values, and is tested on its own.
 */

/** One figure of a release file. */
export const ReleaseFigureSchema = z
  .object({
    series: z.string().min(1),
    period: PeriodIdSchema,
    /** "USD" by default for a series measured in a currency; ignored for volumes and rates. */
    terms: TermsSchema.optional(),
    kind: KindSchema.default("actual"),
    /** Who made a poll or forecast: "Reuters poll". */
    by: z.string().min(1).optional(),
    /** The report it comes from: a report's id. */
    report: z.string().min(1),
    /** The figure as the report printed it. */
    printed: z.string().min(1).max(40),
    /** Completes the note template (`{detail}`); or a whole note in our own words. */
    detail: z.string().optional(),
    note: z.string().min(12).optional(),
    /** The figure as a later release revised it. */
    revision: z.boolean().optional(),
    /** Allowed to change the value an existing report of this figure gave (a correction). */
    correction: z.boolean().optional(),
  })
  .strict();
export type ReleaseFigure = z.input<typeof ReleaseFigureSchema>;

export const ReleaseFileSchema = z
  .object({
    /** The release, for the change record: "2026-04" for April 2026's figures. */
    release: z.string().min(1),
    /** The new dataset version; by default today's date, with .1, .2… when taken. */
    version: z.string().optional(),
    /** The note of each figure whose note is not given: {what} {period} {terms} {publisher} {published} {printed} {detail}. */
    noteTemplate: z.string().min(12).optional(),
    reports: z.array(SourceSchema),
    figures: z.array(ReleaseFigureSchema).min(1),
  })
  .strict();
export type ReleaseFile = z.input<typeof ReleaseFileSchema>;

export const DEFAULT_NOTE_TEMPLATE =
  "{what}, {period}, as {publisher} reported the customs release on {published}.{detail}";

/** One version's record of what changed, which the pane's About tab shows. */
export interface Change {
  readonly version: string;
  readonly date: string;
  readonly release: string;
  readonly added: number;
  readonly revised: number;
  readonly corrected: number;
  /** "series period terms" of figures the dataset did not have before. */
  readonly newFigures: readonly string[];
  /** A maintainer's summary, for a version made without the release tool. */
  readonly summary?: string;
}

const HEDGES: readonly [RegExp, z.infer<typeof QualifierSchema>][] = [
  [/\b(about|around|roughly|some|approximately|nearly|close to)\b/i, "about"],
  [/\balmost\b/i, "almost"],
  [/\b(above|more than|over|exceeding)\b/i, "above"],
  [/\b(below|less than|under)\b/i, "below"],
];

export interface Printed {
  readonly value: number;
  readonly qualifier?: z.infer<typeof QualifierSchema>;
}

/**
 * A printed figure as a value in the series' unit, with its hedge: "$3.77 trillion" is 3770 (bn),
 * "-1.1%" and "fell 1.1%" are -1.1, "almost 20%" is 20 hedged "almost", "flat" is 0 hedged "flat",
 * "450,000 tonnes" is 450 (kt). Undefined when no figure can be read.
 */
export function parsePrinted(printed: string, unit: Unit): Printed | undefined {
  const text = printed.trim();
  if (/^(flat|unchanged)$/i.test(text)) return { value: 0, qualifier: "flat" };
  // One number, written with a decimal point and (optionally) commas between thousands: "22,7%"
  // or "39,044 миллиарда" could mean two things, and "rose 5% to $3.77 trillion" is two figures.
  const numbers = text.match(/\d(?:[\d.,]*\d)?/g) ?? [];
  if (numbers.length !== 1 || !/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(numbers[0]))
    return undefined;
  const m =
    /([-−–]?)\s*[$¥€]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(trillion|billion|million|thousand|trn|tn|bn|mln|mt|kt|m)?\b/i.exec(
      text
    );
  if (!m) return undefined;
  const digits = Number(`${m[2].replace(/,/g, "")}${m[3] ? `.${m[3]}` : ""}`);
  const scale = SCALES[unit][scaleWord(m[4] ?? "", unit)];
  if (scale === undefined) return undefined;
  const down =
    m[1] !== "" ||
    /\b(fell|fall|down|drop(ped)?|declin\w*|decrease\w*|contract\w*|shr[au]nk)\b/i.test(text);
  const value = Number(((down ? -1 : 1) * digits * scale).toPrecision(12));
  const qualifier = HEDGES.find(([re]) => re.test(text))?.[1];
  return qualifier ? { value, qualifier } : { value };
}

/** Fills the note template. */
export function fillNote(
  template: string,
  values: Record<
    "what" | "period" | "terms" | "publisher" | "published" | "printed" | "detail",
    string
  >
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? values[key as keyof typeof values] : whole
  );
}

export interface ReleaseResult {
  readonly dataset: Dataset;
  readonly ledger: Ledger;
  readonly changes: readonly Change[];
  readonly change: Change;
}

/** A record as JSON with its keys sorted, to compare records whatever order they were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))
        )
      : v
  );
}

/**
 * The next version for a day: "2026.12.02", then "2026.12.02.1", "2026.12.02.2"…, always after the
 * day's highest (a ledger holding 2026.12.02.1 to .7 gives 2026.12.02.8).
 */
export function nextVersion(ledger: Ledger, today: string): string {
  const base = today.replace(/-/g, ".");
  const taken = Object.keys(ledger)
    .filter((v) => v === base || v.startsWith(`${base}.`))
    .map((v) => (v === base ? 0 : Number(v.slice(base.length + 1))));
  return taken.length === 0 ? base : `${base}.${Math.max(...taken.filter(Number.isFinite)) + 1}`;
}

/**
 * Applies a release file to a dataset. Returns the new dataset, ledger and change record, or the
 * problems that stop it: nothing is half-applied.
 */
export function applyRelease(
  dataset: Dataset,
  ledger: Ledger,
  changes: readonly Change[],
  input: unknown,
  today: string
): ReleaseResult | { problems: string[] } {
  const parsed = ReleaseFileSchema.safeParse(input);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((i) => `release file: ${i.path.join(".")}: ${i.message}`),
    };
  const file = parsed.data;
  const problems: string[] = [];
  const d: Dataset = JSON.parse(JSON.stringify(dataset));
  const series = new Map<string, Series>(d.series.map((s) => [s.id, s]));
  const sources = new Map(d.sources.map((s) => [s.id, s]));

  for (const report of file.reports) {
    const existing = sources.get(report.id);
    if (!existing) {
      d.sources.push(report);
      sources.set(report.id, report);
    } else if (canonical(existing) !== canonical(report)) {
      problems.push(
        `report ${report.id} already exists with other details; give the new one another id`
      );
    }
  }

  let added = 0;
  let revised = 0;
  let corrected = 0;
  const newFigures: string[] = [];
  const touched = new Set<string>();
  const template = file.noteTemplate ?? DEFAULT_NOTE_TEMPLATE;
  for (const f of file.figures) {
    const s = series.get(f.series);
    const source = sources.get(f.report);
    const where = `${f.series} ${f.period}`;
    if (!s) {
      problems.push(`${where}: unknown series "${f.series}"`);
      continue;
    }
    if (!source) {
      problems.push(`${where}: unknown report "${f.report}"`);
      continue;
    }
    const read = parsePrinted(f.printed, s.unit);
    if (!read) {
      problems.push(
        `${where}: cannot read one figure in "${f.printed}": write the number as the page printed it, in English form, with a decimal point and its scale ("$39.04 billion", "22.7%", "12.55 million tonnes")`
      );
      continue;
    }
    const terms = s.currency ? (f.terms ?? "USD") : null;
    const detail = f.detail ? ` ${f.detail.trim()}` : "";
    const note =
      f.note ??
      fillNote(template, {
        what: s.name,
        period: f.period,
        terms: terms ?? "",
        publisher: publisherOf(source),
        published: source.published,
        printed: f.printed,
        detail,
      });
    const o: Observation = {
      series: f.series,
      period: f.period,
      value: read.value,
      terms,
      kind: f.kind,
      ...(read.qualifier ? { qualifier: read.qualifier } : {}),
      reportedAs: f.printed,
      ...(f.by ? { by: f.by } : {}),
      source: f.report,
      ...(f.revision ? { revision: true } : {}),
      note,
    };
    const key = figureKey(o);
    const same = d.observations.findIndex((x) => figureKey(x) === key && x.source === o.source);
    const isNew = !d.observations.some((x) => figureKey(x) === key);
    if (same >= 0) {
      const old = d.observations[same];
      if (old.value === o.value && old.qualifier === o.qualifier) continue;
      if (!f.correction) {
        problems.push(
          `${where}: ${f.report} already gives ${old.value}; this file says ${o.value}. Mark the figure "correction: true" if the report was corrected`
        );
        continue;
      }
      d.observations[same] = {
        ...o,
        ...(old.preferred !== undefined ? { preferred: old.preferred } : {}),
      };
      corrected++;
    } else {
      d.observations.push(o);
      if (f.revision) revised++;
      else added++;
      if (isNew) newFigures.push(`${f.series} ${f.period}${terms ? ` ${terms}` : ""}`);
    }
    touched.add(key);
  }
  if (problems.length > 0) return { problems };
  if (added + revised + corrected === 0)
    return {
      problems: ["the release adds, revises or corrects nothing the dataset does not have"],
    };

  // Preferred reports: the best-ranked first-release report (unhedged, most precise, best tier,
  // earliest), unless the figure's current choice is reconciled ("Returned over …" in its note).
  const groups = groupBy(d.observations, figureKey);
  for (const key of touched) {
    const group = groups.get(key) ?? [];
    const first = group.filter((x) => !x.revision);
    for (const r of group.filter((x) => x.revision)) r.preferred = false;
    if (first.length === 0) continue;
    const unit = series.get(group[0].series)?.unit ?? "bn";
    const current = first.find((x) => x.preferred);
    if (current && /Returned over/.test(current.note)) continue;
    let best = first[0];
    const rank = (o: Observation) => preferenceRank(o, sources.get(o.source), unit);
    for (const x of first) if (ranksAbove(rank(x), rank(best))) best = x;
    if (group.length === 1) delete best.preferred;
    else for (const x of first) x.preferred = x === best;
  }

  // Growth the levels do not reproduce: marked, with the rate they imply.
  for (const m of growthMismatches(d)) {
    if (m.growth.levelsDiffer || !touched.has(figureKey(m.growth))) continue;
    m.growth.levelsDiffer = true;
    m.growth.note += ` The stored levels a year apart (${m.before} and ${m.now}) imply ${m.implied.toFixed(1)}%: customs computes the change on revised year-earlier figures.`;
  }

  const version = file.version ?? nextVersion(ledger, today);
  const newest = Object.keys(ledger).sort(compareVersions).pop();
  if (newest && compareVersions(version, newest) <= 0)
    return {
      problems: [`version ${version} is not newer than ${newest}, the newest in the ledger`],
    };
  const newestSource = d.sources.reduce((max, s) => (s.published > max ? s.published : max), "");
  d.meta = { ...d.meta, version, asOf: newestSource > d.meta.asOf ? newestSource : d.meta.asOf };

  const check = checkDataset(d);
  if (check.length > 0) return { problems: check.map((p) => `after the release: ${p}`) };
  const change: Change = {
    version,
    date: today,
    release: file.release,
    added,
    revised,
    corrected,
    newFigures,
  };
  return {
    dataset: d,
    ledger: { ...ledger, [version]: digestOf(d) },
    changes: [...changes, change],
    change,
  };
}

/** What a release changed, as the command prints it. */
export function describeChange(c: Change): string {
  const lines = [
    `dataset ${c.version} (release ${c.release}): ${c.added} figure report(s) added, ${c.revised} revision(s), ${c.corrected} correction(s)`,
  ];
  if (c.newFigures.length > 0)
    lines.push(`coverage gained (${c.newFigures.length}): ${c.newFigures.join("; ")}`);
  return lines.join("\n");
}

/**
 * The README with its dataset counts brought up to date ("read from N public reports … M figures"),
 * which `npm test` checks; unchanged if it does not carry them.
 */
export function withCounts(readme: string, reports: number, figures: number): string {
  return readme
    .replace(/read from \d+ public(\s+)reports/, `read from ${reports} public$1reports`)
    .replace(
      /(customs and state media\): )[\d,]+ figures/,
      `$1${figures.toLocaleString("en-US")} figures`
    );
}
