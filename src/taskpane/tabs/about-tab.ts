import { byId, fill, h } from "../dom";
import type { Pane } from "../pane";
import { catalogueRows } from "../view/series";

/** The About tab: the dataset version, what it changed, coverage, and how to cite. */
export function aboutTab(pane: Pane): { render(): void } {
  const { catalog, cn, details } = pane;
  const data = pane;
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

  return { render: renderAbout };
}
