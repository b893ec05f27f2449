import * as fs from "fs";
import * as path from "path";
import { dataset } from "../../src/data";
import { FORMULA_CASES } from "../cases/formulas";
import { Catalog } from "../../src/core/catalog";
import { formulaFor } from "../../src/taskpane/view/formulas";
import { Bundle, DIST, evaluate, loadBundle, matches } from "./harness";

let bundle: Bundle;

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "functions.js"))) {
    throw new Error("dist/functions.js is missing: run `npm run build` first (npm test does).");
  }
  bundle = loadBundle();
});

describe("the built functions.js", () => {
  test("associates every function id in the generated functions.json, and nothing else", () => {
    const ids = bundle.metadata.map((f) => f.id).sort();
    expect([...bundle.functions.keys()].sort()).toEqual(ids);
    expect(ids).toEqual([
      "CARD",
      "COMMODITY",
      "CONSENSUS",
      "EXPORTS",
      "FORECAST",
      "HISTORY",
      "IMPORTS",
      "PARTNER",
      "SERIES",
      "SOURCE",
      "SURPLUS",
      "SURPRISE",
      "VALUE",
      "VINTAGE",
      "YOY",
    ]);
  });

  test("gives every function a description, parameter descriptions and a help URL to its own section", () => {
    for (const f of bundle.metadata) {
      expect(f.description).toBeTruthy();
      expect(f.helpUrl).toMatch(new RegExp(`/assets/help\\.html#${f.id.toLowerCase()}$`));
      for (const p of f.parameters)
        expect((p as { description?: string }).description).toBeTruthy();
    }
  });

  test("does not carry the zod validator", () => {
    const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
    expect(code).not.toMatch(/ZodError|safeParse/);
  });

  test("carries every source but none of the notes, which only the pane's details chunk holds", () => {
    const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");
    const [code, loader, paneCode, details] = [
      "functions.js",
      "taskpane.js",
      "pane.js",
      "details.js",
    ].map(read);
    const pane = loader + paneCode;
    // The longest stretch of each note that the minifier cannot re-quote or escape.
    const notes = dataset.observations.map(
      (o) => o.note.split(/['"`\\\u0080-\uffff]/).sort((a, b) => b.length - a.length)[0]
    );
    expect(notes.filter((n) => code.includes(n))).toEqual([]);
    expect(notes.filter((n) => pane.includes(n))).toEqual([]);
    // The same search finds them in the details chunk, so the tests above can fail.
    expect(notes.filter((n) => !details.includes(n))).toEqual([]);
    for (const s of dataset.sources) expect(code).toContain(s.id);
  });

  test("is the page's one copy of the dataset: the pane's scripts embed no source", () => {
    const pane = ["taskpane.js", "pane.js"]
      .map((f) => fs.readFileSync(path.join(DIST, f), "utf8"))
      .join("\n");
    expect(dataset.sources.filter((s) => pane.includes(s.url))).toEqual([]);
    expect(dataset.sources.filter((s) => pane.includes(`"${s.id}"`))).toEqual([]);
  });
});

describe("formula cases against the built bundle", () => {
  test.each(FORMULA_CASES.map((c) => [c.formula, c]))("%s", (_formula, c) => {
    matches(evaluate(bundle, c.formula), c.expect);
  });
});

describe("the formula the pane inserts for a figure", () => {
  const catalog = new Catalog(dataset);
  const figures = [
    ...[...catalog.series.keys()].flatMap((id) =>
      (["USD", "CNY", "-"] as const).flatMap((t) => catalog.figuresOf(id, t))
    ),
    ...catalog.allForecasts(),
  ];

  test(`evaluates to that figure, for every one of the dataset's ${figures.length} figures`, () => {
    const wrong = figures
      .map((f) => ({ formula: formulaFor(f), expected: f.value }))
      .map((c) => ({ ...c, shown: evaluate(bundle, c.formula) }))
      .filter((c) => c.shown !== c.expected);
    expect(wrong).toEqual([]);
    expect(figures.length).toBeGreaterThan(1000);
  });
});
