/* global Excel */
import type { Host, InsertTarget } from "./host";

/** Larger references are not read: the pane explains a formula, it does not copy a sheet. */
export const MAX_REFERENCE_CELLS = 10000;

/** Splits "Sheet1!A1" or "'My sheet'!A1:B2" into sheet and address. */
export function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: "", address: full };
  const sheet = full
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

/**
 * The host inside Excel: the workbook through Excel.run; links through `openLink`, which is
 * Office's browser window where the host supports it.
 */
export function excelHost(openLink: (url: string) => void): Host {
  return {
    inExcel: true,
    openLink,

    activeCell() {
      return Excel.run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load(["address", "formulas"]);
        await context.sync();
        return { address: cell.address, formula: cell.formulas[0][0] };
      });
    },

    readReferences(refs: readonly string[]) {
      return Excel.run(async (context) => {
        const active = context.workbook.getActiveCell();
        active.load("address");
        await context.sync();
        const { sheet: activeSheet } = splitAddress(active.address);
        const values = new Map<string, unknown>();
        for (const ref of refs) {
          const { sheet, address } = splitAddress(ref);
          try {
            const range = context.workbook.worksheets
              .getItem(sheet || activeSheet)
              .getRange(address);
            range.load("cellCount");
            await context.sync();
            if (range.cellCount > MAX_REFERENCE_CELLS) continue;
            range.load("values");
            await context.sync();
            const v = range.values;
            values.set(ref, v.length === 1 && v[0].length === 1 ? v[0][0] : v);
          } catch {
            // An unknown sheet or name: the explanation says the argument's value is unknown.
          }
        }
        return values;
      });
    },

    inspectTarget(rows: number, cols: number) {
      return Excel.run(async (context) => {
        const active = context.workbook.getActiveCell();
        const target = active.getResizedRange(Math.max(rows, 1) - 1, Math.max(cols, 1) - 1);
        target.load(["address", "formulas"]);
        await context.sync();
        const { sheet, address } = splitAddress(target.address);
        const empty = target.formulas.every((row) => row.every((f) => f === "" || f === null));
        return { sheet, address, empty };
      });
    },

    writeFormula(target: InsertTarget, formula: string) {
      return Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem(target.sheet).getRange(target.address);
        // The pane asked before replacing a non-empty target; clearing it lets a series spill.
        if (!target.empty) range.clear("Contents");
        range.getCell(0, 0).formulas = [[formula]];
        await context.sync();
      });
    },

    onSelectionChanged(handler: () => void) {
      return Excel.run(async (context) => {
        context.workbook.onSelectionChanged.add(async () => handler());
        await context.sync();
      });
    },
  };
}
