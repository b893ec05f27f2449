import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { dataset } from "../../src/data";
import { checkDataset } from "../../src/data/check";
import type { Dataset } from "../../src/data/dataset";
import {
  applyRelease,
  fillNote,
  nextVersion,
  parsePrinted,
  withCounts,
  ReleaseResult,
} from "../../src/data/release";
import { digestOf } from "../../src/data/versions";
import ledger from "../../src/data/versions.json";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "test/fixtures/release-example.yaml");
const example = parseYaml(fs.readFileSync(EXAMPLE, "utf8"));
const REPORTS: string[] = example.reports.map((r: { id: string }) => r.id);

/** The dataset without the example's reports: as it stood before the April 2026 release was added. */
function before(): Dataset {
  const d: Dataset = JSON.parse(JSON.stringify(dataset));
  d.observations = d.observations.filter((o) => !REPORTS.includes(o.source));
  d.sources = d.sources.filter((s) => !REPORTS.includes(s.id));
  return d;
}

function applied(result: ReturnType<typeof applyRelease>): ReleaseResult {
  if ("problems" in result) throw new Error(result.problems.join("\n"));
  return result;
}

describe("parsePrinted", () => {
  test.each([
    ["$3.77 trillion", "bn", 3770, undefined],
    ["US$359.44 billion", "bn", 359.44, undefined],
    ["$84.8bn", "bn", 84.8, undefined],
    ["1.19 tn", "bn", 1190, undefined],
    ["808.8 billion yuan", "bn", 808.8, undefined],
    ["-1.1%", "pct", -1.1, undefined],
    ["fell 26.5%", "pct", -26.5, undefined],
    ["down 3.1%", "pct", -3.1, undefined],
    ["almost 20%", "pct", 20, "almost"],
    ["about $1.2 trillion", "bn", 1200, "about"],
    ["more than $1 trillion", "bn", 1000, "above"],
    ["flat", "pct", 0, "flat"],
    ["50.89 million tonnes", "mt", 50.89, undefined],
    ["450,000 tonnes", "kt", 450, undefined],
    ["5,000 tonnes", "t", 5000, undefined],
    ["11.39 million barrels per day", "mbpd", 11.39, undefined],
    ["105.225mt", "mt", 105.225, undefined],
    ["5,864.6 mt", "t", 5864.6, undefined],
    ["427,000 mt", "kt", 427, undefined],
  ] as const)("reads %p as a figure in %s", (printed, unit, value, qualifier) => {
    expect(parsePrinted(printed, unit)).toEqual(qualifier ? { value, qualifier } : { value });
  });

  test("reads nothing where nothing is printed", () => {
    expect(parsePrinted("a record", "bn")).toBeUndefined();
  });

  test.each([
    ["22,7%", "pct"],
    ["39,044 миллиарда долларов", "bn"],
    ["84.8", "bn"],
    ["rose 5.5% to $3.77 trillion", "bn"],
    ["1.234.5 tonnes", "t"],
  ] as const)("refuses %p rather than read a wrong number", (printed, unit) => {
    expect(parsePrinted(printed, unit)).toBeUndefined();
  });
});

describe("the release tool's pieces", () => {
  test("fills a note template and leaves unknown placeholders as they are", () => {
    expect(
      fillNote("{what}, {period}{detail} {nope}", {
        what: "Exports",
        period: "2026-04",
        terms: "USD",
        publisher: "Caixin",
        published: "2026-05-11",
        printed: "14.1%",
        detail: ".",
      })
    ).toBe("Exports, 2026-04. {nope}");
  });

  test("takes today's date as the next version, then a suffix", () => {
    expect(nextVersion({}, "2026-12-02")).toBe("2026.12.02");
    expect(nextVersion({ "2026.12.02": "x", "2026.12.02.1": "y" }, "2026-12-02")).toBe(
      "2026.12.02.2"
    );
    expect(nextVersion({ "2026.12.02.1": "x", "2026.12.02.7": "y" }, "2026-12-02")).toBe(
      "2026.12.02.8"
    );
    expect(nextVersion({ "2026.12.01.9": "x" }, "2026-12-02")).toBe("2026.12.02");
  });
});

describe("the README's counts after a release", () => {
  test("are brought up to date, across a line break, and nothing else changes", () => {
    const readme =
      "Intro.\nread from 700 public\nreports (wire stories and their reposts, customs and state media): 3,204 figures. Rest.";
    expect(withCounts(readme, 731, 3301)).toBe(
      "Intro.\nread from 731 public\nreports (wire stories and their reposts, customs and state media): 3,301 figures. Rest."
    );
    expect(withCounts("No counts here.", 1, 2)).toBe("No counts here.");
  });
});

