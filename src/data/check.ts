import { Dataset, DatasetSchema, Observation, PERIOD_ID_PATTERN, Source, TIERS } from "./dataset";
import { pollRank, preferenceRank, ranksAbove, sameFigure } from "./preference";
import { roundingStep } from "./rounding";

export { roundingStep };
import { figureKey } from "./keys";

/**
 * Validates a dataset: its shape with zod, then the rules that tie records together.
 * Returns every problem found as a sentence; an empty list means the dataset is sound.
 * Runs in tests and data scripts only, never at workbook load.
 */
export function checkDataset(input: unknown): string[] {
  const parsed = DatasetSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  }
  const dataset = parsed.data;
  return [
    ...checkIds(dataset),
    ...checkReferences(dataset),
    ...checkDuplicates(dataset),
    ...checkBalances(dataset),
    ...checkGrowthAgainstLevels(dataset),
    ...checkCumulativeVolumes(dataset),
    ...checkPreferredTiers(dataset),
    ...checkRevisions(dataset),
    ...checkCitationAddresses(dataset),
    ...checkPartnersBelowHeadline(dataset),
    ...checkAsOf(dataset),
    ...checkDates(dataset),
    ...checkReleaseDates(dataset),
  ];
}

function checkIds(dataset: Dataset): string[] {
  const problems: string[] = [];
  for (const [what, ids] of [
    ["source", dataset.sources.map((s) => s.id)],
    ["series", dataset.series.map((s) => s.id)],
  ] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what} id "${id}" is defined twice`);
      seen.add(id);
    }
  }
  return problems;
}

function checkReferences(dataset: Dataset): string[] {
  const problems: string[] = [];
  const sources = new Set(dataset.sources.map((s) => s.id));
  const series = new Map(dataset.series.map((s) => [s.id, s]));
  const used = new Set<string>();
  dataset.observations.forEach((o, i) => {
    const where = `observation ${i} (${o.series} ${o.period})`;
    used.add(o.source);
    if (!sources.has(o.source)) problems.push(`${where}: unknown source "${o.source}"`);
    const s = series.get(o.series);
    if (!s) {
      problems.push(`${where}: unknown series "${o.series}"`);
    } else if (s.currency !== (o.terms !== null)) {
      problems.push(
        `${where}: terms must be ${s.currency ? '"USD" or "CNY"' : "null"} for series ${s.id}`
      );
    }
    if ((o.kind === "forecast" || o.kind === "target") && !o.by) {
      problems.push(`${where}: a ${o.kind} must name who made it ("by")`);
    }
  });
  for (const id of sources) {
    if (!used.has(id)) problems.push(`source "${id}" backs no observation`);
  }
  return problems;
}

function checkDuplicates(dataset: Dataset): string[] {
  const problems: string[] = [];
  for (const [key, group] of groupBy(dataset.observations, figureKey)) {
    const preferred = group.filter((o) => o.preferred).length;
    if (group.length > 1 && preferred !== 1) {
      problems.push(
        `${key}: ${group.length} observations need exactly one marked preferred (found ${preferred})`
      );
    }
    if (group.length === 1 && group[0].preferred === false) {
      problems.push(`${key}: its only observation is marked not preferred`);
    }
  }
  return problems;
}

/** Exports − imports must equal the balance within the rounding of the three figures. */
function checkBalances(dataset: Dataset): string[] {
  const problems: string[] = [];
  const preferred = preferredActuals(dataset);
  for (const [key, balance] of preferred) {
    const [series, period, terms] = key.split("|");
    if (series !== "balance") continue;
    const exports = preferred.get(["exports", period, terms].join("|"));
    const imports = preferred.get(["imports", period, terms].join("|"));
    if (!exports || !imports) continue;
    const tolerance = (roundingStep(exports) + roundingStep(imports) + roundingStep(balance)) / 2;
    const gap = exports.value - imports.value - balance.value;
    if (Math.abs(gap) > tolerance + 1e-9) {
      problems.push(
        `balance ${period} ${terms}: exports ${exports.value} − imports ${imports.value} = ${round(exports.value - imports.value)}, ` +
          `but the balance is ${balance.value} (tolerance ${round(tolerance)})`
      );
    }
  }
  return problems;
}

/** A published growth figure that the stored levels a year apart do not reproduce. */
export interface GrowthMismatch {
  readonly growth: Observation;
  readonly before: number;
  readonly now: number;
  /** The growth the levels imply, percent. */
  readonly implied: number;
  readonly tolerance: number;
}

/**
 * Growth figures (preferred actuals of `X_yoy` whose level series `X` exists) that the two levels
 * they compare do not reproduce within their rounding, marked levelsDiffer or not.
 */
export function growthMismatches(dataset: Dataset): GrowthMismatch[] {
  const found: GrowthMismatch[] = [];
  const preferred = preferredActuals(dataset);
  const units = new Map(dataset.series.map((s) => [s.id, s.unit]));
  const levels = new Set(
    dataset.series.filter((s) => s.unit !== "pct" && s.unit !== "trn").map((s) => s.id)
  );
  for (const [key, growth] of preferred) {
    const [series, period, terms] = key.split("|");
    // "exports_yoy" compares "exports" levels, "exports_us_yoy" compares "exports_us" levels.
    const level = /^(.+)_yoy$/.exec(series)?.[1];
    const flow = level !== undefined && levels.has(level) ? level : undefined;
    const previous = flow ? previousYear(period) : undefined;
    if (!flow || !previous) continue;
    const now = preferred.get([flow, period, terms].join("|"));
    const before = preferred.get([flow, previous, terms].join("|"));
    if (!now || !before) continue;
    const unit = units.get(flow) ?? "bn";
    const implied = (now.value / before.value - 1) * 100;
    const relative =
      roundingStep(now, unit) / 2 / Math.abs(now.value) +
      roundingStep(before, unit) / 2 / Math.abs(before.value);
    const tolerance = Math.abs(implied + 100) * relative + roundingStep(growth, "pct") / 2;
    if (Math.abs(implied - growth.value) > tolerance + 1e-9)
      found.push({ growth, before: before.value, now: now.value, implied, tolerance });
  }
  return found;
}

/**
 * A y/y growth figure must agree with the two levels it compares, within their rounding, unless
 * its note explains the difference and it is marked `levelsDiffer`.
 */
function checkGrowthAgainstLevels(dataset: Dataset): string[] {
  return growthMismatches(dataset)
    .filter((m) => !m.growth.levelsDiffer)
    .map(
      ({ growth: g, before, now, implied, tolerance }) =>
        `${g.series} ${g.period} ${g.terms ?? "-"}: published ${g.value} but the levels ${before} → ${now} give ` +
        `${round(implied)} (tolerance ${round(tolerance)}); mark it levelsDiffer with a note saying why`
    );
}

/**
 * A January-to-month volume (or a year's) must agree with the sum of that year's monthly volumes
 * where every one of them is in the dataset, within their rounding, unless marked `levelsDiffer`
 * with a note saying why (customs revises months after their first release).
 */
function checkCumulativeVolumes(dataset: Dataset): string[] {
  const problems: string[] = [];
  const preferred = preferredActuals(dataset);
  const volumes = new Map(
    dataset.series.filter((s) => ["mt", "kt", "t"].includes(s.unit)).map((s) => [s.id, s.unit])
  );
  for (const [key, total] of preferred) {
    const [series, period, terms] = key.split("|");
    const unit = volumes.get(series);
    const match = /^(\d{4})(?:-01\/(0[3-9]|1[01]))?$/.exec(period);
    if (!unit || !match || total.levelsDiffer) continue;
    const last = match[2] ? Number(match[2]) : 12;
    const parts = [`${match[1]}-01/02`];
    for (let m = 3; m <= last; m++) parts.push(`${match[1]}-${String(m).padStart(2, "0")}`);
    const months = parts.map((p) => preferred.get([series, p, terms].join("|")));
    if (months.some((o) => o === undefined)) continue;
    const found = months as Observation[];
    const sum = found.reduce((acc, o) => acc + o.value, 0);
    const tolerance =
      (found.reduce((acc, o) => acc + roundingStep(o, unit), 0) + roundingStep(total, unit)) / 2;
    if (Math.abs(sum - total.value) > tolerance + 1e-9) {
      problems.push(
        `${series} ${period}: the months add up to ${round(sum)} but the total is ${total.value} ` +
          `(tolerance ${round(tolerance)}); mark it levelsDiffer with a note saying why`
      );
    }
  }
  return problems;
}

/** Trade with one partner is part of China's trade: a partner's level is below the headline's. */
function checkPartnersBelowHeadline(dataset: Dataset): string[] {
  const problems: string[] = [];
  const preferred = preferredActuals(dataset);
  const partners = new Set(dataset.series.filter((s) => s.group === "partner").map((s) => s.id));
  for (const [key, part] of preferred) {
    const [series, period, terms] = key.split("|");
    const flow = partners.has(series) ? /^(exports|imports)_[a-z]+$/.exec(series)?.[1] : undefined;
    const whole = flow ? preferred.get([flow, period, terms].join("|")) : undefined;
    if (whole && part.value >= whole.value) {
      problems.push(
        `${series} ${period} ${terms}: ${part.value} is not below China's ${flow} of ${whole.value}`
      );
    }
  }
  return problems;
}

