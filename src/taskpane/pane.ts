/* global HTMLAnchorElement, HTMLButtonElement, HTMLElement */
import type { Catalog, Figure } from "../core/catalog";
import { formatAmount } from "../core/cn";
import type { CnFunctions } from "../core/cn";
import type { Reported, Terms, Tier } from "../data/dataset";
import type { PaneDetails } from "../data/details";
import { publisherOf } from "../data/tiers";
import { byId, fill, h } from "./dom";
import type { Host } from "./host";
import { formulaFor } from "./view/formulas";
import { dateText } from "./view/sources";

export interface PaneData {
  readonly catalog: Catalog;
  readonly cn: CnFunctions;
  readonly observations: readonly Reported[];
  /** Notes, printed forms and titles, beside the functions' records. */
  readonly details: PaneDetails;
}

/** How the pane names each tier of source. */
export const TIER_NAMES: Record<Tier, string> = {
  official: "official",
  wire: "wire or major outlet",
  repost: "named repost",
  other: "other source",
};

/** What every tab shares: the data, the host, and the components that show a figure. */
export interface Pane extends PaneData {
  readonly host: Host;
  /** Announces a short status (a live region): "Inserted =CN.YOY(…) in Sheet1!B2." */
  say(message: string): void;
  link(url: string, text: string): HTMLAnchorElement;
  amount(o: Reported, seriesId: string, terms: Terms | null): string;
  insertButton(formula: string, rows?: number, cols?: number, label?: string): HTMLButtonElement;
  /** A figure and its reports; `shown` is the value a cell returned, to mark the report it came from. */
  figureBlock(figure: Figure, shown?: number): HTMLElement;
  figureOf(o: Reported): Figure | undefined;
  /** Shows the This cell tab for the selected cell (set once the tabs exist). */
  showCell: () => void;
}

/** The shared context of the pane's tabs. */
export function createPane(
  host: Host,
  data: PaneData,
  insert: (pane: Pane, formula: string, rows: number, cols: number) => Promise<void>
): Pane {
  const { catalog, details } = data;
  const status = byId("status");
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
    button.addEventListener("click", () => void insert(pane, formula, rows, cols));
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
        source ? `${publisherOf(source)}, ${dateText(source)}` : o.source,
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

  function figureBlock(figure: Figure, shown?: number) {
    // A call can return another report than the latest: a named poll's, or the value as of a day.
    const returned =
      shown === undefined || figure.latest.value === shown
        ? figure.latest
        : (figure.reports.find((o) => o.value === shown) ?? figure.latest);
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
        ...figure.reports.map((o) => report(o, o === returned, figure.terms))
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

  function figureOf(o: Reported): Figure | undefined {
    if (o.kind === "forecast") {
      return catalog
        .forecasts(o.series, o.terms ?? "-", o.period)
        .find((f) => f.reports.includes(o));
    }
    return catalog.figure(o.series, o.terms ?? "-", o.period);
  }

  const pane: Pane = {
    ...data,
    host,
    say(message: string): void {
      fill(status, message);
    },
    link,
    amount,
    insertButton,
    figureBlock,
    figureOf,
    showCell: () => undefined,
  };
  return pane;
}
