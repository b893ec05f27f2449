import { pollRank, preferenceRank, ranksAbove, withinRounding } from "../../src/data/preference";
import type { Observation } from "../../src/data/dataset";

const report = (o: Partial<Observation>): Observation => ({
  series: "exports_yoy_consensus",
  period: "2026-04",
  value: 7,
  terms: "USD",
  kind: "consensus",
  source: "x",
  note: "A report for the preference tests.",
  ...o,
});
import type { Source } from "../../src/data/dataset";

type Page = Pick<Source, "tier" | "published">;
const wire: Page = { tier: "wire", published: "2026-05-09" };
const other: Page = { tier: "other", published: "2026-05-09" };

describe("the preference rule", () => {
  test("names polls: a Reuters poll, then another named survey, then unnamed economists", () => {
    expect(pollRank("Reuters poll")).toBe(0);
    expect(pollRank("economists forecast (Reuters poll per CNBC original)")).toBe(0);
    expect(pollRank("Caixin survey")).toBe(1);
    expect(pollRank("unnamed economists")).toBe(2);
    expect(pollRank(undefined)).toBe(2);
  });

  test("prefers a Reuters poll on a weaker page to another survey on a wire page", () => {
    const reuters = preferenceRank(report({ by: "Reuters poll" }), other, "pct");
    const caixin = preferenceRank(report({ by: "Caixin survey" }), wire, "pct");
    expect(ranksAbove(reuters, caixin)).toBe(true);
  });

  test("prefers unhedged, then precise, then a better tier, then earlier", () => {
    const actual = (o: Partial<Observation>) => report({ kind: "actual", series: "balance", ...o });
    const rank = (o: Partial<Observation>, s: Page = wire) => preferenceRank(actual(o), s, "bn");
    expect(ranksAbove(rank({ value: 1189 }), rank({ value: 1200, qualifier: "almost" }))).toBe(
      true
    );
    expect(
      ranksAbove(rank({ value: 1189 }, other), rank({ value: 1190, reportedAs: "$1.19 trillion" }))
    ).toBe(true);
    expect(ranksAbove(rank({ value: 1189 }), rank({ value: 1189 }, other))).toBe(true);
    expect(
      ranksAbove(
        rank({}, { ...wire, published: "2026-01-14" }),
        rank({}, { ...wire, published: "2026-01-15" })
      )
    ).toBe(true);
  });

  test("judges agreement by the ranges the rounding stands for", () => {
    expect(withinRounding(1189, 1190, 1, 10)).toBe(true);
    expect(withinRounding(5.5, 5.4, 0.1, 0.1)).toBe(false);
  });
});
