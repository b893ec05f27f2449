import { Catalog } from "../../src/core/catalog";
import { makeFunctions, subtract } from "../../src/core/cn";
import { CoreError, isCoreError } from "../../src/core/errors";
import { MINI } from "../fixtures/mini-dataset";

const cn = makeFunctions(new Catalog(MINI));

function error(result: unknown): CoreError {
  if (!isCoreError(result))
    throw new Error(`expected an error value, got ${JSON.stringify(result)}`);
  return result;
}

describe("combined January–February releases", () => {
  test("answer for the combined period", () => {
    expect(cn.yoy("2025-01/02", null, null)).toBe(2.3);
    expect(cn.yoy("Jan-Feb 2025", "exports", "USD")).toBe(2.3);
  });

  test.each(["2025-01", "2025-02", "Feb 2025", 45689])(
    "explain why %p has no single-month figure",
    (period) => {
      const e = error(cn.yoy(period, null, null));
      expect(e.kind).toBe("NotAvailable");
      expect(e.message).toMatch(
        /reported January and February 2025 together.*use the combined period "2025-01\/02"/
      );
    }
  );
});

describe("currency terms", () => {
  test("keep USD and CNY figures apart", () => {
    expect(cn.yoy("2025-04", "exports", "USD")).toBe(8.1);
    expect(cn.yoy("2025-04", "exports", "cny")).toBe(8.0);
    expect(cn.yoy("2025-04", "exports", " RMB ")).toBe(8.0);
  });

  test("name the terms that do exist when the asked ones do not", () => {
    expect(error(cn.yoy("2025-03", null, "CNY")).message).toMatch(
      /No CNY-terms figure .* in March 2025; the dataset has it in USD terms/
    );
  });
});

describe("preferred reports", () => {
  test("return the preferred value when sources differ, and say so in the source text", () => {
    expect(cn.yoy(2025, null, null)).toBe(5.5);
    const text = cn.source("exports_yoy", 2025, null);
    expect(text).toMatch(
      /^Sources differ\. exports_yoy 2025 = 5\.5%\. Source: Fixture Press.* Also: Other Wire, .*giving 5\.4%\.$/
    );
  });
});

describe("CN.SURPRISE", () => {
  test("subtracts the consensus from the actual, without floating-point noise", () => {
    expect(cn.surprise("2025-04", null)).toBe(6.1);
    expect(subtract(6.6, 3)).toBe(3.6);
    expect(subtract(0.3, 0.1)).toBe(0.2);
    expect(subtract(-1.25, 0.5)).toBe(-1.75);
  });

  test("says which half is missing", () => {
    expect(error(cn.surprise("2025-03", null)).message).toMatch(/consensus/);
  });
});

describe("CN.FORECAST", () => {
  test("asks which forecaster when several forecast the same figure", () => {
    expect(error(cn.forecast(2026, "exports_yoy", null)).message).toMatch(
      /2 forecasts .*name one as the third argument \(Natixis, Other Bank\)/
    );
  });

  test("matches the forecaster by name, publisher or source id, in any case", () => {
    expect(cn.forecast(2026, "exports_yoy", "natixis")).toBe(3);
    expect(cn.forecast(2026, "exports_yoy", "OTHER BANK")).toBe(2.5);
    expect(cn.forecast(2026, "exports_yoy", "other-2026-01-01")).toBe(2.5);
  });

  test("rejects a forecaster that is not text", () => {
    expect(error(cn.forecast(2026, "exports_yoy", 7)).kind).toBe("InvalidArgument");
  });
});

describe("CN.SERIES", () => {
  test("returns monthly figures (the combined period included) for month bounds", () => {
    expect(cn.series("exports_yoy", "2025-01", "2025-12", null)).toEqual([
      ["2025-01/02", 2.3],
      ["2025-03", 12.4],
      ["2025-04", 8.1],
    ]);
  });

  test("returns annual figures for year bounds", () => {
    expect(cn.series("exports_yoy", 2024, 2025, null)).toEqual([
      ["2024", 5.9],
      ["2025", 5.5],
    ]);
  });

  test("returns quarterly figures for quarter bounds", () => {
    expect(cn.series("exports_yoy", "2025-Q1", "2025-Q4", null)).toEqual([["2025-Q1", 5.8]]);
  });

  test("uses the finer bound's frequency and spans a year bound's whole year", () => {
    expect(cn.series("exports_yoy", 2025, "2025-03", null)).toEqual([
      ["2025-01/02", 2.3],
      ["2025-03", 12.4],
    ]);
  });

  test("returns the finest frequency when no bound is given", () => {
    expect((cn.series("exports_yoy", null, null, null) as unknown[][]).map((r) => r[0])).toEqual([
      "2025-01/02",
      "2025-03",
      "2025-04",
    ]);
  });

  test("returns CNY-terms figures when asked", () => {
    expect(cn.series("exports_yoy", null, null, "CNY")).toEqual([["2025-04", 8.0]]);
  });

  test("rejects a start after the end, and an unknown series", () => {
    expect(error(cn.series("exports_yoy", 2025, 2024, null)).kind).toBe("InvalidArgument");
    expect(error(cn.series("nope", null, null, null)).kind).toBe("InvalidArgument");
  });
});

describe("CN.VALUE", () => {
  test("reads any series by id, in any case and with spaces around it", () => {
    expect(cn.value(" BALANCE ", "2025-04", null)).toBe(96.18);
  });

  test("rejects a missing series id with the list of known ids", () => {
    expect(error(cn.value(null, 2025, null)).message).toMatch(
      /^A series id is required.*Known series: exports, imports, balance/
    );
  });
});

describe("CN.VINTAGE", () => {
  test("names the dataset version and as-of date", () => {
    expect(cn.vintage()).toBe("CN Trade dataset 2026.01.01, figures as of 2026-01-01");
  });
});
