import { Catalog } from "../../src/core/catalog";
import { makeFunctions } from "../../src/core/cn";
import { dataset } from "../../src/data";
import { PaneDetails } from "../../src/data/details";
import { explainFormula } from "../../src/taskpane/view/explain";
import {
  auditCells,
  cellsOf,
  CnCell,
  freeSheetName,
  sourcesSheetRows,
  SOURCES_HEADER,
  splitAddress,
} from "../../src/taskpane/view/workbook";

const catalog = new Catalog(dataset);
const cn = makeFunctions(catalog);
const cell = (address: string, formula: string, value: unknown, sheet = "Sheet1"): CnCell => ({
  sheet,
  address,
  formula,
  value,
});

describe("auditing a workbook's CN cells", () => {
  const values = new Map<string, unknown>([
    ["Inputs!B1", "2025-12"],
    ["Sheet1!C1", 2024],
    ["Sheet1!C2", 2025],
  ]);
  const rows = auditCells(
    [
      cell("A1", '=CN.YOY("2025-12")', 6.6),
      cell("A2", "=CN.SURPLUS(2025)", 1190),
      cell("A3", '=CN.YOY("2025-13")', "#VALUE!"),
      cell("A4", '=CN.YOY(Inputs!B1, "imports")', 5.7),
      cell("A5", "=CN.SURPLUS(C1:C2)", 992.6),
      cell("A6", '=CN.FORECAST(2026, "exports_yoy")', 3),
      cell("A7", '=CN.YOY("2025-12")*2', 13.2),
      cell("A8", '=CN.CONSENSUS("2023-03", , "Bloomberg")', -7.1),
    ],
    values,
    cn,
    catalog
  );
  const byAddress = new Map(rows.map((r) => [r.cell.address, r]));

  test("gives the current value of a one-call cell and flags nothing where it matches", () => {
    expect(byAddress.get("A1")).toMatchObject({ current: 6.6, flags: [] });
  });

  test("flags a value calculated with another dataset version", () => {
    expect(byAddress.get("A2")?.flags).toContain("stale");
    expect(byAddress.get("A2")?.reasons[0]).toMatch(
      /Shows 1190, but the current dataset .* gives 1189/
    );
  });

  test("flags an error with its reason", () => {
    expect(byAddress.get("A3")?.flags).toEqual(["error"]);
    expect(byAddress.get("A3")?.reasons[0]).toMatch(/^Shows #VALUE!: Expected a period/);
  });

  test("reads references on other sheets and ranges from the workbook's values", () => {
    expect(byAddress.get("A4")).toMatchObject({ current: 5.7, flags: [] });
    expect(byAddress.get("A5")?.figures.map((f) => f.period.id)).toEqual(["2024", "2025"]);
  });

  test("flags a forecast, and compares no value for a formula that does more than one call", () => {
    expect(byAddress.get("A6")?.flags).toContain("forecast");
    expect(byAddress.get("A7")?.current).toBeUndefined();
    expect(byAddress.get("A7")?.flags).toEqual([]);
  });

  test("reads a named pollster's consensus, with the flow left out, as the cell shows it", () => {
    expect(byAddress.get("A8")).toMatchObject({ current: -7.1, flags: [] });
    expect(byAddress.get("A8")?.figures.map((f) => f.series)).toEqual(["exports_yoy_consensus"]);
  });

  test("lists each figure used once in the sources sheet, with the cells that use it", () => {
    const table = sourcesSheetRows(rows, catalog, PaneDetails.of(dataset));
    const december = table.filter((r) => r[1] === "exports_yoy" && r[2] === "2025-12");
    expect(december).toHaveLength(1);
    expect(december[0][0]).toBe("Sheet1!A1, Sheet1!A7");
    expect(december[0]).toHaveLength(SOURCES_HEADER.length);
    expect(december[0][12]).toBe(dataset.meta.version);
    expect(String(december[0][9])).toMatch(/^https?:\/\//);
  });
});

test("names the dataset version a CN.VINTAGE() cell shows as the one a stale cell came from", () => {
  const [stale] = auditCells(
    [
      cell("A2", "=CN.SURPLUS(2025)", 1190),
      cell("Z1", "=CN.VINTAGE()", "CN Trade dataset 2026.11.23.1, figures as of 2026-01-29"),
    ],
    new Map(),
    cn,
    catalog
  );
  expect(stale.reasons[0]).toMatch(
    /calculated with dataset 2026\.11\.23\.1, which a CN\.VINTAGE\(\) cell/
  );
});

describe("workbook helpers", () => {
  test("never reuse a sheet name", () => {
    expect(freeSheetName(["Sheet1"])).toBe("CN Sources");
    expect(freeSheetName(["CN Sources", "cn sources (2)"])).toBe("CN Sources (3)");
  });

  test("read references and addresses", () => {
    expect(cellsOf("B2:C3")).toEqual([
      ["B2", "C2"],
      ["B3", "C3"],
    ]);
    expect(cellsOf("$A$1")).toEqual([["A1"]]);
    expect(cellsOf("A:A")).toBeUndefined();
    expect(splitAddress("'My ''data'' sheet'!A1:B2")).toEqual({
      sheet: "My 'data' sheet",
      address: "A1:B2",
    });
  });

  test("a formula that is one CN call and nothing else shows that call's value", () => {
    const single = (formula: string) => {
      const e = explainFormula(formula, new Map(), cn, catalog);
      return e.kind === "calls" && e.single;
    };
    expect(single("=CN.SURPLUS(2025)")).toBe(true);
    expect(single("=CN.SURPLUS(2025)+1")).toBe(false);
  });
});