/**
 * The preferred report of a figure is, among the first-release reports that agree with it within
 * their rounding: not hedged where one is not, then the most precise (a rounded headline never
 * displaces the figure customs printed), then of the best tier, then the earliest. A report that
 * ranks higher, whether it agrees or gives another value, may be passed over only where the
 * preferred report's note explains why ("Returned over …").
 */
function checkPreferredTiers(dataset: Dataset): string[] {
  const problems: string[] = [];
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const units = new Map(dataset.series.map((s) => [s.id, s.unit]));
  for (const [key, group] of groupBy(dataset.observations, figureKey)) {
    const first = group.filter((o) => !o.revision);
    const preferred = first.find((o) => o.preferred);
    if (first.length < 2 || !preferred) continue;
    const unit = units.get(preferred.series) ?? "bn";
    const rank = (o: Observation) => preferenceRank(o, sources.get(o.source), unit);
    const better = (a: Observation, b: Observation) => ranksAbove(rank(a), rank(b));
    const agreeing = first.filter((o) => sameFigure(o, preferred, unit));
    const best = agreeing.find((o) => better(o, preferred));
    // A reconciled choice says why in its note ("Returned over …"): a more precise report can be
    // a misprint or a truncation that contradicts the other figures of the release.
    const explained = /Returned over/.test(preferred.note);
    if (best && !explained) {
      problems.push(
        `${key}: the preferred report (${preferred.source}) should be ${best.source}, which agrees with it and ranks higher (unhedged, poll, precision, tier, date)`
      );
    }
    // An exception can trade one rank for another (a wire page over a more precise aggregator),
    // never pass over a report that agrees and is as good on every count and better on one.
    const counts = rank(preferred).slice(0, 4) as number[];
    const dominating = agreeing.find((o) => {
      const r = rank(o).slice(0, 4) as number[];
      return r.every((x, i) => x <= counts[i]) && r.some((x, i) => x < counts[i]);
    });
    if (explained && dominating)
      problems.push(
        `${key}: the note of ${preferred.source} says why it is returned over other reports, but ${dominating.source} agrees with it and is as good or better on every count (hedge, poll, precision, tier); prefer it`
      );
    const betterPoll = first.filter((o) => pollRank(o.by) < pollRank(preferred.by));
    if (preferred.kind === "consensus" && betterPoll.length > 0 && !explained)
      problems.push(
        `${key}: ${betterPoll.map((o) => `${o.source} (${o.by})`).join(", ")} names a better poll than the preferred report (${preferred.by ?? "unnamed"}); prefer it, or say why not ("Returned over …")`
      );
    const tierOf = (o: Observation) => TIERS.indexOf(sources.get(o.source)?.tier ?? "other");
    // Another poll's figure is not passed over: polls are ranked by name above.
    const passedOver = first.filter(
      (o) =>
        !sameFigure(o, preferred, unit) &&
        !o.qualifier &&
        tierOf(o) < tierOf(preferred) &&
        (preferred.kind !== "consensus" || pollRank(o.by) === pollRank(preferred.by))
    );
    if (passedOver.length > 0 && !explained) {
      problems.push(
        `${key}: ${passedOver.map((o) => o.source).join(", ")} ranks above the preferred report but gives another value; the preferred report's note must say why it is returned over it ("Returned over …")`
      );
    }
  }
  return problems;
}

