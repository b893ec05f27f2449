import { Catalog } from "../../src/core/catalog";
import { makeFunctions } from "../../src/core/cn";
import { isCoreError } from "../../src/core/errors";
import { evaluateCall } from "../../src/taskpane/provenance";
import {
  describeValue,
  explainFormula,
  mentionsCn,
  referencesIn,
} from "../../src/taskpane/view/explain";
import { formulaFor, seriesFormula } from "../../src/taskpane/view/formulas";
import { catalogueRows, chartModel, valueRows } from "../../src/taskpane/view/series";
import {
  choices,
  dateText,
  filterSources,
  NO_FILTER,
  sourceCaveats,
  sourceEntries,
} from "../../src/taskpane/view/sources";
import { parsePeriod } from "../../src/core/period";
import { PaneDetails } from "../../src/data/details";
import { MINI } from "../fixtures/mini-dataset";

function parsePeriodOrThrow(id: string) {
  const p = parsePeriod(id);
  if (isCoreError(p)) throw new Error(p.message);
  return p;
}

const catalog = new Catalog(MINI);
const cn = makeFunctions(catalog);
const entries = sourceEntries(catalog, MINI.observations, PaneDetails.of(MINI));
const noRefs = new Map<string, unknown>();

describe("source list", () => {
  test("lists every source with the figures it backs and their years", () => {
    expect(entries.map((e) => e.source.id).sort()).toEqual(MINI.sources.map((s) => s.id).sort());
    const other = entries.find((e) => e.source.id === "other-2026-01-01");
    expect(other?.observations.map((o) => o.period)).toEqual(["2025", "2026"]);
    expect(other?.years).toEqual(["2025", "2026"]);
  });

  test("filters by words anywhere in the record, every word required", () => {
    expect(
      filterSources(entries, { ...NO_FILTER, query: "other wire" }).map((e) => e.source.id)
    ).toEqual(["other-2026-01-01"]);
    expect(
      filterSources(entries, { ...NO_FILTER, query: "natixis" }).map((e) => e.source.id)
    ).toEqual(["fixture-2026-01-01"]);
    expect(filterSources(entries, { ...NO_FILTER, query: "other nosuchword" })).toEqual([]);
    expect(filterSources(entries, NO_FILTER)).toHaveLength(entries.length);
  });

  test("filters by publisher, provider and year", () => {
    expect(filterSources(entries, { ...NO_FILTER, publisher: "Fixture Press" })).toHaveLength(1);
    expect(filterSources(entries, { ...NO_FILTER, year: "2024" }).map((e) => e.source.id)).toEqual([
      "fixture-2026-01-01",
    ]);
    expect(choices(entries, "year")[0]).toBe("2026");
    expect(choices(entries, "publisher")).toEqual(["Fixture Press", "Other Wire"]);
    expect(
      filterSources(entries, { ...NO_FILTER, family: "Commodity volumes" }).map((e) => e.source.id)
    ).toEqual(["fixture-2026-01-01"]);
    expect(choices(entries, "family")).toEqual([
      "Headline trade",
      "Trade by partner",
      "Commodity volumes",
    ]);
  });

  test("says when a title comes from the address and a date from the release", () => {
    expect(sourceCaveats({})).toEqual([]);
    expect(dateText({ published: "2024-09-10" })).toBe("2024-09-10");
    expect(sourceCaveats({ titleFrom: "url", dateFrom: "release" })).toEqual([
      expect.stringMatching(/no headline; the title is the words of its address/),
      expect.stringMatching(/prints no date; it is dated by the earliest dated report/),
    ]);
    expect(dateText({ published: "2024-09-10", dateFrom: "release" })).toBe(
      "2024-09-10 (day of the release it reports)"
    );
  });
});

