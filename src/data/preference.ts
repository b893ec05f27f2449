import type { Observation, Source, Unit } from "./dataset";
import { roundingStep } from "./rounding";
import { TIERS } from "./tiers";

/** Pollsters a consensus can name, matched as words of its `by`. */
const POLLSTERS = ["Reuters", "Bloomberg", "Wind", "Caixin", "Trading Economics", "Yicai"].map(
  (name) => ({ name, word: new RegExp(`\\b${name}\\b`, "i") })
);

/**
 * How a poll is named: a Reuters poll first (the consensus the add-in documents), then another
 * named survey (Bloomberg, Wind, Caixin…), then unnamed economists, and a pollster only implied.
 */
export function pollRank(by: string | undefined): number {
  // "Reuters poll (implied)": the page names the pollster for another figure, not this one.
  if (!by || /\bimplied\b/i.test(by)) return 2;
  if (/reuters poll/i.test(by)) return 0;
  if (POLLSTERS.some((p) => p.name !== "Reuters" && p.word.test(by))) return 1;
  return /unnamed|economists|analysts|median estimate|consensus|forecast/i.test(by) ? 2 : 1;
}

/**
 * Who ran the poll behind a consensus, as one name: "Reuters" for a Reuters poll, "Bloomberg",
 * "Wind"…, another named survey as written; undefined for unnamed economists. Two reports of one
 * pollster are the same poll; two pollsters are two forecasts, never sources that differ.
 */
export function pollster(by: string | undefined): string | undefined {
  const rank = pollRank(by);
  if (by === undefined || rank === 2) return undefined;
  if (rank === 0) return "Reuters";
  return POLLSTERS.find((p) => p.word.test(by))?.name ?? by.trim();
}

/**
 * Which report of a figure is preferred, in one place for the dataset's checks and the release
 * tool: unhedged first, then (for a consensus) the best-named poll, then the most precise (a
 * rounded headline never displaces the figure customs printed), then the best tier, then the
 * earliest.
 */
export function preferenceRank(
  o: Observation,
  source: Pick<Source, "tier" | "published"> | undefined,
  unit: Unit
): readonly (number | string)[] {
  return [
    o.qualifier ? 1 : 0,
    o.kind === "consensus" ? pollRank(o.by) : 0,
    roundingStep(o, unit),
    source ? TIERS.indexOf(source.tier) : TIERS.length,
    source?.published ?? "",
  ];
}

/** Whether rank `a` comes before rank `b`. */
export function ranksAbove(
  a: readonly (number | string)[],
  b: readonly (number | string)[]
): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * Whether two values can be the same figure as each was rounded: the ranges their printed forms
 * stand for overlap (1189 and "$1.19 trillion" do; 5.5 and 5.4 do not).
 */
export function withinRounding(a: number, b: number, stepA: number, stepB: number): boolean {
  return Math.abs(a - b) < (stepA + stepB) / 2 - 1e-9;
}

/** withinRounding for two reports of a series in `unit`. */
export function sameFigure(a: Observation, b: Observation, unit: Unit): boolean {
  return withinRounding(a.value, b.value, roundingStep(a, unit), roundingStep(b, unit));
}
