/* global HTMLInputElement, HTMLSelectElement */
import type { Source } from "../../data/dataset";
import { byId, fill, h } from "../dom";
import { Pane, TIER_NAMES } from "../pane";
import { formulaFor, formulaForReport } from "../view/formulas";
import {
  choices,
  dateText,
  filterSources,
  NO_FILTER,
  sourceCaveats,
  SourceEntry,
  sourceEntries,
  SourceFilter,
} from "../view/sources";

/** The Sources tab: every publication, searchable and filtered; one opened lists what it backs. */
export function sourcesTab(pane: Pane): { render(): void } {
  const { catalog, details, link, amount, insertButton, figureOf } = pane;
  const entries = sourceEntries(catalog, pane.observations, details);
  let filter: SourceFilter = NO_FILTER;
  // ---- Sources ---------------------------------------------------------------------------------
  const search = byId<HTMLInputElement>("source-search");
  const selects = {
    publisher: byId<HTMLSelectElement>("filter-publisher"),
    provider: byId<HTMLSelectElement>("filter-provider"),
    year: byId<HTMLSelectElement>("filter-year"),
    family: byId<HTMLSelectElement>("filter-family"),
  };
  for (const [field, select] of Object.entries(selects) as [
    keyof typeof selects,
    HTMLSelectElement,
  ][]) {
    for (const value of choices(entries, field)) select.append(h("option", { value }, value));
    select.addEventListener("change", () => {
      filter = { ...filter, [field]: select.value };
      renderSources();
    });
  }
  search.addEventListener("input", () => {
    filter = { ...filter, query: search.value };
    renderSources();
  });

  function renderSources(): void {
    const shown = filterSources(entries, filter);
    byId("source-count").textContent = `${shown.length} of ${entries.length} sources`;
    fill(
      byId("source-list"),
      ...shown.map((e) => {
        const button = h(
          "button",
          { type: "button", class: "item" },
          h("span", { class: "item-title" }, e.source.title),
          h(
            "span",
            { class: "muted" },
            `${e.source.publisher} · ${e.source.published} · ${e.observations.length} figure${e.observations.length === 1 ? "" : "s"}`
          )
        );
        button.addEventListener("click", () => openSource(e));
        return h("li", {}, button);
      })
    );
    byId("source-detail").hidden = true;
    byId("source-browse").hidden = false;
  }

  function openSource(e: SourceEntry): void {
    const s: Source = e.source;
    const back = h("button", { type: "button", class: "back" }, "← All sources");
    back.addEventListener("click", () => {
      byId("source-detail").hidden = true;
      byId("source-browse").hidden = false;
    });
    fill(
      byId("source-detail"),
      back,
      h("h3", {}, s.title),
      ...sourceCaveats(s).map((c) => h("p", { class: "muted caveat" }, c)),
      h(
        "dl",
        {},
        h("dt", {}, "Publisher"),
        h("dd", {}, s.publisher),
        h("dt", {}, "Published"),
        h("dd", {}, dateText(s)),
        h("dt", {}, "Data provider"),
        h("dd", {}, s.provider),
        h("dt", {}, "Tier"),
        h("dd", {}, TIER_NAMES[s.tier]),
        s.accessed ? h("dt", {}, "Read on") : null,
        s.accessed ? h("dd", {}, s.accessed) : null,
        s.original ? h("dt", {}, "Original") : null,
        s.original ? h("dd", {}, link(s.original.url, s.original.publisher)) : null,
        h("dt", {}, "Link"),
        h("dd", {}, link(s.url, "Open the publication"))
      ),
      h("h4", {}, `Figures it backs (${e.observations.length})`),
      h(
        "ul",
        { class: "reports" },
        ...e.observations.map((o) => {
          const figure = figureOf(o);
          // The formula that returns this very report, where one does (a named poll's consensus).
          const own = figure ? formulaForReport(figure, o, catalog) : undefined;
          return h(
            "li",
            { class: "report" },
            h(
              "div",
              { class: "report-head" },
              h("strong", {}, `${o.series} ${o.period}`),
              " = ",
              amount(o, o.series, o.terms),
              o.kind !== "actual" ? ` (${o.kind}${o.by ? `, ${o.by}` : ""})` : "",
              figure && !own
                ? h("span", { class: "badge muted" }, `not returned: ${figure.value}`)
                : null
            ),
            h("p", { class: "note" }, details.note(o)),
            figure ? insertButton(own ?? formulaFor(figure)) : null
          );
        })
      )
    );
    byId("source-browse").hidden = true;
    byId("source-detail").hidden = false;
    back.focus();
  }

  return { render: renderSources };
}
