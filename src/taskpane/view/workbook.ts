import type { Catalog, Figure } from "../../core/catalog";
import { UNIT_TEXT } from "../../core/cn";
import type { CnFunctions } from "../../core/cn";
import { isCoreError } from "../../core/errors";
import type { PaneDetails } from "../../data/details";
import { publisherOf } from "../../data/tiers";
import { explainFormula, referencesIn } from "./explain";

/** A CN.* cell as the workbook holds it: where, its formula, and the value it shows. */
export interface CnCell {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly value: unknown;
}

export type Flag = "stale" | "error" | "hedged" | "differ" | "forecast" | "revised";

/** One audited cell: what it shows against what the current dataset gives, and why to look. */
export interface AuditRow {
  readonly cell: CnCell;
  /** What the dataset gives now, for a cell that is one CN.* call answering one value. */
  readonly current?: unknown;
  readonly flags: readonly Flag[];
  /** Why a flagged cell is flagged, in a sentence each. */
  readonly reasons: readonly string[];
  readonly figures: readonly Figure[];
}

/** Column letters to a zero-based index: "A" is 0, "AA" is 26. */
function column(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

function letters(index: number): string {
  return (
    (index < 26 ? "" : letters(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26))
  );
}

/** The cells a reference covers, row by row ("B2:C3" → B2 C2 / B3 C3); undefined if unreadable. */
export function cellsOf(range: string): string[][] | undefined {
  const [first, last = first] = range.replace(/\$/g, "").split(":");
  const a = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(first);
  const b = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(last);
  if (!a || !b) return undefined;
  const [c1, c2] = [column(a[1]), column(b[1])].sort((x, y) => x - y);
  const [r1, r2] = [Number(a[2]), Number(b[2])].sort((x, y) => x - y);
  if ((c2 - c1 + 1) * (r2 - r1 + 1) > 10000) return undefined;
  const rows: string[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: string[] = [];
    for (let c = c1; c <= c2; c++) row.push(`${letters(c)}${r}`);
    rows.push(row);
  }
  return rows;
}

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

/** The values of a cell's references from the workbook's values ("Sheet!A1" → value). */
function referenceValues(cell: CnCell, values: ReadonlyMap<string, unknown>): Map<string, unknown> {
  const refs = new Map<string, unknown>();
  for (const ref of referencesIn(cell.formula)) {
    const { sheet, address } = splitAddress(ref);
    const grid = cellsOf(address);
    if (!grid) continue;
    const at = (a: string) => values.get(`${sheet || cell.sheet}!${a}`) ?? "";
    refs.set(
      ref,
      grid.length === 1 && grid[0].length === 1 ? at(grid[0][0]) : grid.map((row) => row.map(at))
    );
  }
  return refs;
}

const isExcelError = (v: unknown): v is string => typeof v === "string" && /^#[A-Z/0!?]+/.test(v);

/** Whether two shown values are the same figure: equal, or equal to the precision Excel keeps. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/**
 * Audits every CN.* cell: evaluates its formula with the current dataset (references read from
 * the workbook's values), compares with what the cell shows, and flags what a reviewer should
 * look at: a value from another dataset version, an error, a hedged figure, sources that
 * differ, a forecast, a revised figure.
 */
export function auditCells(
  cells: readonly CnCell[],
  values: ReadonlyMap<string, unknown>,
  cn: CnFunctions,
  catalog: Catalog
): AuditRow[] {
  // A CN.VINTAGE() cell shows the dataset version the workbook was last calculated with.
  const vintage = cells
    .map((c) =>
      /^=\s*CN\.VINTAGE\(\s*\)$/i.test(c.formula) && typeof c.value === "string"
        ? /dataset (\S+),/.exec(c.value)?.[1]
        : undefined
    )
    .find((v) => v !== undefined && v !== catalog.meta.version);
  const older = vintage
    ? `dataset ${vintage}, which a CN.VINTAGE() cell of this workbook still shows`
    : "another dataset version";
  return cells.map((cell) => {
    const explanation = explainFormula(cell.formula, referenceValues(cell, values), cn, catalog);
    const flags: Flag[] = [];
    const reasons: string[] = [];
    if (explanation.kind !== "calls") {
      if (explanation.kind === "unreadable") {
        flags.push("error");
        reasons.push(explanation.message);
      }
      return { cell, flags, reasons, figures: [] };
    }
    const figures = explanation.calls.flatMap((c) => c.figures);
    const value = explanation.calls[0]?.value;
    const current =
      explanation.single && !Array.isArray(value) && value !== null ? value : undefined;
    if (isExcelError(cell.value)) {
      flags.push("error");
      const why = explanation.calls.map((c) => c.value).find(isCoreError);
      reasons.push(`Shows ${cell.value}${why ? `: ${why.message}` : "."}`);
    } else if (current !== undefined && !isCoreError(current) && !same(current, cell.value)) {
      flags.push("stale");
      reasons.push(
        `Shows ${String(cell.value)}, but the current dataset (${catalog.meta.version}) gives ${String(current)}: the cell was calculated with ${older}. Recalculate to update it.`
      );
    }
    if (figures.some((f) => f.latest.qualifier)) {
      flags.push("hedged");
      reasons.push("A figure behind it was printed with a hedge (about, almost, above…).");
    }
    if (figures.some((f) => f.disagree)) {
      flags.push("differ");
      reasons.push("The reports of a figure behind it differ beyond their rounding.");
    }
    if (figures.some((f) => f.preferred.kind === "forecast")) {
      flags.push("forecast");
      reasons.push("It is a forecast, not a released figure.");
    }
    if (figures.some((f) => f.revisions.length > 0)) {
      flags.push("revised");
      reasons.push(
        "A figure behind it was revised after its first release; the latest is returned."
      );
    }
    return { cell, current: isCoreError(current) ? undefined : current, flags, reasons, figures };
  });
}

/** The header of the sources sheet. */
export const SOURCES_HEADER = [
  "Cells",
  "Series",
  "Period",
  "Value",
  "Unit",
  "Terms",
  "Publisher",
  "Title",
  "Published",
  "Address",
  "Provider",
  "Note",
  "Dataset",
] as const;

/**
 * One row per figure the workbook uses: the cells that use it, what it is, its value and unit,
 * the publication behind it (publisher, title, date, address, provider), its note and the dataset
 * version: a bibliography a reader can check without the add-in.
 */
export function sourcesSheetRows(
  rows: readonly AuditRow[],
  catalog: Catalog,
  details: PaneDetails
): (string | number)[][] {
  const used = new Map<Figure, string[]>();
  for (const row of rows)
    for (const f of row.figures)
      used.set(f, [...(used.get(f) ?? []), `${row.cell.sheet}!${row.cell.address}`]);
  return [...used].map(([f, where]) => {
    const o = f.latest;
    const record = catalog.sources.get(o.source);
    const source = record ? details.source(record) : undefined;
    const series = catalog.series.get(f.series);
    return [
      where.join(", "),
      f.series,
      f.period.id,
      f.value,
      series ? UNIT_TEXT[series.unit] : "",
      f.terms ?? "",
      source ? publisherOf(source) : o.source,
      source?.title ?? "",
      source?.published ?? "",
      source?.original?.url ?? source?.url ?? "",
      o.provider ?? source?.provider ?? "",
      details.note(o),
      catalog.meta.version,
    ];
  });
}

/** The first free sheet name: "CN Sources", then "CN Sources (2)", "CN Sources (3)"… */
export function freeSheetName(existing: readonly string[], base = "CN Sources"): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}
