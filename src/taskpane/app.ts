/* global HTMLAnchorElement, HTMLButtonElement, HTMLInputElement, HTMLSelectElement, KeyboardEvent, clearTimeout, setTimeout */
import type { Catalog, Figure, TermsKey } from "../core/catalog";
import { formatAmount, UNIT_TEXT } from "../core/cn";
import type { CnFunctions } from "../core/cn";
import { isCoreError } from "../core/errors";
import type { Reported, Source, Terms, Tier } from "../data/dataset";
import type { PaneDetails } from "./details";
import { byId, fill, h, svg } from "./dom";
import type { Host } from "./host";
import {
  CellExplanation,
  describeValue,
  explainFormula,
  mentionsCn,
  referencesIn,
} from "./view/explain";
import { formulaFor, seriesFormula } from "./view/formulas";
import { catalogueRows, chartModel, valueRows } from "./view/series";
import {
  choices,
  dateText,
  FAMILY_NAMES,
  filterSources,
  NO_FILTER,
  sourceCaveats,
  SourceEntry,
  sourceEntries,
  SourceFilter,
} from "./view/sources";

export interface PaneData {
  readonly catalog: Catalog;
  readonly cn: CnFunctions;
  readonly observations: readonly Reported[];
  /** Notes, printed forms and titles, beside the functions' records. */
  readonly details: PaneDetails;
}

/** How the pane names each tier of source. */
const TIER_NAMES: Record<Tier, string> = {
  official: "official",
  wire: "wire or major outlet",
  repost: "named repost",
  other: "other source",
};

const TABS = ["sources", "data", "cell", "about"] as const;
type Tab = (typeof TABS)[number];