describe("formula text for a figure", () => {
  const fig = (series: string, terms: "USD" | "CNY", period: string) => {
    const f = catalog.figure(series, terms, period);
    if (!f) throw new Error(`fixture lacks ${series} ${period}`);
    return f;
  };

  test("uses the shortest function: YOY, SURPLUS, CONSENSUS, CNY terms", () => {
    expect(formulaFor(fig("exports_yoy", "USD", "2025-04"))).toBe('=CN.YOY("2025-04")');
    expect(formulaFor(fig("exports_yoy", "CNY", "2025-04"))).toBe(
      '=CN.YOY("2025-04", "exports", "CNY")'
    );
    expect(formulaFor(fig("exports_yoy", "USD", "2025"))).toBe("=CN.YOY(2025)");
    expect(formulaFor(fig("balance", "USD", "2025-04"))).toBe('=CN.SURPLUS("2025-04")');
    expect(formulaFor(fig("exports_yoy_consensus", "USD", "2025-04"))).toBe(
      '=CN.CONSENSUS("2025-04")'
    );
  });

  test("names the forecaster of a forecast, and spills a series with CN.SERIES", () => {
    const natixis = catalog
      .forecasts("exports_yoy", "USD", "2026")
      .find((f) => f.preferred.by === "Natixis");
    expect(natixis && formulaFor(natixis)).toBe('=CN.FORECAST(2026, "exports_yoy", "Natixis")');
    expect(seriesFormula("exports_yoy", "USD")).toBe('=CN.SERIES("exports_yoy")');
    expect(seriesFormula("balance", "CNY")).toBe('=CN.SERIES("balance", , , "CNY")');
  });

  test("every inserted formula evaluates to the figure's value", () => {
    for (const row of catalogueRows(catalog)) {
      for (const terms of row.terms) {
        for (const r of valueRows(catalog, row.series.id, terms)) {
          const explained = explainFormula(formulaFor(r.figure), noRefs, cn, catalog);
          expect(explained.kind).toBe("calls");
          if (explained.kind === "calls") expect(explained.calls[0].value).toBe(r.value);
        }
      }
    }
  });
});

