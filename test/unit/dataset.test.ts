import { checkDataset, periodEnd, roundingStep } from "../../src/data/check";
import { Dataset, Observation } from "../../src/data/dataset";
import { dataset } from "../../src/data";
import { Catalog } from "../../src/core/catalog";

/** A deep, writable copy of the embedded dataset to break on purpose. */
function copy(): Dataset {
  return JSON.parse(JSON.stringify(dataset));
}

/** A USD actual figure for a test, cited to the copy's first source. */
function testFigure(
  d: Dataset,
  figure: Pick<Observation, "series" | "period" | "value">
): Observation {
  return {
    ...figure,
    terms: "USD",
    kind: "actual",
    source: d.sources[0].id,
    note: "A test figure for the consistency checks.",
  };
}

describe("the embedded dataset", () => {
  test("passes the schema and every consistency rule", () => {
    expect(checkDataset(dataset)).toEqual([]);
  });

  test("cites every source by publisher, title, web address, date and provider", () => {
    for (const s of dataset.sources) {
      expect(s.url).toMatch(/^https?:\/\/[^/]+\/.+/);
      expect(s.title).not.toMatch(/^(TBD|TODO|untitled)$/i);
    }
  });

  test("names, in a note that says a report is not the returned figure, the value the functions return", () => {
    const catalog = new Catalog(dataset);
    const wrong = dataset.observations.flatMap((o) => {
      const said = /Not the returned figure, which is (-?\d+(?:\.\d+)?)/.exec(o.note)?.[1];
      const figure =
        o.kind === "forecast" ? undefined : catalog.figure(o.series, o.terms ?? "-", o.period);
      if (said === undefined || !figure) return [];
      return Number(said) === figure.value && figure.latest !== o
        ? []
        : [`${o.series} ${o.period} ${o.source}: says ${said}, returns ${figure.value}`];
    });
    expect(wrong).toEqual([]);
  });

  test("is frozen, so no call can change it", () => {
    expect(Object.isFrozen(dataset)).toBe(true);
    expect(Object.isFrozen(dataset.observations[0])).toBe(true);
    expect(() => {
      (dataset.observations[0] as { value: number }).value = 1;
    }).toThrow(TypeError);
  });
});

