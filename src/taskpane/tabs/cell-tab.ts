import { isCoreError } from "../../core/errors";
import { byId, fill, h } from "../dom";
import type { Pane } from "../pane";
import {
  CellExplanation,
  describeValue,
  explainFormula,
  mentionsCn,
  referencesIn,
} from "../view/explain";

/** The This cell tab: the selected cell's CN.* formula, call by call, with the reports behind it. */
export function cellTab(pane: Pane): { refresh(): Promise<void> } {
  const { host, cn, catalog, figureBlock } = pane;
  // ---- This cell -------------------------------------------------------------------------------
  let cellRequest = 0;
  async function refreshCell(): Promise<void> {
    const panel = byId("cell-body");
    if (!host.inExcel) {
      fill(
        panel,
        h(
          "p",
          {},
          "Open the pane in Excel to see which functions, arguments and sources are behind the selected cell."
        )
      );
      return;
    }
    const request = ++cellRequest;
    try {
      const cell = await host.activeCell();
      const refs = mentionsCn(cell.formula)
        ? await host.readReferences(referencesIn(cell.formula))
        : new Map<string, unknown>();
      if (request !== cellRequest) return;
      renderCell(cell.address, explainFormula(cell.formula, refs, cn, catalog), cell.value);
    } catch (error) {
      if (request === cellRequest)
        fill(
          panel,
          h(
            "p",
            { class: "error" },
            `Could not read the selected cell: ${(error as Error).message}`
          )
        );
    }
  }

  function renderCell(address: string, explanation: CellExplanation, shown: unknown): void {
    const panel = byId("cell-body");
    const head = h("p", { class: "muted" }, `Selected: ${address}`);
    switch (explanation.kind) {
      case "empty":
        fill(panel, head, h("p", {}, "This cell is empty: it has no CN.* formula to explain."));
        return;
      case "no-cn":
        fill(
          panel,
          head,
          h("p", {}, "This cell has no CN.* formula."),
          h("code", { class: "formula" }, explanation.formula)
        );
        return;
      case "unreadable":
        fill(
          panel,
          head,
          h("code", { class: "formula" }, explanation.formula),
          h("p", { class: "error" }, explanation.message)
        );
        return;
      case "calls":
        fill(
          panel,
          head,
          h("code", { class: "formula" }, explanation.formula),
          staleNote(explanation, shown),
          ...explanation.calls.map((call) =>
            h(
              "section",
              { class: "call" },
              h("h3", {}, call.name),
              h(
                "ul",
                { class: "args" },
                ...call.args.map((a) =>
                  h(
                    "li",
                    {},
                    h("code", {}, a.text || "(omitted)"),
                    " → ",
                    a.value === undefined ? "unknown" : describeValue(a.value),
                    a.from === "reference"
                      ? h("span", { class: "muted" }, " (read from the cell)")
                      : a.from === "call"
                        ? h("span", { class: "muted" }, " (value of the inner call)")
                        : null
                  )
                )
              ),
              h(
                "p",
                { class: isCoreError(call.value) ? "error value" : "value" },
                call.value === null
                  ? (call.unknown ?? "Not evaluated.")
                  : `Value: ${describeValue(call.value)}`
              ),
              ...call.figures.map((f) =>
                figureBlock(
                  f,
                  call.figures.length === 1 && typeof call.value === "number"
                    ? call.value
                    : undefined
                )
              )
            )
          )
        );
    }
  }

  /** Says when the cell shows another value than the current dataset gives (one-call formulas). */
  function staleNote(explanation: Extract<CellExplanation, { kind: "calls" }>, shown: unknown) {
    const value = explanation.calls[0]?.value;
    if (
      !explanation.single ||
      typeof value !== "number" ||
      typeof shown !== "number" ||
      value === shown
    )
      return null;
    return h(
      "p",
      { class: "disagree", id: "cell-stale" },
      `The cell shows ${shown}, but the current dataset (${catalog.meta.version}) gives ${value}: it was calculated with another dataset version. Recalculate the workbook to update it.`
    );
  }

  return { refresh: refreshCell };
}