describe("applying the worked example release", () => {
  const result = applied(applyRelease(before(), ledger, [], example, "2026-12-02"));

  test("gives back every figure of the three reports as the dataset has them", () => {
    const key = (o: Dataset["observations"][number]) =>
      [o.series, o.period, o.terms, o.kind, o.source, o.value, o.qualifier ?? ""].join("|");
    const original = dataset.observations
      .filter((o) => REPORTS.includes(o.source))
      .map(key)
      .sort();
    const back = result.dataset.observations
      .filter((o) => REPORTS.includes(o.source))
      .map(key)
      .sort();
    expect(back).toEqual(original);
    expect(result.change.added).toBe(original.length);
  });

  test("keeps what was printed, writes notes from the template and marks the preferred report", () => {
    const caixin = result.dataset.observations.find(
      (o) => o.source === REPORTS[0] && o.series === "exports_yoy" && o.period === "2026-04"
    );
    expect(caixin).toMatchObject({ reportedAs: "14.1%", preferred: true });
    expect(caixin?.note).toBe(
      "Exports, change y/y, 2026-04, as Caixin Global reported the customs release (14.1%). First release, in dollar terms."
    );
  });

  test("records a newer version, its digest and what changed, and passes every check", () => {
    expect(result.dataset.meta.version).toBe("2026.12.02");
    expect(result.ledger["2026.12.02"]).toBe(digestOf(result.dataset));
    expect(result.changes).toEqual([result.change]);
    expect(result.change.newFigures).toContain("imports_yoy_consensus 2026-04 USD");
    expect(checkDataset(result.dataset)).toEqual([]);
  });

  test("refuses a release that adds nothing", () => {
    expect(applyRelease(dataset, ledger, [], example, "2026-12-02")).toEqual({
      problems: ["the release adds, revises or corrects nothing the dataset does not have"],
    });
  });

  test("never changes a report's figure silently: a correction must say so", () => {
    const changed = {
      ...example,
      reports: [],
      figures: [{ series: "exports_yoy", period: "2026-04", report: REPORTS[0], printed: "14.2%" }],
    };
    const refused = applyRelease(dataset, ledger, [], changed, "2026-12-02");
    expect(refused).toEqual({
      problems: [
        expect.stringMatching(
          /already gives 14.1; this file says 14.2\. Mark the figure "correction: true"/
        ),
      ],
    });
    changed.figures[0] = { ...changed.figures[0], correction: true } as (typeof changed.figures)[0];
    expect(applied(applyRelease(dataset, ledger, [], changed, "2026-12-02")).change.corrected).toBe(
      1
    );
  });

  test("refuses a version that is not newer than the ledger's newest", () => {
    expect(
      applyRelease(before(), ledger, [], { ...example, version: "2026.01.01" }, "2026-12-02")
    ).toEqual({
      problems: [expect.stringMatching(/^version 2026.01.01 is not newer than /)],
    });
  });

  test("refuses a report id reused for another page", () => {
    const reused = {
      ...example,
      reports: [{ ...example.reports[0], url: "https://example.com/other" }],
    };
    expect(applyRelease(dataset, ledger, [], reused, "2026-12-02")).toEqual({
      problems: [expect.stringMatching(/already exists with other details/)],
    });
  });
});

/** Runs the command as `npm run data:release -- EXAMPLE` would, on the data files in `dir`. */
function release(dir: string) {
  return spawnSync(
    process.execPath,
    [
      require.resolve("tsx/cli"),
      "test/tools/data-release.ts",
      EXAMPLE,
      "--data",
      dir,
      "--today",
      "2026-12-02",
    ],
    { cwd: ROOT, encoding: "utf8" }
  );
}

describe("npm run data:release", () => {
  test("adds the example to a copy of the data files and prints what changed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cn-trade-release-"));
    try {
      for (const f of fs.readdirSync(path.join(ROOT, "src/data")))
        if (f.endsWith(".json")) fs.copyFileSync(path.join(ROOT, "src/data", f), path.join(dir, f));
      const d = before();
      const rows = (x: unknown[]) =>
        `[\n${x.map((r) => `  ${JSON.stringify(r)}`).join(",\n")}\n]\n`;
      fs.writeFileSync(path.join(dir, "observations.json"), rows(d.observations));
      fs.writeFileSync(path.join(dir, "sources.json"), rows(d.sources));
      const run = release(dir);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /^dataset 2026\.12\.02 \(release 2026-04\): 16 figure report\(s\) added/
      );
      expect(JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")).version).toBe(
        "2026.12.02"
      );
      expect(
        JSON.parse(fs.readFileSync(path.join(dir, "versions.json"), "utf8"))["2026.12.02"]
      ).toMatch(/^[0-9a-f]{64}$/);
      const again = release(dir);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/adds, revises or corrects nothing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