describe("checkDataset rejects", () => {
  test("an observation citing an unknown source", () => {
    const d = copy();
    d.observations[0].source = "nobody-2026";
    expect(checkDataset(d)).toContainEqual(expect.stringMatching(/unknown source "nobody-2026"/));
  });

  test("an observation of an unknown series", () => {
    const d = copy();
    d.observations[0].series = "tea_exports";
    expect(checkDataset(d)).toContainEqual(expect.stringMatching(/unknown series "tea_exports"/));
  });

  test("two reports of one figure without a preferred mark", () => {
    const d = copy();
    const twin = d.observations.find((o) => o.preferred === true)!;
    delete twin.preferred;
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(/need exactly one marked preferred \(found 0\)/)
    );
  });

  test("two reports of one figure both marked preferred", () => {
    const d = copy();
    d.observations.filter((o) => o.preferred === false)[0].preferred = true;
    expect(checkDataset(d)).toContainEqual(expect.stringMatching(/found 2/));
  });

  test("a missing or empty note", () => {
    const d = copy();
    d.observations[0].note = "";
    delete (d.observations[1] as Partial<Dataset["observations"][number]>).note;
    const problems = checkDataset(d);
    expect(problems).toContainEqual(expect.stringMatching(/^observations\.0\.note/));
    expect(problems).toContainEqual(expect.stringMatching(/^observations\.1\.note/));
  });

  test("a level whose exports − imports disagree with its balance beyond rounding", () => {
    const d = copy();
    for (const o of d.observations) {
      if (o.series === "imports" && o.period === "2025" && o.terms === "USD") o.value = 2500;
    }
    const balance = d.observations.find(
      (o) => o.series === "balance" && o.period === "2025" && o.terms === "USD" && o.preferred
    )!.value;
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^balance 2025 USD: exports 3770 − imports 2500 = 1270, but the balance is ${balance}`
        )
      )
    );
  });

  test.each([
    "javascript:alert(1)",
    "data:text/html,hi",
    "ftp://example.com/page",
    "example.com/page",
  ])("a source whose address %s is not a web page", (url) => {
    const d = copy();
    d.sources[0].url = url;
    expect(checkDataset(d)).toContainEqual(expect.stringMatching(/^sources\.0\.url/));
  });

  test("a repost whose original has no web address", () => {
    const d = copy();
    d.sources[0].original = { publisher: "CNBC", url: "javascript:void(0)" };
    expect(checkDataset(d)).toContainEqual(expect.stringMatching(/^sources\.0\.original\.url/));
  });

  test("a source that backs no figure", () => {
    const d = copy();
    d.sources.push({ ...d.sources[0], id: "orphan-2026" });
    expect(checkDataset(d)).toContainEqual('source "orphan-2026" backs no observation');
  });

  test("an unknown period form", () => {
    const d = copy();
    d.observations[0].period = "Dec 2025";
    expect(checkDataset(d)).toContainEqual(expect.stringMatching(/^observations\.0\.period/));
  });

  test("currency terms on a series that has none", () => {
    const d = copy();
    d.observations.find((o) => o.series === "cpi_yoy")!.terms = "USD";
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(/terms must be null for series cpi_yoy/)
    );
  });

  test("a forecast that does not say whose it is", () => {
    const d = copy();
    delete d.observations.find((o) => o.kind === "forecast")!.by;
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(/a forecast must name who made it/)
    );
  });

  test("an as-of date older than its newest source", () => {
    const d = copy();
    d.meta.asOf = "2020-01-01";
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(/^meta\.asOf 2020-01-01 is older/)
    );
  });

  test("a y/y figure that the two levels it compares contradict", () => {
    const d = copy();
    // Replace every report of 2024 exports with one level that the 2025 growth contradicts.
    d.observations = d.observations.filter(
      (o) => !(o.series === "exports" && o.period === "2024" && o.terms === "USD")
    );
    d.observations.push(testFigure(d, { series: "exports", period: "2024", value: 3550 }));
    // 3770 / 3550 − 1 = +6.2 %, against a published +5.5 %: more than the rounding of $3.77 trillion explains.
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(
        /^exports_yoy 2025 USD: published 5.5 but the levels 3550 → 3770 give 6.197/
      )
    );
  });

  test("a partner's y/y figure that its own levels contradict", () => {
    const d = copy();
    const partner = { unit: "bn" as const, currency: true, group: "headline" as const };
    d.series.push(
      { ...partner, id: "exports_xx", name: "Exports to X", description: "Test level." },
      {
        ...partner,
        id: "exports_xx_yoy",
        name: "Exports to X, y/y",
        unit: "pct",
        description: "Test growth.",
      }
    );
    d.observations.push(
      testFigure(d, { series: "exports_xx", period: "2024", value: 500 }),
      testFigure(d, { series: "exports_xx", period: "2025", value: 420 }),
      testFigure(d, { series: "exports_xx_yoy", period: "2025", value: -20 })
    );
    // 420 / 500 − 1 = −16 %, against a published −20 %.
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(
        /^exports_xx_yoy 2025 USD: published -20 but the levels 500 → 420 give -16/
      )
    );
  });
});

describe("dates of sources", () => {
  /** A copy with one extra source reporting December 2025 exports growth, dated as given. */
  function withPage(
    extra: Partial<Dataset["sources"][number]>,
    kind: "actual" | "consensus" = "actual"
  ) {
    const d = copy();
    d.sources.push({
      id: "undated-page",
      publisher: "Example Wire",
      title: "chinas exports grow in december",
      url: "https://example.com/chinas-exports-grow-in-december",
      published: "2026-01-14",
      provider: "GACC",
      tier: "other",
      ...extra,
    });
    d.observations.push({
      series: "exports_yoy",
      period: "2025-12",
      value: 6.6,
      terms: "USD",
      kind,
      ...(kind === "consensus" ? { by: "Reuters poll", provider: "Reuters poll" } : {}),
      source: "undated-page",
      note: "A test report of the December release.",
    });
    return d;
  }
  const earliestDecemberReport = () =>
    dataset.sources
      .filter(
        (s) =>
          !s.dateFrom &&
          dataset.observations.some(
            (o) => o.source === s.id && o.period === "2025-12" && o.kind === "actual"
          )
      )
      .map((s) => s.published)
      .sort()[0];

  test("a page dated by its release carries the earliest dated report of that release", () => {
    const release = earliestDecemberReport();
    expect(release).toBe("2026-01-14");
    expect(
      checkDataset(withPage({ dateFrom: "release", titleFrom: "url", published: release }))
    ).toEqual([]);
  });

  test("rejects a release date that differs from the dated reports", () => {
    expect(checkDataset(withPage({ dateFrom: "release", published: "2026-01-13" }))).toEqual([
      'source "undated-page" is dated 2026-01-13 by the release of 2025-12, but the earliest dated report of it is 2026-01-14',
    ]);
  });

  test("rejects a page dated by a release that reports nothing released", () => {
    expect(checkDataset(withPage({ dateFrom: "release" }, "consensus"))).toEqual([
      'source "undated-page" is dated by a release but reports no released figure',
    ]);
  });

  test("rejects a page dated by a release that no dated report gives", () => {
    const d = withPage({ dateFrom: "release", published: "2025-12-09" });
    d.observations[d.observations.length - 1].period = "2025-11";
    d.observations = d.observations.filter(
      (o) => o.source === "undated-page" || o.period !== "2025-11" || o.kind !== "actual"
    );
    expect(checkDataset(d)).toContainEqual(
      'source "undated-page" is dated by the release of 2025-11, which no dated report gives'
    );
  });

  test("rejects a release date taken from a report long after the release", () => {
    const d = withPage({ dateFrom: "release", published: "2026-03-01" });
    d.observations = d.observations.filter(
      (o) => o.source === "undated-page" || o.period !== "2025-12" || o.kind !== "actual"
    );
    d.sources.push({ ...d.sources[0], id: "retrospective", published: "2026-03-01" });
    d.observations.push({
      ...d.observations[d.observations.length - 1],
      source: "retrospective",
    });
    d.meta.asOf = "2026-03-01";
    expect(checkDataset(d)).toContainEqual(
      expect.stringMatching(
        /^source "undated-page" is dated by the release of 2025-12, but its earliest dated report, 2026-03-01, is more than 31 days after/
      )
    );
  });

  test("rejects a report published before the period it reports ended", () => {
    // The early page also becomes the earliest dated report of the release, so pages dated by that
    // release are flagged too; only the page's own problem is asserted here.
    const problems = checkDataset(withPage({ published: "2025-12-31" }));
    expect(problems.filter((p) => p.includes('"undated-page"'))).toEqual([
      'source "undated-page" is dated 2025-12-31, before 2025-12 ended, yet reports its exports_yoy',
    ]);
  });

  test.each([
    ["2025", "2025-12-31"],
    ["2025-11", "2025-11-30"],
    ["2024-02", "2024-02-29"],
    ["2025-01/02", "2025-02-28"],
    ["2025-Q3", "2025-09-30"],
    ["Dec 2025", undefined],
  ])("the period %s ends on %s", (period, end) => {
    expect(periodEnd(period)).toBe(end);
  });
});

describe("roundingStep", () => {
  test.each([
    [{ value: 6.6 }, 0.1],
    [{ value: 992 }, 1],
    [{ value: -2.35 }, 0.01],
    [{ value: 3770, reportedAs: "$3.77 trillion" }, 10],
    [{ value: 104.84, reportedAs: "$104.84 billion" }, 0.01],
    [{ value: 1200, reportedAs: "almost $1.2 trillion" }, 100],
  ])("of %p is %p", (o, step) => {
    expect(roundingStep(o)).toBeCloseTo(step, 10);
  });
});
