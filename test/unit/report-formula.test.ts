import { Catalog } from "../../src/core/catalog";
import { makeFunctions } from "../../src/core/cn";
import { dataset } from "../../src/data";
import { pollster } from "../../src/data/preference";
import { explainFormula } from "../../src/taskpane/view/explain";
import { formulaForReport } from "../../src/taskpane/view/formulas";

const catalog = new Catalog(dataset);
const cn = makeFunctions(catalog);
const noRefs = new Map<string, unknown>();
const valueOf = (formula: string) => {
  const e = explainFormula(formula, noRefs, cn, catalog);
  if (e.kind !== "calls") throw new Error(`${formula}: ${e.kind}`);
  return e.calls[0].value;
};

describe("the formula that returns one report", () => {
  const figure = catalog.figure("exports_yoy_consensus", "USD", "2023-03")!;
  const report = (poll: string) => figure.reports.find((o) => pollster(o.by) === poll)!;

  test("names another pollster's poll, and is the plain formula for the returned report", () => {
    expect(formulaForReport(figure, report("Bloomberg"), catalog)).toBe(
      '=CN.CONSENSUS("2023-03", , "Bloomberg")'
    );
    expect(formulaForReport(figure, report("Reuters"), catalog)).toBe('=CN.CONSENSUS("2023-03")');
    const imports = catalog.figure("imports_yoy_consensus", "USD", "2023-03")!;
    const bloomberg = imports.reports.find((o) => pollster(o.by) === "Bloomberg")!;
    expect(formulaForReport(imports, bloomberg, catalog)).toBe(
      '=CN.CONSENSUS("2023-03", "imports", "Bloomberg")'
    );
  });

  test("is none for a report no formula returns: another reading of the same figure", () => {
    const balance = catalog.figure("balance", "USD", "2024")!;
    const other = balance.reports.find((o) => o.value === 992.1)!;
    expect(formulaForReport(balance, other, catalog)).toBeUndefined();
  });

  test("returns that report's value, for every consensus report it names a poll for", () => {
    const checked: string[] = [];
    for (const f of catalog
      .figuresOf("exports_yoy_consensus", "USD")
      .concat(
        catalog.figuresOf("imports_yoy_consensus", "USD"),
        catalog.figuresOf("balance_consensus", "USD")
      ))
      for (const o of f.reports) {
        const formula = formulaForReport(f, o, catalog);
        if (!formula) continue;
        expect([formula, valueOf(formula)]).toEqual([formula, o.value]);
        if (formula.split(",").length === 3) checked.push(formula);
      }
    // Some reports are another pollster's, so the loop above tests the poll argument.
    expect(checked.length).toBeGreaterThan(5);
  });
});
