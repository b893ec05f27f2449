import type { CnCell } from "./view/workbook";

/**
 * What the pane needs from its host. In Excel it is the workbook (see excel-host.ts); opened in a
 * plain browser there is no workbook, and only browsing works.
 */
export interface Host {
  readonly inExcel: boolean;
  /** Opens a link outside the pane. */
  openLink(url: string): void;
  /** The active cell's address ("Sheet1!B2"), formula (or value when it holds none) and shown value. */
  activeCell(): Promise<{ address: string; formula: unknown; value: unknown }>;
  /** The values of cell and range references, resolved on the active cell's sheet. */
  readReferences(refs: readonly string[]): Promise<Map<string, unknown>>;
  /** The range an insert would fill: the active cell grown to rows × cols, and whether it is empty. */
  inspectTarget(rows: number, cols: number): Promise<InsertTarget>;
  /** Writes a formula into the top-left cell of a target found by inspectTarget. */
  writeFormula(target: InsertTarget, formula: string): Promise<void>;
  /** Calls the handler whenever the selection moves. */
  onSelectionChanged(handler: () => void): Promise<void>;
  /** Every CN.* cell of every sheet, with each sheet's values ("Sheet!A1" → value) for references. */
  readWorkbook(): Promise<{ sheets: string[]; cells: CnCell[]; values: Map<string, unknown> }>;
  /** Selects a cell, activating its sheet. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Recalculates the whole workbook, so that every CN.* cell answers from the current dataset. */
  recalculate(): Promise<void>;
  /** Adds a sheet named after `base` (never overwriting one) holding `rows` as a table; its name. */
  addSheet(base: string, rows: (string | number)[][]): Promise<string>;
}

export interface InsertTarget {
  readonly sheet: string;
  /** The address without its sheet, "B2" or "B2:C40". */
  readonly address: string;
  readonly empty: boolean;
}

/** The host outside Office: links open in a new tab; nothing touches a workbook. */
export function browserHost(open: (url: string) => void): Host {
  const needExcel = (): Promise<never> =>
    Promise.reject(
      new Error("Inspecting cells and inserting formulas need the pane to run in Excel.")
    );
  return {
    inExcel: false,
    openLink: open,
    activeCell: needExcel,
    readReferences: needExcel,
    inspectTarget: needExcel,
    writeFormula: needExcel,
    onSelectionChanged: () => Promise.resolve(),
    readWorkbook: needExcel,
    selectCell: needExcel,
    recalculate: needExcel,
    addSheet: needExcel,
  };
}
