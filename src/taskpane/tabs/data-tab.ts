import type { TermsKey } from "../../core/catalog";
import { UNIT_TEXT } from "../../core/cn";
import { byId, fill, h } from "../dom";
import type { Pane } from "../pane";
import { seriesFormula } from "../view/formulas";
import { catalogueRows, valueRows } from "../view/series";
import { FAMILY_NAMES } from "../view/sources";
import { chart } from "./chart";

/** The Data tab: the series catalogue by family; a series opened shows its chart and values. */
export function dataTab(pane: Pane): { render(): void } {
  const { catalog, cn, insertButton, figureBlock } = pane;
  // ---- Data ------------------------------------------------------------------------------------
  function renderCatalogue(): void {
    fill(
      byId("series-list"),
      ...catalogueRows(catalog).flatMap((row, i, rows) => {
        const button = h(
          "button",
          { type: "button", class: "item" },
          h("span", { class: "item-title" }, `${row.series.name}`),
          h("code", {}, row.series.id),
          h("span", { class: "muted" }, `${UNIT_TEXT[row.series.unit]} · ${row.coverage}`)
        );
        button.addEventListener("click", () => openSeries(row.series.id, row.terms[0]));
        const item = h("li", {}, button);
        return i > 0 && rows[i - 1].series.group === row.series.group
          ? [item]
          : [h("li", { class: "family" }, h("h3", {}, FAMILY_NAMES[row.series.group])), item];
      })
    );
  }

  function openSeries(seriesId: string, terms: TermsKey): void {
    const series = catalog.series.get(seriesId);
    if (!series) return;
    const rows = valueRows(catalog, seriesId, terms);
    const back = h("button", { type: "button", class: "back" }, "← All series");
    back.addEventListener("click", () => {
      byId("series-detail").hidden = true;
      byId("series-browse").hidden = false;
    });
    const termButtons = catalog
      .termsOf(seriesId)
      .filter((t) => t !== "-")
      .map((t) => {
        const b = h(
          "button",
          { type: "button", class: "chip", "aria-pressed": String(t === terms) },
          t
        );
        b.addEventListener("click", () => openSeries(seriesId, t));
        return b;
      });
    const table =
      catalog.figuresOf(seriesId, terms).length > 0
        ? cn.series(seriesId, null, null, terms === "-" ? null : terms)
        : [];
    const spillRows = Array.isArray(table) ? table.length : 1;
    const figureDetail = h("div", { id: "figure-detail" });
    fill(
      byId("series-detail"),
      back,
      h("h3", {}, series.name),
      h(
        "p",
        { class: "muted" },
        `${series.id} · ${UNIT_TEXT[series.unit]}${terms !== "-" ? ` · ${terms} terms` : ""} · ${series.description}`
      ),
      termButtons.length > 1 ? h("div", { class: "chips" }, ...termButtons) : null,
      chart(rows, series.name),
      Array.isArray(table) && table.length > 0
        ? insertButton(
            seriesFormula(seriesId, terms === "-" ? null : terms),
            spillRows,
            2,
            `Insert the series (${spillRows} rows)`
          )
        : null,
      figureDetail,
      h(
        "table",
        { class: "values" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "Period"),
            h("th", {}, "Value"),
            h("th", {}, "Kind"),
            h("th", { title: "Sources" }, "Src")
          )
        ),
        h(
          "tbody",
          {},
          ...rows.map((r) => {
            const open = h("button", { type: "button", class: "link-button" }, r.period);
            open.addEventListener("click", () => {
              fill(figureDetail, figureBlock(r.figure));
              figureDetail.scrollIntoView?.({ block: "nearest" });
            });
            return h(
              "tr",
              { class: r.disagree ? "disagree-row" : "" },
              h("td", {}, open),
              h("td", { class: "num" }, String(r.value)),
              h("td", {}, r.kind),
              h(
                "td",
                { class: "num" },
                `${r.sources}${r.disagree ? " ≠" : ""}`,
                r.disagree ? h("span", { class: "sr-only" }, " sources disagree") : null
              )
            );
          })
        )
      )
    );
    byId("series-browse").hidden = true;
    byId("series-detail").hidden = false;
    back.focus();
  }

  return { render: renderCatalogue };
}