describe("series views", () => {
  test("the catalogue gives terms and coverage of each series", () => {
    const row = catalogueRows(catalog).find((r) => r.series.id === "exports_yoy");
    expect(row?.terms).toEqual(["USD", "CNY"]);
    expect(row?.coverage).toContain("USD: annual 2024 to 2025");
  });

  test("values carry kind, source count and a disagreement mark, forecasts last", () => {
    const rows = valueRows(catalog, "exports_yoy", "USD");
    const y2025 = rows.find((r) => r.period === "2025");
    expect(y2025).toMatchObject({ value: 5.5, sources: 2, disagree: true });
    expect(rows.slice(-2).map((r) => r.kind)).toEqual([
      "forecast (Natixis)",
      "forecast (Other Bank)",
    ]);
  });

  test("the chart draws one frequency, inside its box, with a zero line", () => {
    const model = chartModel(valueRows(catalog, "exports_yoy", "USD"));
    expect(model).not.toBeNull();
    if (!model) return;
    expect(model.first).toBe("2025-01/02");
    expect(model.last).toBe("2025-04");
    expect(model.kind).toBe("bar");
    for (const p of model.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(model.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(model.height);
    }
    expect(model.zeroY).not.toBeNull();
    expect(chartModel([])).toBeNull();
  });

  test("places values by time and breaks the line at missing months", () => {
    const rows = valueRows(catalog, "exports_yoy", "USD");
    const many = [
      "2025-01/02",
      "2025-03",
      "2025-04",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
    ].map((period, i) => ({
      ...rows[0],
      period,
      value: i,
      figure: { ...rows[0].figure, period: parsePeriodOrThrow(period) },
    }));
    const model = chartModel(many);
    expect(model?.kind).toBe("line");
    // January–February, March, April run on; May and June are missing; July to January run on.
    expect(model?.runs).toEqual([
      [0, 1, 2],
      [3, 4, 5, 6, 7, 8, 9],
    ]);
    const xs = model?.points.map((p) => p.x) ?? [];
    expect(xs[3] - xs[2]).toBeCloseTo(3 * (xs[2] - xs[1]), 0);
  });
});

describe("cell explanation", () => {
  test("a cell without CN.* says so; an empty one is empty", () => {
    expect(explainFormula("", noRefs, cn, catalog).kind).toBe("empty");
    expect(explainFormula(42, noRefs, cn, catalog).kind).toBe("no-cn");
    expect(explainFormula("=SUM(A1:A3)", noRefs, cn, catalog).kind).toBe("no-cn");
    expect(mentionsCn("=SUM(1)")).toBe(false);
    expect(mentionsCn("=cn.yoy(2025)")).toBe(true);
  });

  test("an unreadable formula gives the parser's reason", () => {
    const e = explainFormula('=CN.YOY("2025-04"', noRefs, cn, catalog);
    expect(e).toMatchObject({ kind: "unreadable" });
  });

  test("explains a literal call with its value and the figures behind it", () => {
    const e = explainFormula('=CN.YOY("2025", "exports")', noRefs, cn, catalog);
    if (e.kind !== "calls") throw new Error(e.kind);
    expect(e.calls[0].value).toBe(5.5);
    expect(e.calls[0].figures[0].reports.map((o) => o.value)).toEqual([5.5, 5.4]);
  });

  test("reads arguments from referenced cells, with ; separators and strings with commas", () => {
    const refs = new Map<string, unknown>([
      ["B1", "Apr 2025"],
      ["'My, sheet'!C2", "imports"],
    ]);
    const formula = '=CN.YOY(B1; "exports") & ", " & CN.SURPLUS(B1)';
    expect(referencesIn(formula)).toEqual(["B1"]);
    const e = explainFormula(formula, refs, cn, catalog);
    if (e.kind !== "calls") throw new Error(e.kind);
    expect(e.calls.map((c) => [c.name, c.value])).toEqual([
      ["CN.YOY", 8.1],
      ["CN.SURPLUS", 96.18],
    ]);
    expect(e.calls[0].args[0]).toMatchObject({ text: "B1", from: "reference", value: "Apr 2025" });
    expect(referencesIn("=CN.VALUE('My, sheet'!C2, 2025)")).toEqual(["'My, sheet'!C2"]);
  });

  test("evaluates nested CN.* calls and marks arguments computed by Excel as unknown", () => {
    const nested = explainFormula(
      '=CN.SURPRISE(CN.VALUE("exports_yoy", "2025-04") - 6.1 + 0, "exports")',
      noRefs,
      cn,
      catalog
    );
    if (nested.kind !== "calls") throw new Error(nested.kind);
    expect(nested.calls[0].value).toBeNull();
    expect(nested.calls[0].unknown).toContain("computed by Excel");
    expect(nested.calls[1].value).toBe(8.1);
    const inner = explainFormula("=CN.YOY(CN.VINTAGE())", noRefs, cn, catalog);
    if (inner.kind !== "calls") throw new Error(inner.kind);
    expect(inner.calls[1].value).toContain("CN Trade dataset");
    expect(isCoreError(inner.calls[0].value)).toBe(true);
  });

  test("a range argument is answered cell by cell with the figures of each", () => {
    const refs = new Map<string, unknown>([["A1:A2", [["2025-04"], ["2025-07"]]]]);
    const e = explainFormula("=CN.YOY(A1:A2)", refs, cn, catalog);
    if (e.kind !== "calls") throw new Error(e.kind);
    const value = e.calls[0].value as unknown[][];
    expect(value[0][0]).toBe(8.1);
    expect(isCoreError(value[1][0])).toBe(true);
    expect(e.calls[0].figures).toHaveLength(1);
    expect(describeValue(value)).toBe("2 × 1 values");
  });

  test("describes values as a cell shows them", () => {
    expect(describeValue(6.6)).toBe("6.6");
    expect(describeValue("x")).toBe('"x"');
    expect(describeValue(null)).toBe("(empty)");
    expect(describeValue([[1]])).toBe("1");
    expect(describeValue({ kind: "NotAvailable", message: "none" })).toBe("#N/A none");
  });
});

describe("evaluateCall", () => {
  test("finds both figures behind CN.SURPRISE and every row behind CN.SERIES", () => {
    const surprise = evaluateCall(cn, catalog, "CN.SURPRISE", ["2025-04"]);
    if (isCoreError(surprise)) throw new Error(surprise.message);
    expect(surprise.value).toBe(6.1);
    expect(surprise.figures.map((f) => f.series)).toEqual(["exports_yoy", "exports_yoy_consensus"]);
    const series = evaluateCall(cn, catalog, "SERIES", ["exports_yoy", 2024, 2025]);
    if (isCoreError(series)) throw new Error(series.message);
    expect(series.figures.map((f) => f.period.id)).toEqual(["2024", "2025"]);
  });

  test("rejects unknown functions, too many arguments and ranges where values are needed", () => {
    expect(evaluateCall(cn, catalog, "CN.NOPE", [])).toMatchObject({ kind: "InvalidArgument" });
    expect(evaluateCall(cn, catalog, "CN.VINTAGE", [1])).toMatchObject({ kind: "InvalidArgument" });
    expect(evaluateCall(cn, catalog, "CN.SERIES", [[["a"], ["b"]]])).toMatchObject({
      kind: "InvalidArgument",
    });
    expect(evaluateCall(cn, catalog, "constructor", [])).toMatchObject({ kind: "InvalidArgument" });
  });
});