/** Starts the pane: wires the tabs, renders every panel, and follows the selection in Excel. */
export function startPane(host: Host, data: PaneData): void {
  const { catalog, cn, details } = data;
  const entries = sourceEntries(catalog, data.observations, details);
  let filter: SourceFilter = NO_FILTER;

  const status = byId("status");
  const say = (message: string): void => {
    status.textContent = message;
  };

  // ---- Tabs ------------------------------------------------------------------------------------
  const tabButton = (tab: Tab) => byId<HTMLButtonElement>(`tab-${tab}`);
  function showTab(tab: Tab, focus = false): void {
    for (const t of TABS) {
      const selected = t === tab;
      tabButton(t).setAttribute("aria-selected", String(selected));
      tabButton(t).tabIndex = selected ? 0 : -1;
      byId(`panel-${t}`).hidden = !selected;
    }
    if (focus) tabButton(tab).focus();
    if (tab === "cell") void refreshCell();
  }
  for (const tab of TABS) {
    tabButton(tab).addEventListener("click", () => showTab(tab));
    tabButton(tab).addEventListener("keydown", (event: KeyboardEvent) => {
      const i = TABS.indexOf(tab);
      const next =
        event.key === "ArrowRight"
          ? TABS[(i + 1) % TABS.length]
          : event.key === "ArrowLeft"
            ? TABS[(i + TABS.length - 1) % TABS.length]
            : event.key === "Home"
              ? TABS[0]
              : event.key === "End"
                ? TABS[TABS.length - 1]
                : undefined;
      if (next) {
        event.preventDefault();
        showTab(next, true);
      }
    });
  }

  // ---- Shared pieces ---------------------------------------------------------------------------
  function link(url: string, text: string): HTMLAnchorElement {
    const a = h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text);
    a.addEventListener("click", (event) => {
      event.preventDefault();
      host.openLink(url);
    });
    return a;
  }

  const amount = (o: Reported, seriesId: string, terms: Terms | null): string =>
    formatAmount(o, catalog.series.get(seriesId), terms);

  function insertButton(formula: string, rows = 1, cols = 1, label = `Insert ${formula}`) {
    const button = h(
      "button",
      {
        type: "button",
        class: "insert",
        disabled: !host.inExcel,
        title: host.inExcel ? "" : "Inserting needs Excel",
      },
      label
    );
    button.addEventListener("click", () => void insert(formula, rows, cols));
    return button;
  }

  /**
   * One report of a figure: who published it (and how far to trust it), when, citing whom, what
   * it said, whether it is a revision or hedged, and the note.
   */
  function report(o: Reported, returned: boolean, terms: Terms | null) {
    const record = catalog.sources.get(o.source);
    const source = record ? details.source(record) : undefined;
    const reportedAs = details.reportedAs(o);
    return h(
      "li",
      { class: "report" },
      h(
        "div",
        { class: "report-head" },
        h("strong", {}, amount(o, o.series, terms)),
        " · ",
        source
          ? `${source.original ? `${source.original.publisher} via ${source.publisher}` : source.publisher}, ${dateText(source)}`
          : o.source,
        returned ? h("span", { class: "badge" }, "returned") : null,
        o.revision ? h("span", { class: "badge muted" }, "revision") : null,
        o.qualifier ? h("span", { class: "badge muted" }, `hedged: “${o.qualifier}”`) : null,
        source ? h("span", { class: "badge muted" }, TIER_NAMES[source.tier]) : null
      ),
      h(
        "div",
        { class: "muted" },
        `Provider: ${o.provider ?? source?.provider ?? "unknown"}${o.by ? ` · ${o.by}` : ""}${reportedAs ? ` · reported as “${reportedAs}”` : ""}`
      ),
      h("p", { class: "note" }, details.note(o)),
      source ? link(source.original?.url ?? source.url, source.title) : null
    );
  }

  function figureBlock(figure: Figure) {
    const disagree = figure.disagree
      ? h(
          "p",
          { class: "disagree" },
          `Sources differ beyond their rounding: ${figure.reports
            .filter((o) => !o.revision)
            .map((o) => amount(o, o.series, figure.terms))
            .join(" vs ")}. The first is the first release's preferred report; its note says why.`
        )
      : null;
    return h(
      "section",
      { class: "figure" },
      h(
        "h4",
        {},
        `${catalog.series.get(figure.series)?.name ?? figure.series}, ${figure.period.id}${figure.terms ? ` (${figure.terms})` : ""}`
      ),
      disagree,
      revisedNote(figure),
      h(
        "ul",
        { class: "reports" },
        ...figure.reports.map((o) => report(o, o === figure.latest, figure.terms))
      ),
      insertButton(formulaFor(figure))
    );
  }

  const revisedNote = (figure: Figure) =>
    figure.revisions.length > 0
      ? h(
          "p",
          { class: "muted" },
          `Revised: first released as ${amount(figure.preferred, figure.series, figure.terms)} on ${figure.released}; the latest revision is returned. CN.HISTORY lists every published value.`
        )
      : null;

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
              figure && figure.preferred !== o
                ? h("span", { class: "badge muted" }, `not returned: ${figure.value}`)
                : null
            ),
            h("p", { class: "note" }, details.note(o)),
            figure ? insertButton(formulaFor(figure)) : null
          );
        })
      )
    );
    byId("source-browse").hidden = true;
    byId("source-detail").hidden = false;
    back.focus();
  }

  function figureOf(o: Reported): Figure | undefined {
    if (o.kind === "forecast") {
      return catalog
        .forecasts(o.series, o.terms ?? "-", o.period)
        .find((f) => f.reports.includes(o));
    }
    return catalog.figure(o.series, o.terms ?? "-", o.period);
  }

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

  function chart(rows: ReturnType<typeof valueRows>, name: string) {
    const model = chartModel(rows);
    if (!model) return h("p", { class: "muted" }, "Nothing to chart.");
    const marks =
      model.kind === "line"
        ? model.runs.map((run) =>
            svg("polyline", {
              class: "line",
              points: run.map((i) => `${model.points[i].x},${model.points[i].y}`).join(" "),
            })
          )
        : model.points.map((p) => {
            const base = model.zeroY ?? model.height - 18;
            return svg(
              "rect",
              {
                class: "bar",
                x: p.x - 6,
                y: Math.min(p.y, base),
                width: 12,
                height: Math.max(Math.abs(base - p.y), 1),
              },
              svg("title", {}, p.label)
            );
          });
    const dots =
      model.kind === "line"
        ? model.points.map((p) =>
            svg("circle", { class: "dot", cx: p.x, cy: p.y, r: 2 }, svg("title", {}, p.label))
          )
        : [];
    return svg(
      "svg",
      {
        class: "chart",
        viewBox: `0 0 ${model.width} ${model.height}`,
        role: "img",
        "aria-label": `${name}, ${model.first} to ${model.last}`,
      },
      svg("title", {}, `${name}, ${model.first} to ${model.last}`),
      model.zeroY !== null
        ? svg("line", {
            class: "axis",
            x1: 36,
            x2: model.width - 8,
            y1: model.zeroY,
            y2: model.zeroY,
          })
        : null,
      svg("text", { class: "tick", x: 2, y: 14 }, String(model.max)),
      svg("text", { class: "tick", x: 2, y: model.height - 20 }, String(model.min)),
      svg("text", { class: "tick", x: 36, y: model.height - 4 }, model.first),
      svg(
        "text",
        { class: "tick", x: model.width - 8, y: model.height - 4, "text-anchor": "end" },
        model.last
      ),
      ...marks,
      ...dots
    );
  }

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
      renderCell(cell.address, explainFormula(cell.formula, refs, cn, catalog));
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

  function renderCell(address: string, explanation: CellExplanation): void {
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
              ...call.figures.map(figureBlock)
            )
          )
        );
    }
  }

  // ---- Insert ----------------------------------------------------------------------------------
  const confirmBox = byId("confirm");
  function ask(message: string): Promise<boolean> {
    fill(byId("confirm-text"), message);
    confirmBox.hidden = false;
    const yes = byId<HTMLButtonElement>("confirm-yes");
    const no = byId<HTMLButtonElement>("confirm-no");
    no.focus();
    return new Promise((resolve) => {
      const done = (answer: boolean) => {
        confirmBox.hidden = true;
        yes.onclick = null;
        no.onclick = null;
        resolve(answer);
      };
      yes.onclick = () => done(true);
      no.onclick = () => done(false);
    });
  }

  async function insert(formula: string, rows: number, cols: number): Promise<void> {
    if (!host.inExcel) {
      say("Inserting formulas needs Excel.");
      return;
    }
    try {
      const target = await host.inspectTarget(rows, cols);
      if (!target.empty) {
        const ok = await ask(
          `${target.sheet}!${target.address} is not empty. Replace its contents with ${formula}?`
        );
        if (!ok) {
          say("Nothing was inserted.");
          return;
        }
      }
      await host.writeFormula(target, formula);
      say(`Inserted ${formula} in ${target.sheet}!${target.address.split(":")[0]}.`);
    } catch (error) {
      say(`Could not insert the formula: ${(error as Error).message}`);
    }
  }

  // ---- About -----------------------------------------------------------------------------------
  /** What this dataset version changed, from the release tool's record. */
  function changesIn(version: string) {
    const change = details.changes.find((c) => c.version === version);
    if (!change) return [];
    const counts = `${change.added} figure reports added, ${change.revised} revisions, ${change.corrected} corrections`;
    return [
      h("h3", {}, "What changed in this version"),
      h(
        "p",
        { id: "about-changes" },
        `${change.date}, ${change.release}: ${counts}.${change.summary ? ` ${change.summary}` : ""}`
      ),
      change.newFigures.length > 0
        ? h("p", { class: "muted" }, `New figures: ${change.newFigures.join("; ")}.`)
        : null,
    ];
  }

  function renderAbout(): void {
    const { version, asOf, title, license } = catalog.meta;
    const periods = data.observations.map((o) => o.period).sort();
    fill(
      byId("about-body"),
      h("p", {}, h("strong", {}, cn.vintage())),
      h(
        "p",
        {},
        `${title}. ${data.observations.length} reported figures from ${catalog.sources.size} publications in ${catalog.series.size} series, periods ${periods[0]} to ${periods[periods.length - 1]}. ${license}`
      ),
      ...changesIn(version),
      h("h3", {}, "Coverage"),
      h(
        "ul",
        {},
        ...catalogueRows(catalog).map((r) =>
          h("li", {}, h("code", {}, r.series.id), ` ${r.coverage}`)
        )
      ),
      h("h3", {}, "How to cite"),
      h(
        "p",
        {},
        `Cite the publication behind each figure (=CN.SOURCE(series, period) gives it in a cell), and the dataset as: CN Trade dataset ${version}, figures as of ${asOf}. A workbook can record the version it used with =CN.VINTAGE().`
      )
    );
  }

  // ---- Start -----------------------------------------------------------------------------------
  byId("host-note").hidden = host.inExcel;
  byId("host-note").textContent = host.inExcel
    ? ""
    : "Opened outside Excel: browse sources and data here; inspecting cells and inserting formulas need the pane in Excel.";
  renderSources();
  renderCatalogue();
  renderAbout();
  showTab("sources");
  let pending: ReturnType<typeof setTimeout> | undefined;
  void host
    .onSelectionChanged(() => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        if (!byId("panel-cell").hidden) void refreshCell();
      }, 50);
    })
    .catch(() =>
      say("The pane could not follow the selection; reopen the This cell tab to refresh.")
    );
}