/**
 * A revision is a later release's value: it is never the preferred report (that is the first
 * release's), a figure cannot be only revisions, and a revision is published after the first release.
 */
function checkRevisions(dataset: Dataset): string[] {
  const problems: string[] = [];
  const published = new Map(dataset.sources.map((s) => [s.id, s.published]));
  for (const [key, group] of groupBy(dataset.observations, figureKey)) {
    const revisions = group.filter((o) => o.revision);
    if (revisions.length === 0) continue;
    const first = group.filter((o) => !o.revision);
    if (first.length === 0) {
      problems.push(`${key}: has revisions but no first release`);
      continue;
    }
    const released = first.map((o) => published.get(o.source) ?? "").sort()[0];
    for (const r of revisions) {
      if (r.preferred) problems.push(`${key}: the revision from ${r.source} is marked preferred`);
      if ((published.get(r.source) ?? "") <= released)
        problems.push(
          `${key}: the revision from ${r.source} is not published after the first release (${released})`
        );
    }
  }
  return problems;
}

/** Addresses a reader would not open: APIs, feeds, and query-only post numbers. */
export const NOT_A_PAGE = /\/wp-json\/|\/feed\/?$|\/rss(\/|$)|\/api\/|[?&]p=\d+$/i;

/** Every source cites the page a reader would open, never an API, feed or query-only address. */
function checkCitationAddresses(dataset: Dataset): string[] {
  const problems: string[] = [];
  const pages = (s: Source) => [s.url, s.original?.url ?? ""];
  for (const s of dataset.sources) {
    for (const url of pages(s)) {
      if (NOT_A_PAGE.test(url))
        problems.push(`source "${s.id}" cites ${url}, which is not a page a reader would open`);
    }
  }
  return problems;
}

