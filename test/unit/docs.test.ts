import * as fs from "fs";
import * as path from "path";
import observations from "../../src/data/observations.json";
import seriesList from "../../src/data/series.json";
import sources from "../../src/data/sources.json";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const functionsSource = read("src/functions/functions.ts");
const helpPage = read("assets/help.html");
const readme = read("README.md");

/** Function ids as the JSDoc declares them: `@customfunction` then the @helpurl anchor. */
const anchors = [
  ...functionsSource.matchAll(/@helpurl https:\/\/localhost:3000\/assets\/help\.html#([a-z]+)/g),
].map((m) => m[1]);

describe("function reference docs", () => {
  test("every function has a help URL, and there is one per @customfunction", () => {
    expect(anchors.length).toBe([...functionsSource.matchAll(/@customfunction/g)].length);
    expect(anchors.length).toBe(15);
  });

  test.each(anchors)(
    "the help page has a section for #%s, and the README's table names it",
    (anchor) => {
      expect(helpPage).toContain(`id="${anchor}"`);
      expect(readme).toContain(`CN.${anchor.toUpperCase()}(`);
    }
  );

  test.each(seriesList.map((s) => s.id))("the help page lists the series id %s", (id) => {
    expect(helpPage).toContain(`<code>${id}</code>`);
  });
});

describe("the README's dataset counts", () => {
  test("name as many figures and reports as the dataset holds", () => {
    const figures = observations.length.toLocaleString("en-US");
    expect(readme).toContain(`read from ${sources.length} public`);
    expect(readme).toContain(
      `reports (wire stories and their reposts, customs and state media): ${figures} figures`
    );
  });
});

describe("the README's way to the pane", () => {
  test("names the ribbon tab, group and button the manifest declares", () => {
    const manifest = read("manifest.xml");
    const tab = /<OfficeTab id="Tab(\w+)"/.exec(manifest)?.[1];
    const label = (id: string) =>
      new RegExp(`<bt:String id="${id}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
    expect(tab).toBeDefined();
    expect(readme).toContain(
      `the ribbon (${tab} › ${label("Group.Label")} › ${label("TaskpaneButton.Label")})`
    );
  });
});
