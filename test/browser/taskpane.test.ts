import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import { dataset } from "../../src/data";
import changes from "../../src/data/changes.json";
import type { Observation } from "../../src/data/dataset";
import { FORMULA_CASES } from "../cases/formulas";
import { callOf, DIST, FunctionMetadata, matches, show } from "../bundle/harness";
import {
  foreignRequests,
  launch,
  openPane,
  openRuntime,
  PaneSession,
  RUNTIME_PAGE,
  screenshotPath,
  serve,
} from "./browser";

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, "../..");
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("No built pane in dist/: run `npm run build` first (npm test does).");
  }
  browser = await launch();
  server = await serve(DIST, { "/functions-runtime.html": RUNTIME_PAGE });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The CNBC report of December 2025 export growth, read from the dataset rather than restated. */
function cnbcDecemberNote(): string {
  const cnbc = dataset.sources.filter((s) => (s.original?.publisher ?? s.publisher) === "CNBC");
  const o = dataset.observations.find(
    (x: Observation) =>
      x.series === "exports_yoy" &&
      x.period === "2025-12" &&
      x.terms === "USD" &&
      cnbc.some((s) => s.id === x.source)
  );
  if (!o) throw new Error("The dataset has no CNBC report of December 2025 export growth.");
  return o.note;
}

async function withPane(
  options: Parameters<typeof openPane>[2],
  body: (session: PaneSession) => Promise<void>
): Promise<void> {
  await check(await openPane(browser, server.origin, options), body);
}

/** Runs a test's body, then asserts no error, no CSP violation and no request outside Office's. */
async function check(
  session: PaneSession,
  body: (session: PaneSession) => Promise<void>,
  origin = server.origin
): Promise<void> {
  try {
    await body(session);
    expect(session.errors).toEqual([]);
    await expect(session.violations()).resolves.toEqual([]);
    expect(foreignRequests(session.requests, origin)).toEqual([]);
    expect(session.scriptRequests).toEqual([]);
  } finally {
    await session.close();
  }
}