function checkAsOf(dataset: Dataset): string[] {
  const latest = dataset.sources.reduce((max, s) => (s.published > max ? s.published : max), "");
  return latest > dataset.meta.asOf
    ? [`meta.asOf ${dataset.meta.asOf} is older than the newest source (${latest})`]
    : [];
}

/** A report cannot be published before the period whose outcome it reports has ended. */
function checkDates(dataset: Dataset): string[] {
  const problems = new Set<string>();
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  for (const o of dataset.observations) {
    const source = sources.get(o.source);
    if (!source || o.kind !== "actual") continue;
    const end = periodEnd(o.period);
    if (end !== undefined && source.published <= end) {
      problems.add(
        `source "${source.id}" is dated ${source.published}, before ${o.period} ended, yet reports its ${o.series}`
      );
    }
  }
  return [...problems];
}

/**
 * A source dated by the release it reports (`dateFrom: "release"`) carries the earliest date of
 * the dated reports of its latest released period: the date is derived from other sources, never
 * guessed, and a page with nothing released to date it by cannot be used. That earliest report must
 * fall within a month of the period's end, or it is a later retrospective, not the release.
 */
function checkReleaseDates(dataset: Dataset): string[] {
  const problems: string[] = [];
  const latest = new Map<string, string>();
  const earliestDated = new Map<string, string>();
  const dated = new Map(dataset.sources.map((s) => [s.id, s.dateFrom === undefined]));
  const published = new Map(dataset.sources.map((s) => [s.id, s.published]));
  for (const o of dataset.observations) {
    if (o.kind !== "actual") continue;
    const current = latest.get(o.source);
    if (current === undefined || (periodEnd(o.period) ?? "") > (periodEnd(current) ?? "")) {
      latest.set(o.source, o.period);
    }
    const date = published.get(o.source);
    const known = earliestDated.get(o.period);
    if (dated.get(o.source) && date && (known === undefined || date < known)) {
      earliestDated.set(o.period, date);
    }
  }
  for (const s of dataset.sources) {
    if (s.dateFrom !== "release") continue;
    const period = latest.get(s.id);
    const release = period === undefined ? undefined : earliestDated.get(period);
    if (period === undefined) {
      problems.push(`source "${s.id}" is dated by a release but reports no released figure`);
    } else if (release === undefined) {
      problems.push(
        `source "${s.id}" is dated by the release of ${period}, which no dated report gives`
      );
    } else if (daysBetween(periodEnd(period) ?? release, release) > RELEASE_WITHIN_DAYS) {
      problems.push(
        `source "${s.id}" is dated by the release of ${period}, but its earliest dated report, ${release}, ` +
          `is more than ${RELEASE_WITHIN_DAYS} days after the period: no report of the release day itself to date it by`
      );
    } else if (release !== s.published) {
      problems.push(
        `source "${s.id}" is dated ${s.published} by the release of ${period}, but the earliest dated report of it is ${release}`
      );
    }
  }
  return problems;
}

/** Customs publishes a month's (or a year's) figures within a few weeks of its end. */
const RELEASE_WITHIN_DAYS = 31;

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** The last day of a period id, as YYYY-MM-DD; undefined for an id that does not parse. */
export function periodEnd(period: string): string | undefined {
  const match = PERIOD_ID_PATTERN.exec(period);
  if (!match) return undefined;
  const [, y, month, cumulativeTo, quarter] = match;
  const lastMonth = month
    ? Number(month)
    : cumulativeTo
      ? Number(cumulativeTo)
      : quarter
        ? Number(quarter) * 3
        : 12;
  const lastDay = new Date(Date.UTC(Number(y), lastMonth, 0)).getUTCDate();
  return `${y}-${String(lastMonth).padStart(2, "0")}-${String(lastDay).padStart(2, "0")}`;
}

/** Preferred (or only) actual observations keyed "series|period|terms". */
function preferredActuals(dataset: Dataset): Map<string, Observation> {
  const result = new Map<string, Observation>();
  for (const group of groupBy(
    dataset.observations.filter((o) => o.kind === "actual"),
    figureKey
  ).values()) {
    const chosen = group.length === 1 ? group[0] : group.find((o) => o.preferred);
    if (chosen && !chosen.qualifier)
      result.set([chosen.series, chosen.period, chosen.terms ?? "-"].join("|"), chosen);
  }
  return result;
}

function previousYear(period: string): string | undefined {
  const match = /^(\d{4})(.*)$/.exec(period);
  return match ? `${Number(match[1]) - 1}${match[2]}` : undefined;
}

/** Items by key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
