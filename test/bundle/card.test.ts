/* global Excel */
import { Catalog } from "../../src/core/catalog";
import { dataset } from "../../src/data";
import { PaneDetails } from "../../src/data/details";
import { figureCard } from "../../src/functions/card";
import { loadBundle, ShimError } from "./harness";

/** Office as a host with or without CustomFunctionsRuntime 1.4 reports it. */
const office = (cards: boolean) => ({
  Office: {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          cards && name === "CustomFunctionsRuntime" && version === "1.4",
      },
    },
  },
});

type Card = Excel.EntityCellValue;

describe("CN.CARD in the built bundle", () => {
  test("returns an entity carrying the figure, its publisher, date, address and the dataset version", async () => {
    const card = (await loadBundle(undefined, office(true)).functions.get("CARD")!(
      [["balance"]],
      [[2025]],
      null
    )) as Card[][];
    const entity = card[0][0];
    expect(entity.type).toBe("Entity");
    const p = entity.properties as Record<string, { type: string; basicValue: unknown }>;
    expect(p.Value).toMatchObject({ type: "Double", basicValue: 1189 });
    expect(p.Publisher.basicValue).toMatch(/The News International/);
    expect(p.Published.basicValue).toBe("2026-01-14");
    expect(p.Address.basicValue).toMatch(/^https:\/\/www\.thenews\.com\.pk\//);
    expect(p.Dataset.basicValue).toBe(`CN Trade dataset ${dataset.meta.version}`);
  });

  test("returns the plain number where the host has no cards, or no Office at all", async () => {
    await expect(
      loadBundle(undefined, office(false)).functions.get("CARD")!([["balance"]], [[2025]], null)
    ).resolves.toEqual([[1189]]);
    await expect(
      loadBundle().functions.get("CARD")!([["balance"]], [[2025]], null)
    ).resolves.toEqual([[1189]]);
  });

  test("answers a bad period with #VALUE!", async () => {
    const [[cell]] = (await loadBundle(undefined, office(true)).functions.get("CARD")!(
      [["balance"]],
      [["2025-13"]],
      null
    )) as unknown[][];
    expect(cell).toBeInstanceOf(ShimError);
    expect((cell as ShimError).code).toBe("#VALUE!");
  });
});

describe("the card of a figure", () => {
  const catalog = new Catalog(dataset);
  const details = PaneDetails.of(dataset);
  const words = {
    title: (o: (typeof dataset.observations)[number]) =>
      details.source(catalog.sources.get(o.source)!).title,
    note: (o: (typeof dataset.observations)[number]) => details.note(o),
  };
  const card = figureCard(catalog.figure("exports_yoy", "USD", "2025-12")!, catalog, words);
  const properties = card.properties as Record<string, { type: string; basicValue: unknown }>;

  test("has typed properties with basic values, and a card whose sections name only them", () => {
    for (const value of Object.values(properties)) {
      expect(["String", "Double"]).toContain(value.type);
      expect(value.basicValue).toBeDefined();
    }
    const layout = card.layouts!.card!;
    const title = layout.title as Excel.CardLayoutPropertyReference;
    expect(properties[title.property]).toBeDefined();
    const named = layout.sections!.flatMap((s) => s.properties);
    expect(named.filter((n) => !(n in properties))).toEqual([]);
    expect(Object.keys(properties).filter((n) => !named.includes(n) && n !== "Figure")).toEqual([]);
    expect(card.provider?.description).toMatch(/^CN Trade, citing /);
  });

  test("carries the title and note, the poll and the surprise against the first release", () => {
    expect(properties.Title.basicValue).not.toMatch(/open the task pane/);
    expect(properties.Note.basicValue).toBe(
      details.note(catalog.figure("exports_yoy", "USD", "2025-12")!.latest)
    );
    expect(properties.Consensus.basicValue).toBe(3);
    expect(properties.Surprise.basicValue).toBe(3.6);
  });

  test("says a revised figure is a revision and what was first released", () => {
    const revised = figureCard(catalog.figure("balance", "USD", "2025-01/02")!, catalog);
    const p = revised.properties as Record<string, { basicValue: unknown }>;
    expect(p.Value.basicValue).toBe(169.21);
    expect(p.Release.basicValue).toMatch(
      /^revision, published 2026-03-10; first released as 170.52 USD bn on 2025-03-07/
    );
  });
});
