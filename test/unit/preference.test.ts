import {
  pollRank,
  pollster,
  preferenceRank,
  ranksAbove,
  withinRounding,
} from "../../src/data/preference";
import { addin } from "../../src/core";
import { Catalog } from "../../src/core/catalog";
import { makeFunctions } from "../../src/core/cn";
import { MINI } from "../fixtures/mini-dataset";
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

describe("pollsters", () => {
  test("name one pollster however a report words its poll, and none for unnamed economists", () => {
    expect(pollster("Reuters poll")).toBe("Reuters");
    expect(pollster("economists forecast (Reuters poll per CNBC original)")).toBe("Reuters");
    expect(pollster("Bloomberg survey")).toBe("Bloomberg");
    expect(pollster("bloomberg consensus")).toBe("Bloomberg");
    expect(pollster("Yicai Research Institute survey")).toBe("Yicai");
    expect(pollster("Nomura")).toBe("Nomura");
    expect(pollster("unnamed consensus")).toBeUndefined();
    expect(pollster("Reuters poll (implied)")).toBeUndefined();
    expect(pollster("economists forecast (Reuters story cited)")).toBeUndefined();
    expect(pollster(undefined)).toBeUndefined();
  });

  test("two pollsters' figures are two forecasts, not sources that differ, and both are cited", () => {
    const { catalog, cn } = addin();
    const figure = catalog.figure("exports_yoy_consensus", "USD", "2023-03");
    expect(figure?.reports.map((o) => `${o.value} ${pollster(o.by)}`)).toEqual(
      expect.arrayContaining(["-7 Reuters", "-7.1 Bloomberg"])
    );
    expect(figure?.disagree).toBe(false);
    expect(catalog.polls(figure!)).toEqual(["Reuters", "Bloomberg"]);
    const text = String(cn.source("exports_yoy_consensus", "2023-03", null));
    expect(text).not.toMatch(/Sources differ/);
    expect(text).toMatch(/= -7% \(Reuters poll\)\..*giving -7\.1% \(Bloomberg survey\)/);
  });

  test("reports of one pollster that differ beyond rounding still say so; another poll does not", () => {
    const poll = (period: string, value: number, by: string, source: string, preferred?: boolean) =>
      report({ period, value, by, source, preferred, terms: "USD" });
    const catalog = new Catalog({
      ...MINI,
      observations: [
        ...MINI.observations.filter((o) => o.kind !== "consensus"),
        poll("2025-04", 2.0, "Reuters poll", MINI.sources[0].id, true),
        poll("2025-04", 2.6, "Bloomberg survey", MINI.sources[1].id, false),
        poll("2025-03", 3.1, "Reuters poll", MINI.sources[0].id, true),
        poll("2025-03", 3.5, "Reuters poll", MINI.sources[1].id, false),
      ],
    });
    expect(catalog.figure("exports_yoy_consensus", "USD", "2025-04")?.disagree).toBe(false);
    expect(catalog.figure("exports_yoy_consensus", "USD", "2025-03")?.disagree).toBe(true);
    const cn = makeFunctions(catalog);
    expect(cn.consensus("2025-04", null, "Bloomberg")).toBe(2.6);
    expect(cn.surprise("2025-04", null, "bloomberg survey")).toBe(6.1 - 0.6);
  });
});
