/* global HTMLButtonElement */
import { publisherOf } from "../../data/tiers";
import { byId, fill, h } from "../dom";
import type { Pane } from "../pane";
import { describeValue } from "../view/explain";
import { AuditRow, auditCells, Flag, sourcesSheetRows, SOURCES_HEADER } from "../view/workbook";

const FLAG_TEXT: Record<Flag, string> = {
  stale: "other dataset",
  error: "error",
  hedged: "hedged",
  differ: "sources differ",
  forecast: "forecast",
  revised: "revised",
};

/**
 * The Workbook tab: every CN.* cell of the workbook, sheet by sheet, with the value it shows, the
 * value the current dataset gives, the preferred source and flags; a row opens its cell. It can
 * recalculate stale cells and insert a sheet listing every publication the workbook relies on.
 */
export function workbookTab(pane: Pane): { refresh(): Promise<void> } {
  const { host, cn, catalog, details, say } = pane;
  const body = byId("workbook-body");
  let rows: AuditRow[] = [];

  function button(label: string, onClick: () => void, id?: string): HTMLButtonElement {
    const b = h("button", { type: "button", class: "insert", id }, label);
    b.addEventListener("click", onClick);
    return b;
  }

  function source(row: AuditRow): string {
    const f = row.figures[0];
    if (!f) return "";
    const s = catalog.sources.get(f.latest.source);
    return s ? `${publisherOf(s)}, ${s.published}` : "";
  }

  function render(sheets: string[]): void {
    const stale = rows.filter((r) => r.flags.includes("stale")).length;
    const flagged = rows.filter((r) => r.flags.length > 0).length;
    fill(
      body,
      h(
        "p",
        { id: "workbook-summary" },
        `${rows.length} CN.* cell${rows.length === 1 ? "" : "s"} on ${sheets.length} sheet${sheets.length === 1 ? "" : "s"}; ${flagged} flagged. Dataset ${catalog.meta.version}.`
      ),
      h(
        "div",
        { class: "chips" },
        button("Scan again", () => void refresh()),
        stale > 0
          ? button(
              `Recalculate (${stale} from another dataset)`,
              () => void recalculate(),
              "workbook-recalc"
            )
          : null,
        rows.length > 0
          ? button("Insert a sources sheet", () => void insertSources(), "workbook-sources")
          : null
      ),
      ...sheets
        .filter((name) => rows.some((r) => r.cell.sheet === name))
        .map((name) =>
          h(
            "section",
            { class: "sheet" },
            h("h3", {}, name),
            h(
              "ul",
              { class: "items workbook-cells" },
              ...rows
                .filter((r) => r.cell.sheet === name)
                .map((r) => {
                  const open = h(
                    "button",
                    { type: "button", class: "item" },
                    h("span", { class: "item-title" }, `${r.cell.address}  ${r.cell.formula}`),
                    h(
                      "span",
                      { class: "muted" },
                      `Shows ${describeValue(r.cell.value)}${r.current !== undefined ? ` · dataset gives ${describeValue(r.current)}` : ""}${source(r) ? ` · ${source(r)}` : ""}`
                    ),
                    ...r.flags.map((f) => h("span", { class: `badge flag-${f}` }, FLAG_TEXT[f])),
                    ...r.reasons.map((why) => h("span", { class: "reason" }, why))
                  );
                  open.addEventListener("click", () => void openCell(r));
                  return h("li", {}, open);
                })
            )
          )
        )
    );
  }

  async function refresh(): Promise<void> {
    if (!host.inExcel) {
      fill(body, h("p", {}, "Open the pane in Excel to list the CN.* cells of a workbook."));
      return;
    }
    fill(body, h("p", { class: "muted" }, "Reading the workbook…"));
    try {
      const book = await host.readWorkbook();
      rows = auditCells(book.cells, book.values, cn, catalog);
      render(book.sheets);
      say(`Found ${rows.length} CN.* cells.`);
    } catch (error) {
      fill(
        body,
        h("p", { class: "error" }, `Could not read the workbook: ${(error as Error).message}`)
      );
    }
  }

  async function openCell(row: AuditRow): Promise<void> {
    try {
      await host.selectCell(row.cell.sheet, row.cell.address);
      pane.showCell();
    } catch (error) {
      say(`Could not select ${row.cell.sheet}!${row.cell.address}: ${(error as Error).message}`);
    }
  }

  async function recalculate(): Promise<void> {
    try {
      await host.recalculate();
      say("Recalculated the workbook with the current dataset.");
      await refresh();
    } catch (error) {
      say(`Could not recalculate: ${(error as Error).message}`);
    }
  }

  async function insertSources(): Promise<void> {
    try {
      const table = sourcesSheetRows(rows, catalog, details);
      const name = await host.addSheet("CN Sources", [[...SOURCES_HEADER], ...table]);
      say(`Added the sheet ${name}, listing ${table.length} figures and their sources.`);
    } catch (error) {
      say(`Could not add the sources sheet: ${(error as Error).message}`);
    }
  }

  return { refresh };
}
