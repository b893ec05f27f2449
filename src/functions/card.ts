/* global Excel */
import type { Catalog, Figure } from "../core/catalog";
import { FLOW_SERIES, formatAmount, subtract, UNIT_TEXT } from "../core/cn";
import type { Reported, Series } from "../data/dataset";
import { publisherOf } from "../data/tiers";

/** What a card adds from the pane's details where they are loaded: titles and notes. */
export interface CardWords {
  title(o: Reported): string | undefined;
  note(o: Reported): string;
}

/** Number formats by unit, in en-US syntax as Excel expects them. */
const FORMATS: Record<Series["unit"], string> = {
  bn: '#,##0.00" bn"',
  trn: '#,##0.00" trn"',
  pct: '0.0"%"',
  mt: '#,##0.00" Mt"',
  kt: '#,##0" kt"',
  t: '#,##0" t"',
  mbpd: '0.00" mb/d"',
};

const text = (basicValue: string): Excel.StringCellValue => ({ type: "String", basicValue });

/**
 * A figure as an Excel entity value (a card): the value with its unit and number format, what it
 * measures, which release, the publication behind it, how many reports agree, the poll where one
 * exists, and the dataset version. The card keeps its data in the saved workbook, so a reader
 * without the add-in still sees where the number came from.
 */
export function figureCard(
  figure: Figure,
  catalog: Catalog,
  words?: CardWords
): Excel.EntityCellValue {
  const series = catalog.series.get(figure.series);
  const o = figure.latest;
  const source = catalog.sources.get(o.source);
  const publisher = source ? publisherOf(source) : o.source;
  const address = source?.original?.url ?? source?.url ?? "";
  const unit = series ? UNIT_TEXT[series.unit] : "";
  const label = `${series?.name ?? figure.series}, ${figure.period.id}${figure.terms ? ` (${figure.terms})` : ""}`;
  const first = figure.reports.filter((r) => !r.revision);
  const differing = first.filter((r) => r.value !== figure.preferred.value).length;
  const properties: Record<string, Excel.EntityPropertyType> = {
    Figure: text(label),
    Value: {
      type: "Double",
      basicValue: figure.value,
      numberFormat: series ? FORMATS[series.unit] : "General",
      propertyMetadata: {
        sublabel: `${unit}${figure.terms ? `, ${figure.terms} terms` : ""}`,
        attribution: [{ sourceText: publisher, sourceAddress: address }],
      },
    },
    Series: text(`${series?.name ?? figure.series} (${figure.series})`),
    Period: text(figure.period.id),
    Terms: text(figure.terms ?? "no currency"),
    Release: text(
      figure.revisions.length > 0
        ? `revision, published ${source?.published ?? ""}; first released as ${formatAmount(figure.preferred, series, figure.terms)} on ${figure.released}`
        : `first release, ${figure.released}`
    ),
    Hedge: text(o.qualifier ? `printed with a hedge: "${o.qualifier}"` : "none"),
    Publisher: text(publisher),
    Title: text(words?.title(o) ?? "(open the task pane for titles)"),
    Published: text(source?.published ?? ""),
    Address: text(address),
    Provider: text(o.provider ?? source?.provider ?? ""),
    Tier: text(source?.tier ?? ""),
    Note: text(words?.note(o) || "(open the task pane for notes)"),
    Reports: text(
      `${figure.reports.length} report${figure.reports.length === 1 ? "" : "s"}; ${
        figure.disagree
          ? `sources differ (${differing} of ${first.length} give another value)`
          : "they agree"
      }`
    ),
    Dataset: text(`CN Trade dataset ${catalog.meta.version}`),
  };
  const poll = pollOf(figure, catalog);
  if (poll) {
    properties.Consensus = {
      type: "Double",
      basicValue: poll.consensus,
      propertyMetadata: { sublabel: poll.by },
    };
    properties.Surprise = {
      type: "Double",
      basicValue: poll.surprise,
      propertyMetadata: { sublabel: "actual − consensus" },
    };
  }
  return {
    type: "Entity",
    text: `${figure.value}${unit === "%" ? "%" : ` ${unit}`}`,
    properties,
    layouts: {
      card: {
        title: { property: "Figure" },
        subTitle: { property: "Value" },
        sections: [
          {
            layout: "List",
            properties: ["Value", "Series", "Period", "Terms", "Release", "Hedge"],
          },
          {
            layout: "List",
            title: "Source",
            properties: [
              "Publisher",
              "Title",
              "Published",
              "Address",
              "Provider",
              "Tier",
              "Reports",
            ],
          },
          { layout: "List", title: "Note", collapsible: true, properties: ["Note"] },
          ...(poll
            ? [{ layout: "List" as const, title: "Poll", properties: ["Consensus", "Surprise"] }]
            : []),
          { layout: "List", title: "Dataset", properties: ["Dataset"] },
        ],
      },
    },
    provider: { description: `CN Trade, citing ${publisher}` },
  };
}

/** The consensus and surprise of a polled figure's first release, where a poll is in the dataset. */
function pollOf(
  figure: Figure,
  catalog: Catalog
): { consensus: number; surprise: number; by: string } | undefined {
  if (figure.preferred.kind !== "actual") return undefined;
  const flow = Object.values(FLOW_SERIES).find((f) => f.actual === figure.series);
  if (!flow) return undefined;
  const poll = catalog.figure(flow.consensus, figure.terms ?? "-", figure.period.id);
  if (!poll) return undefined;
  return {
    consensus: poll.value,
    surprise: subtract(figure.preferred.value, poll.value),
    by: poll.preferred.by ?? "poll",
  };
}
