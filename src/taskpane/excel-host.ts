/* global Excel */
import type { Host, InsertTarget } from "./host";
import { cellsOf, CnCell, freeSheetName, splitAddress } from "./view/workbook";

export { splitAddress };

/** Larger references are not read: the pane explains a formula, it does not copy a sheet. */
export const MAX_REFERENCE_CELLS = 10000;

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
        cell.load(["address", "formulas", "values"]);
        await context.sync();
        return { address: cell.address, formula: cell.formulas[0][0], value: cell.values[0][0] };
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

    readWorkbook() {
      // Every sheet's used range, formulas and values in one round trip: fast for thousands of cells.
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const used = sheets.items.map((sheet) => {
          const range = sheet.getUsedRangeOrNullObject(true);
          range.load(["address", "formulas", "values"]);
          return { name: sheet.name, range };
        });
        await context.sync();
        const cells: CnCell[] = [];
        const values = new Map<string, unknown>();
        for (const { name, range } of used) {
          if (range.isNullObject) continue;
          const { address } = splitAddress(range.address);
          const grid = cellsOf(address) ?? [];
          grid.forEach((row, r) =>
            row.forEach((a, c) => {
              const value = range.values[r]?.[c];
              const formula = range.formulas[r]?.[c];
              if (value !== "" && value !== undefined) values.set(`${name}!${a}`, value);
              if (typeof formula === "string" && /^=.*\bCN\./i.test(formula))
                cells.push({ sheet: name, address: a, formula, value });
            })
          );
        }
        return { sheets: used.map((u) => u.name), cells, values };
      });
    },

    selectCell(sheet: string, address: string) {
      return Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    },

    recalculate() {
      return Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.full);
        await context.sync();
      });
    },

    addSheet(base: string, rows: (string | number)[][]) {
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = freeSheetName(
          sheets.items.map((s) => s.name),
          base
        );
        const sheet = sheets.add(name);
        const width = rows[0]?.length ?? 1;
        const range = sheet.getRange("A1").getResizedRange(rows.length - 1, width - 1);
        range.values = rows;
        // Web addresses become links a reader can follow.
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            if (r > 0 && typeof value === "string" && /^https?:\/\//.test(value))
              range.getCell(r, c).hyperlink = { address: value, textToDisplay: value };
          })
        );
        const table = sheet.tables.add(range, true);
        table.name = name.replace(/[^A-Za-z0-9_]/g, "_");
        sheet.activate();
        await context.sync();
        return name;
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
