import { OfficeMockObject } from "office-addin-mock";
import { excelHost, splitAddress } from "../../src/taskpane/excel-host";

/** A mock workbook: an active cell, the target range an insert would fill, and a referenced cell. */
function mockExcel(targetFormulas: unknown[][]) {
  const written: { cleared?: string } = {};
  const data = {
    context: {
      workbook: {
        active: {
          address: "Sheet1!B2",
          formulas: [['=CN.YOY("2025-12")']],
          values: [[6.6]],
          target: { address: "Sheet1!B2:C3", formulas: targetFormulas },
          getResizedRange: function () {
            return this.target;
          },
        },
        getActiveCell: function () {
          return this.active;
        },
        worksheets: {
          sheet: {
            range: {
              cellCount: 1,
              values: [["Dec 2025"]],
              cell: { formulas: [[""]] },
              clear: (what: string) => {
                written.cleared = what;
              },
              getCell: function () {
                return this.cell;
              },
            },
            getRange: function () {
              return this.range;
            },
          },
          getItem: function () {
            return this.sheet;
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as typeof data;
  (global as unknown as { Excel: unknown }).Excel = mock;
  return {
    get cleared() {
      return written.cleared;
    },
    get formulas() {
      return mock.context.workbook.worksheets.sheet.range.cell.formulas;
    },
  };
}

describe("the Excel host", () => {
  test("reads the active cell's address, formula and shown value", async () => {
    mockExcel([[""]]);
    await expect(excelHost(() => undefined).activeCell()).resolves.toEqual({
      address: "Sheet1!B2",
      formula: '=CN.YOY("2025-12")',
      value: 6.6,
    });
  });

  test("reads referenced cells as single values", async () => {
    mockExcel([[""]]);
    const values = await excelHost(() => undefined).readReferences(["A1"]);
    expect(values.get("A1")).toBe("Dec 2025");
  });

  test("finds an empty target empty and writes the formula without clearing", async () => {
    const written = mockExcel([
      ["", ""],
      ["", ""],
    ]);
    const host = excelHost(() => undefined);
    const target = await host.inspectTarget(2, 2);
    expect(target).toEqual({ sheet: "Sheet1", address: "B2:C3", empty: true });
    await host.writeFormula(target, '=CN.SERIES("balance")');
    expect(written.formulas).toEqual([['=CN.SERIES("balance")']]);
    expect(written.cleared).toBeUndefined();
  });

  test("finds a target with any content not empty, and clears it only when told to write", async () => {
    const written = mockExcel([
      ["", ""],
      ["", 5],
    ]);
    const host = excelHost(() => undefined);
    const target = await host.inspectTarget(2, 2);
    expect(target.empty).toBe(false);
    expect(written.cleared).toBeUndefined();
    await host.writeFormula(target, '=CN.SERIES("balance")');
    expect(written.cleared).toBe("Contents");
    expect(written.formulas).toEqual([['=CN.SERIES("balance")']]);
  });

  test("splits addresses with quoted sheet names", () => {
    expect(splitAddress("'My ''data'' sheet'!A1:B2")).toEqual({
      sheet: "My 'data' sheet",
      address: "A1:B2",
    });
    expect(splitAddress("C3")).toEqual({ sheet: "", address: "C3" });
  });
});