describe("the task pane in Chromium", () => {
  test("searches the sources and opens one to list every figure it backs, with notes", async () => {
    await withPane({}, async ({ page }) => {
      const total = await page.locator("#source-list li").count();
      expect(total).toBe(dataset.sources.length);
      await page.fill("#source-search", "CNBC");
      const shown = await page.locator("#source-list li").count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(total);
      await expect(page.locator("#source-count").textContent()).resolves.toContain(
        `${shown} of ${total}`
      );
      await page.screenshot({ path: screenshotPath("sources"), fullPage: true });
      await page
        .locator("#source-list li button")
        .filter({ hasText: "December exports beat" })
        .first()
        .click();
      const detail = page.locator("#source-detail");
      await expect(detail.isVisible()).resolves.toBe(true);
      await expect(detail.textContent()).resolves.toContain(cnbcDecemberNote());
      await page.screenshot({ path: screenshotPath("source-detail"), fullPage: true });
      await detail.locator("a", { hasText: "Open the publication" }).click();
      const opened = await page.evaluate(
        () => (window as unknown as { __shim: { opened: string[] } }).__shim.opened
      );
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatch(/^https:\/\//);
    });
  });

  test("filters sources by provider and year", async () => {
    await withPane({}, async ({ page }) => {
      const total = await page.locator("#source-list li").count();
      const years = await page.locator("#filter-year option").allTextContents();
      expect(years).toContain("2025");
      await page.selectOption("#filter-year", "2025");
      const in2025 = await page.locator("#source-list li").count();
      expect(in2025).toBeGreaterThan(0);
      expect(in2025).toBeLessThanOrEqual(total);
      const providers = await page.locator("#filter-provider option").allTextContents();
      await page.selectOption("#filter-provider", providers[1]);
      const both = await page.locator("#source-list li").count();
      expect(both).toBeLessThanOrEqual(in2025);
    });
  });

  test("opens a series and shows its chart and values, with disagreements marked", async () => {
    await withPane({}, async ({ page }) => {
      await page.click("#tab-data");
      await page.locator("#series-list button").filter({ hasText: "exports_yoy" }).first().click();
      const chart = page.locator("#series-detail svg.chart");
      await expect(chart.isVisible()).resolves.toBe(true);
      const marks = await chart.locator("polyline, rect").count();
      expect(marks).toBeGreaterThan(0);
      const rows = await page.locator("#series-detail tbody tr").count();
      expect(rows).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath("data"), fullPage: true });
      await page.locator("#series-detail tbody button", { hasText: "2025-12" }).first().click();
      await expect(page.locator("#figure-detail").textContent()).resolves.toContain(
        cnbcDecemberNote()
      );
    });
  });

  test("explains the selected cell's CN.YOY formula with the CNBC note, and follows the selection", async () => {
    await withPane({}, async ({ page }) => {
      await page.evaluate(() => {
        const shim = (
          window as unknown as { __shim: { cells: Record<string, unknown>; active: string } }
        ).__shim;
        shim.cells.A1 = { formula: '=CN.YOY("2025-12")', value: 6.6 };
        shim.cells.B1 = { value: "Dec 2025" };
        shim.cells.B2 = { value: "2025-11" };
        shim.cells.A2 = { formula: '=CN.YOY(B1; "imports")+0', value: 5.7 };
        shim.cells.A3 = { formula: "=CN.YOY(B1:B2)", value: 6.6 };
        shim.cells.A4 = { formula: "=SUM(1,2)", value: 3 };
        shim.cells.A5 = { formula: '=CN.CONSENSUS("2023-03", , "Bloomberg")', value: -7.1 };
        shim.cells.A6 = {
          formula: '=CN.VALUE("balance", "2025-01/02", , "2025-06-30")',
          value: 170.52,
        };
        shim.active = "A1";
      });
      await page.click("#tab-cell");
      const body = page.locator("#cell-body");
      await page.waitForFunction(() =>
        document.querySelector("#cell-body")?.textContent?.includes("CN.YOY")
      );
      await expect(body.textContent()).resolves.toContain("Value: 6.6");
      await expect(body.textContent()).resolves.toContain(cnbcDecemberNote());
      await page.screenshot({ path: screenshotPath("this-cell"), fullPage: true });

      const select = (address: string) =>
        page.evaluate(
          (a) =>
            (window as unknown as { __shim: { select: (x: string) => void } }).__shim.select(a),
          address
        );
      await select("A2");
      await page.waitForFunction(() =>
        document.querySelector("#cell-body")?.textContent?.includes("Selected: Sheet1!A2")
      );
      const a2 = await body.textContent();
      expect(a2).toContain('"Dec 2025" (read from the cell)');
      expect(a2).toContain("Value: 5.7");

      await select("A3");
      await page.waitForFunction(() =>
        document.querySelector("#cell-body")?.textContent?.includes("Selected: Sheet1!A3")
      );
      const a3 = await body.textContent();
      expect(a3).toContain("Value: 2 × 1 values");
      expect(await body.locator("section.figure").count()).toBe(2);

      await select("A4");
      await page.waitForFunction(() =>
        document.querySelector("#cell-body")?.textContent?.includes("Selected: Sheet1!A4")
      );
      await expect(body.textContent()).resolves.toContain("no CN.* formula");

      // The report marked "returned" is the one the cell's value came from: a named poll's, or
      // the value published by an as-of day, not the figure's latest report.
      const returned = body.locator("li.report", {
        has: page.locator(".badge", { hasText: /^returned$/ }),
      });
      await select("A5");
      await page.waitForFunction(() =>
        document.querySelector("#cell-body")?.textContent?.includes("Selected: Sheet1!A5")
      );
      await expect(returned.count()).resolves.toBe(1);
      await expect(returned.textContent()).resolves.toMatch(/-7\.1%.*Bloomberg survey/);
      await select("A6");
      await page.waitForFunction(() =>
        document.querySelector("#cell-body")?.textContent?.includes("Selected: Sheet1!A6")
      );
      await expect(returned.count()).resolves.toBe(1);
      await expect(returned.textContent()).resolves.toMatch(/170\.52/);
    });
  });

  test("inserts a formula into an empty cell, and asks before overwriting a full range", async () => {
    await withPane({}, async ({ page }) => {
      type Shim = {
        __shim: { cells: Record<string, { formula?: unknown; value?: unknown }>; active: string };
      };
      await page.evaluate(() => {
        const shim = (window as unknown as Shim).__shim;
        shim.active = "D1";
      });
      await page.click("#tab-data");
      await page.locator("#series-list button").filter({ hasText: "exports_yoy" }).first().click();
      await page.locator("#series-detail tbody button", { hasText: "2025-12" }).first().click();
      await page.locator("#figure-detail button.insert").click();
      await page.waitForFunction(() => (window as unknown as Shim).__shim.cells.D1 !== undefined);
      expect(await page.evaluate(() => (window as unknown as Shim).__shim.cells.D1.formula)).toBe(
        '=CN.YOY("2025-12")'
      );
      await expect(page.locator("#confirm").isVisible()).resolves.toBe(false);

      // A whole series spills two columns down from the active cell; one value is in the way.
      await page.evaluate(() => {
        const shim = (window as unknown as Shim).__shim;
        shim.cells.G2 = { value: "keep me" };
        shim.active = "F1";
      });
      await page.locator("#series-detail button.insert", { hasText: "Insert the series" }).click();
      await page.waitForSelector("#confirm[open]");
      await expect(page.locator("#confirm-text").textContent()).resolves.toContain("is not empty");
      // A modal dialog: focus inside it on Cancel; Escape answers no and gives focus back.
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("confirm-no");
      await page.keyboard.press("Escape");
      await page.waitForSelector("#confirm:not([open])", { state: "attached" });
      await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toMatch(
        /^Insert the series/
      );
      await expect(page.locator("#status").textContent()).resolves.toBe("Nothing was inserted.");
      await page.locator("#series-detail button.insert", { hasText: "Insert the series" }).click();
      await page.waitForSelector("#confirm[open]");
      await page.screenshot({ path: screenshotPath("insert-confirm"), fullPage: true });
      await page.click("#confirm-no");
      expect(await page.evaluate(() => (window as unknown as Shim).__shim.cells.G2.value)).toBe(
        "keep me"
      );
      expect(
        await page.evaluate(() => (window as unknown as Shim).__shim.cells.F1)
      ).toBeUndefined();

      await page.locator("#series-detail button.insert", { hasText: "Insert the series" }).click();
      await page.waitForSelector("#confirm[open]");
      await page.click("#confirm-yes");
      await page.waitForFunction(() => (window as unknown as Shim).__shim.cells.F1 !== undefined);
      expect(await page.evaluate(() => (window as unknown as Shim).__shim.cells.F1.formula)).toBe(
        '=CN.SERIES("exports_yoy")'
      );
      expect(
        await page.evaluate(() => (window as unknown as Shim).__shim.cells.G2)
      ).toBeUndefined();
    });
  });

  test("lists, flags and selects the CN cells of a workbook, and adds a sources sheet beside an existing one", async () => {
    type Book = {
      __shim: {
        sheets: Record<string, Record<string, { formula?: unknown; value?: unknown }>>;
        sheet: string;
        active: string;
        tables: Record<string, { address: string; hasHeaders: boolean }>;
        calculations: number;
      };
    };
    await withPane({}, async ({ page }) => {
      await page.evaluate(() => {
        const shim = (window as unknown as Book).__shim;
        shim.sheets.Sheet1.A1 = { formula: '=CN.YOY("2025-12")', value: 6.6 };
        shim.sheets.Sheet1.A2 = { formula: "=CN.SURPLUS(2025)", value: 1190 }; // an older dataset's value
        shim.sheets.Sheet1.A3 = { formula: '=CN.YOY("2025-13")', value: "#VALUE!" };
        shim.sheets.Sheet1.B1 = { value: "Dec 2025" };
        shim.sheets["Model inputs"] = {
          C4: { formula: '=CN.PARTNER("US", B1)', value: -30.2 },
          B1: { value: "2025-12" },
          D9: { formula: '=CN.FORECAST(2026, "exports_yoy")', value: 3 },
        };
        shim.sheets["CN Sources"] = { A1: { value: "kept as it is" } };
      });
      await page.click("#tab-workbook");
      await page.waitForSelector("#workbook-summary");
      await expect(page.locator("#workbook-summary").textContent()).resolves.toMatch(
        /^5 CN\.\* cells on 3 sheets; \d+ flagged/
      );
      const rows = page.locator(".workbook-cells li");
      await expect(rows.count()).resolves.toBe(5);
      const stale = rows.filter({ hasText: "=CN.SURPLUS(2025)" });
      await expect(stale.textContent()).resolves.toMatch(
        /Shows 1190 · dataset gives 1189.*other dataset/
      );
      await expect(rows.filter({ hasText: '"2025-13"' }).textContent()).resolves.toMatch(
        /error.*Shows #VALUE!: Expected a period/
      );
      await expect(rows.filter({ hasText: "CN.PARTNER" }).textContent()).resolves.toContain(
        "dataset gives -30.2"
      );
      await expect(rows.filter({ hasText: "CN.FORECAST" }).textContent()).resolves.toContain(
        "forecast"
      );
      await page.screenshot({ path: screenshotPath("workbook"), fullPage: true });

      await rows.filter({ hasText: "CN.PARTNER" }).locator("button").click();
      await page.waitForFunction(() =>
        document.querySelector("#cell-body")?.textContent?.includes("CN.PARTNER")
      );
      const selected = await page.evaluate(() => {
        const shim = (window as unknown as Book).__shim;
        return `${shim.sheet}!${shim.active}`;
      });
      expect(selected).toBe("Model inputs!C4");

      // This cell says when the shown value is another dataset's.
      await page.click("#tab-workbook");
      await rows.filter({ hasText: "=CN.SURPLUS(2025)" }).locator("button").click();
      await page.waitForSelector("#cell-stale");
      await expect(page.locator("#cell-stale").textContent()).resolves.toMatch(
        /^The cell shows 1190, but the current dataset \([\d.]+\) gives 1189/
      );

      await page.click("#tab-workbook");
      await page.waitForSelector("#workbook-recalc");
      await page.click("#workbook-recalc");
      await page.waitForFunction(() => (window as unknown as Book).__shim.calculations === 1);

      await page.click("#workbook-sources");
      await page.waitForFunction(
        () => "CN Sources (2)" in (window as unknown as Book).__shim.sheets
      );
      const added = await page.evaluate(() => {
        const shim = (window as unknown as Book).__shim;
        return {
          kept: shim.sheets["CN Sources"].A1.value,
          header: ["A1", "B1", "J1", "M1"].map((a) => shim.sheets["CN Sources (2)"][a].value),
          link: shim.sheets["CN Sources (2)"].J2 as {
            value?: string;
            hyperlink?: { address: string };
          },
          table: shim.tables["CN Sources (2)"],
          rows: Object.keys(shim.sheets["CN Sources (2)"]).filter((a) => a.startsWith("A")).length,
        };
      });
      expect(added.kept).toBe("kept as it is");
      expect(added.header).toEqual(["Cells", "Series", "Address", "Dataset"]);
      expect(added.table).toMatchObject({ hasHeaders: true });
      expect(added.link.hyperlink?.address).toBe(added.link.value);
      expect(added.link.value).toMatch(/^https?:\/\//);
      expect(added.rows).toBeGreaterThan(3);
      await expect(page.locator("#status").textContent()).resolves.toMatch(
        /^Added the sheet CN Sources \(2\), listing \d+ figures/
      );
      await page.screenshot({ path: screenshotPath("workbook-sources"), fullPage: true });
    });
  });

  test("shows the About tab with the dataset vintage", async () => {
    await withPane({ dark: true }, async ({ page }) => {
      // Office reports no theme here, so the pane follows the system's dark scheme.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        "rgb(31, 31, 31)"
      );
      await page.click("#tab-about");
      const text = await page.locator("#about-body").textContent();
      expect(text).toContain(
        `CN Trade dataset ${dataset.meta.version}, figures as of ${dataset.meta.asOf}`
      );
      const change = changes.find((c) => c.version === dataset.meta.version);
      expect(change).toBeDefined();
      await expect(page.locator("#about-changes").textContent()).resolves.toContain(
        `${change?.added} figure reports added, ${change?.revised} revisions`
      );
      await page.screenshot({ path: screenshotPath("about-dark"), fullPage: true });
    });
  });

  test("works outside Office for browsing and says that cells and inserting need Excel", async () => {
    await withPane({ host: null }, async ({ page }) => {
      await expect(page.locator("#host-note").isVisible()).resolves.toBe(true);
      await expect(page.locator("#host-note").textContent()).resolves.toContain(
        "need the pane in Excel"
      );
      await page.click("#tab-data");
      await page.locator("#series-list button").first().click();
      const insert = page.locator("#series-detail button.insert").first();
      await expect(insert.isDisabled()).resolves.toBe(true);
      await page.click("#tab-cell");
      await expect(page.locator("#cell-body").textContent()).resolves.toContain(
        "Open the pane in Excel"
      );
      await page.screenshot({ path: screenshotPath("outside-office"), fullPage: true });
    });
  });

  test("answers every formula case through Microsoft's custom-functions runtime, with its own errors", async () => {
    const metadata: FunctionMetadata[] = JSON.parse(
      fs.readFileSync(path.join(DIST, "functions.json"), "utf8")
    ).functions;
    await check(await openRuntime(browser, server.origin), async ({ page }) => {
      const registered = await page.evaluate(() =>
        Object.keys(
          (window as unknown as { CustomFunctions: { _association: { mappings: object } } })
            .CustomFunctions._association.mappings
        ).sort()
      );
      expect(registered).toEqual(metadata.map((f) => f.id).sort());
      const calls = FORMULA_CASES.map((c) => callOf(metadata, c.formula) ?? null);
      const results = await page.evaluate((list) => {
        const cf = (
          window as unknown as {
            CustomFunctions: {
              _association: { mappings: Record<string, (...args: unknown[]) => unknown> };
              Error: new (...a: unknown[]) => { code: string; message?: string };
            };
          }
        ).CustomFunctions;
        const plain = (v: unknown): unknown =>
          v instanceof cf.Error
            ? { code: v.code, message: v.message }
            : Array.isArray(v)
              ? v.map(plain)
              : v;
        return list.map((call) => {
          if (!call) return { code: "#NAME?" };
          const fn = cf._association.mappings[call.id];
          return fn ? plain(fn(...call.args)) : { code: "#NAME?" };
        });
      }, calls);
      expect(results).toHaveLength(FORMULA_CASES.length);
      FORMULA_CASES.forEach((c, i) => matches(show(results[i]), c.expect));
    });
  });

  test("builds cards with titles and notes on a host with CustomFunctionsRuntime 1.4", async () => {
    const sets = {
      SharedRuntime: "1.1",
      OpenBrowserWindowApi: "1.1",
      CustomFunctionsRuntime: "1.4",
    };
    await withPane({ sets }, async ({ page, requests }) => {
      const card = await page.evaluate(async () => {
        const m = (
          window as unknown as {
            CustomFunctions: {
              _association: { mappings: Record<string, (...a: unknown[]) => unknown> };
            };
          }
        ).CustomFunctions._association.mappings;
        const [[entity]] = (await m.CARD([["balance"]], [[2025]], null)) as {
          type: string;
          properties: Record<string, { basicValue: unknown }>;
        }[][];
        return {
          type: entity.type,
          value: entity.properties.Value.basicValue,
          title: entity.properties.Title.basicValue,
        };
      });
      expect(card.type).toBe("Entity");
      expect(card.value).toBe(1189);
      expect(card.title).not.toMatch(/open the task pane/);
      // One copy of the words on the page: the pane (shown) and the card share details.js.
      expect(requests.filter((u) => u.endsWith("/details.js"))).toHaveLength(1);
    });
  });

  test("records a Content-Security-Policy violation, so the checks above can fail", async () => {
    const session = await openPane(browser, server.origin);
    try {
      await session.page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.__inline = 1;";
        document.body.append(script);
      });
      await expect(session.violations()).resolves.toEqual([
        expect.stringMatching(/^script-src-elem blocked inline/),
      ]);
    } finally {
      await session.close();
    }
  });

  test("registers the functions in a hidden page and builds the pane only when it is shown", async () => {
    await withPane({ hidden: true }, async ({ page, requests }) => {
      const count = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")).functions
        .length;
      await page.waitForFunction(
        (n) =>
          Object.keys(
            (window as unknown as { CustomFunctions: { _association: { mappings: object } } })
              .CustomFunctions._association.mappings
          ).length === n,
        count
      );
      await page.waitForTimeout(200);
      expect(await page.locator("#source-list li").count()).toBe(0);
      const later = (u: string) => u.endsWith("/details.js") || u.endsWith("/pane.js");
      expect(requests.filter(later)).toEqual([]);
      await page.evaluate(() => (window as unknown as { __show: () => void }).__show());
      await page.waitForSelector("#source-list li");
      expect(requests.filter(later)).toHaveLength(2);
    });
  });

  test("opens source links in a new tab where the host has no OpenBrowserWindowApi", async () => {
    await withPane({ sets: { SharedRuntime: "1.1" } }, async ({ page }) => {
      await page.locator("#source-list li button").first().click();
      await page.evaluate(() => {
        const w = window as unknown as { __opens: string[] };
        w.__opens = [];
        const open = window.open.bind(window);
        window.open = (url?: string | URL, ...rest) => {
          w.__opens.push(String(url));
          return open(url, ...rest);
        };
      });
      const popup = page.context().waitForEvent("page");
      await page.locator("#source-detail a", { hasText: "Open the publication" }).click();
      const opened = await popup;
      const opens = await page.evaluate(() => (window as unknown as { __opens: string[] }).__opens);
      expect(opens).toEqual([expect.stringMatching(/^https?:\/\//)]);
      expect(
        await page.evaluate(
          () => (window as unknown as { __shim: { opened: string[] } }).__shim.opened
        )
      ).toEqual([]);
      await opened.close();
    });
  });

  test("follows forced colours (high contrast) with system colours and visible borders", async () => {
    await withPane({}, async ({ page }) => {
      await page.emulateMedia({ forcedColors: "active" });
      await page.click("#tab-data");
      await page.locator("#series-list button").filter({ hasText: "exports_yoy" }).first().click();
      await page.locator("#series-detail tbody button", { hasText: "2025-12" }).first().click();
      const badge = page.locator("#figure-detail .badge").first();
      await expect(badge.evaluate((e) => getComputedStyle(e).borderTopStyle)).resolves.toBe(
        "solid"
      );
      await page.screenshot({ path: screenshotPath("forced-colors"), fullPage: true });
    });
  });

  test("announces short status in a live region, not whole panels", async () => {
    await withPane({}, async ({ page }) => {
      const live = await page.evaluate(() =>
        [...document.querySelectorAll("[aria-live], [role=status]")].map((e) => e.id)
      );
      expect(live.sort()).toEqual(["source-count", "status"]);
    });
  });

  test("is keyboard-usable: arrow keys move between tabs", async () => {
    await withPane({}, async ({ page }) => {
      await page.focus("#tab-sources");
      await page.keyboard.press("ArrowRight");
      await expect(page.locator("#panel-data").isVisible()).resolves.toBe(true);
      await page.keyboard.press("End");
      await expect(page.locator("#panel-about").isVisible()).resolves.toBe(true);
      await page.keyboard.press("Home");
      await expect(page.locator("#panel-sources").isVisible()).resolves.toBe(true);
    });
  });
});

describe("the task pane with a note containing markup", () => {
  let dir: string;
  let markupServer: Awaited<ReturnType<typeof serve>>;
  const MARKUP = "<b>bold</b><img src=x onerror=window.__pwned=1> note of a tampered source";

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cn-trade-markup-"));
    const observations = dataset.observations.map((o, i) => (i === 0 ? { ...o, note: MARKUP } : o));
    const file = path.join(dir, "observations.json");
    fs.writeFileSync(file, JSON.stringify(observations));
    const build = spawnSync(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--env",
        `outDir=${path.join(dir, "dist")}`,
        "--env",
        `observations=${file}`,
      ],
      { cwd: ROOT, encoding: "utf8" }
    );
    if (build.status !== 0)
      throw new Error(`The test build failed:\n${build.stdout}\n${build.stderr}`);
    markupServer = await serve(path.join(dir, "dist"));
  });

  afterAll(async () => {
    await markupServer?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("shows the note as text, never as HTML", async () => {
    const session = await openPane(browser, markupServer.origin);
    await check(
      session,
      async ({ page }) => {
        await page.fill("#source-search", "tampered");
        await expect(page.locator("#source-list li").count()).resolves.toBe(1);
        await page.locator("#source-list li button").click();
        const note = page.locator("#source-detail .note", { hasText: "tampered" });
        await expect(note.textContent()).resolves.toBe(MARKUP);
        expect(await page.locator("#source-detail b, #source-detail img").count()).toBe(0);
        expect(
          await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
        ).toBeUndefined();
      },
      markupServer.origin
    );
  });
});
