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
    expect(cn.value(" BALANCE ", "2025-04", null, null)).toBe(96.18);
  });

  test("rejects a missing series id with the list of known ids", () => {
    expect(error(cn.value(null, 2025, null, null)).message).toMatch(
      /^A series id is required.*Known series: exports, imports, balance/
    );
  });
});

describe("CN.VINTAGE", () => {
  test("names the dataset version and as-of date", () => {
    expect(cn.vintage()).toBe("CN Trade dataset 2026.01.01, figures as of 2026-01-01");
  });
});

describe("CN.PARTNER", () => {
  test.each(["US", "usa", "United States", " u.s. ", "AMERICA"])(
    "reads %p as the United States",
    (name) => {
      expect(cn.partner(name, "2025-04", null, null, null)).toBe(-21);
    }
  );

  test("answers levels and the balance, which is a level by default", () => {
    expect(cn.partner("US", "Apr 2025", "exports", "level", null)).toBe(33);
    expect(cn.partner("US", "2025-04", "balance", null, null)).toBe(20.5);
    expect(cn.partner("US", "2025-04", "surplus", "level", "USD")).toBe(20.5);
  });

  test("keeps the terms the source used and never converts them", () => {
    expect(cn.partner("Russia", 2025, "exports", "yoy", "CNY")).toBe(-9.8);
    expect(error(cn.partner("RU", 2025, null, null, null)).message).toMatch(
      /dataset has it in CNY terms \(currency argument "CNY"\)/
    );
  });

  test("says a balance has no y/y change", () => {
    const e = error(cn.partner("US", "2025-04", "balance", "yoy", null));
    expect(e.kind).toBe("InvalidArgument");
    expect(e.message).toMatch(/A balance is a level/);
  });

  test("says where the currency goes when it is typed as the flow", () => {
    const e = error(cn.partner("Russia", 2025, "CNY", null, null));
    expect(e.kind).toBe("InvalidArgument");
    expect(e.message).toMatch(
      /"CNY" is a currency, not a flow: the currency is the fifth argument/
    );
  });

  test("names the partners it knows when given another", () => {
    const e = error(cn.partner("Mars", 2025, null, null, null));
    expect(e.kind).toBe("InvalidArgument");
    expect(e.message).toMatch(/Unknown partner "Mars": one of "US", "EU", "ASEAN"/);
  });

  test("says what a partner has when a flow has no series", () => {
    const e = error(cn.partner("Japan", 2025, "imports", null, null));
    expect(e.kind).toBe("NotAvailable");
    expect(e.message).toMatch(/No y\/y change of imports from Japan/);
  });

  test.each(["__proto__", "constructor", 42, true])("rejects %p as a partner", (name) => {
    expect(error(cn.partner(name, 2025, null, null, null)).kind).toBe("InvalidArgument");
  });
});

describe("CN.COMMODITY", () => {
  test.each(["crude oil", "Crude", "OIL", "crude  oil"])("reads %p as crude oil", (item) => {
    expect(cn.commodity(item, "2025-04", null)).toBe(46.7);
  });

  test("answers volume growth and barrels per day for crude oil", () => {
    expect(cn.commodity("crude", "2025-04", "yoy")).toBe(-1.1);
    expect(cn.commodity("crude", "2025-04", "bpd")).toBe(11.36);
  });

  test("answers year-to-date periods as their own figures", () => {
    expect(cn.commodity("rare earths", "2025-01/11", "yoy")).toBe(7.5);
    expect(cn.commodity("REE", "Jan-Nov 2025", "y/y")).toBe(7.5);
  });

  test("says barrels per day are for crude oil only", () => {
    const e = error(cn.commodity("iron ore", "2025-04", "bpd"));
    expect(e.kind).toBe("InvalidArgument");
    expect(e.message).toMatch(/crude oil only; iron ore is measured in million tonnes/);
  });

  test("rejects an unknown item or measure", () => {
    expect(error(cn.commodity("gold", 2025, null)).message).toMatch(/Unknown commodity "gold"/);
    expect(error(cn.commodity("coal", 2025, "weight")).message).toMatch(/Unknown measure/);
  });
});

describe("period traps", () => {
  test("the year-month code 202504 is April 2025, not a date serial", () => {
    expect(cn.yoy(202504, null, null)).toBe(8.1);
  });

  test("a year-to-date period is its own figure", () => {
    expect(cn.yoy("2025-01/11", null, null)).toBe(5.4);
  });

  test.each([1850, 2150, "2150"])(
    "a year without data (%p) is #N/A saying what is covered",
    (y) => {
      const e = error(cn.yoy(y, null, null));
      expect(e.kind).toBe("NotAvailable");
      expect(e.message).toMatch(/The dataset has annual 2024 to 2025/);
    }
  );

  test("a currency in the flow's place says where the currency goes", () => {
    const e = error(cn.yoy("2025-04", "CNY", null));
    expect(e.kind).toBe("InvalidArgument");
    expect(e.message).toMatch(
      /"CNY" is a currency, not a flow: the currency is the third argument/
    );
    expect(error(cn.consensus("2025-04", "usd")).message).toMatch(/takes no currency/);
  });
});

describe("sources that differ", () => {
  const figure = (reports: { value: number; reportedAs?: string }[]) => {
    const d = JSON.parse(JSON.stringify(MINI)) as typeof MINI;
    d.observations = reports.map((r, i) => ({
      series: "balance",
      period: "2025",
      terms: "USD",
      kind: "actual",
      source: MINI.sources[0].id,
      note: "A report of the 2025 balance for this test.",
      ...(i === 0 ? { preferred: true } : { preferred: false }),
      ...r,
    }));
    return makeFunctions(new Catalog(d)).source("balance", 2025, null) as string;
  };

  test("agree within the rounding each report was printed with", () => {
    expect(figure([{ value: 1189 }, { value: 1190, reportedAs: "$1.19 trillion" }])).not.toMatch(
      /^Sources differ/
    );
    expect(
      figure([{ value: 1189 }, { value: 1200, reportedAs: "almost $1.2 trillion" }])
    ).not.toMatch(/^Sources differ/);
  });

  test("differ when the ranges their rounding stands for do not overlap", () => {
    expect(figure([{ value: 1189 }, { value: 1170, reportedAs: "$1.17 trillion" }])).toMatch(
      /^Sources differ/
    );
    expect(figure([{ value: 5.5 }, { value: 5.4 }])).toMatch(/^Sources differ/);
  });
});
