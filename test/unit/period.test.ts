import { isCoreError } from "../../src/core/errors";
import { parsePeriod, Period, periodLabel, periodOrder } from "../../src/core/period";

function id(input: unknown): string {
  const p = parsePeriod(input);
  if (isCoreError(p)) throw new Error(`${String(input)}: ${p.message}`);
  return p.id;
}

describe("parsePeriod", () => {
  test.each([
    [2025, "2025"],
    ["2025", "2025"],
    [" 2025 ", "2025"],
    ["2025-12", "2025-12"],
    ["2025-1", "2025-01"],
    ["2025/12", "2025-12"],
    ["2025.3", "2025-03"],
    ["2025M12", "2025-12"],
    ["2025m3", "2025-03"],
    ["12/2025", "2025-12"],
    ["3-2025", "2025-03"],
    ["Dec 2025", "2025-12"],
    ["dec-2025", "2025-12"],
    ["Dec. 2025", "2025-12"],
    ["December 2025", "2025-12"],
    ["Sept 2025", "2025-09"],
    ["2025 December", "2025-12"],
    ["2025-12-31", "2025-12"],
    ["2025-01-02", "2025-01"],
    ["2025-01/02", "2025-01/02"],
    ["2025-1/2", "2025-01/02"],
    ["2025M1-M2", "2025-01/02"],
    ["2025M01-02", "2025-01/02"],
    ["Jan-Feb 2025", "2025-01/02"],
    ["January–February 2025", "2025-01/02"],
    ["2025-Q4", "2025-Q4"],
    ["2025Q1", "2025-Q1"],
    ["Q4 2025", "2025-Q4"],
    ["2025-01/11", "2025-01/11"],
    ["2025-1/3", "2025-01/03"],
    ["2025M01-M11", "2025-01/11"],
    ["Jan-Nov 2025", "2025-01/11"],
    ["January–June 2025", "2025-01/06"],
    ["2025-01/12", "2025"],
    ["Jan-Dec 2025", "2025"],
    ["2025-01/01", "2025-01"],
    [202512, "2025-12"],
    ["202512", "2025-12"],
    [202601, "2026-01"],
    [1850, "1850"],
    [2150, "2150"],
  ])("reads %p as %s", (input, expected) => {
    expect(id(input)).toBe(expected);
  });

  test.each([
    [45992, "2025-12"],
    [45658, "2025-01"],
    [46022.75, "2025-12"],
    [43831, "2020-01"],
  ])("reads the Excel date serial %p as the month %s", (serial, expected) => {
    expect(id(serial)).toBe(expected);
  });

  test.each([
    ["2025-13"],
    ["2025-00"],
    ["13/2025"],
    ["Decembre 2025"],
    ["Ju 2025"],
    ["2025-Q5"],
    ["25"],
    ["next year"],
    ["2025-12-45"],
    ["2025-01/13"],
    ["Jan-Foo 2025"],
    [202513],
    [202500],
    ["202513"],
    ["=2025"],
    ["45992"],
    [""],
    ["   "],
    [-1],
    [0],
    [25],
    [2025.5],
    [NaN],
    [Infinity],
    [-Infinity],
    [3e6],
    [true],
    [null],
    [undefined],
    [{}],
    [[2025]],
  ])("returns an InvalidArgument for %p instead of throwing", (input) => {
    const result = parsePeriod(input);
    expect(isCoreError(result) && result.kind).toBe("InvalidArgument");
  });

  test("says what it expected, with examples, and quotes the input", () => {
    const result = parsePeriod("soon");
    expect(isCoreError(result) && result.message).toBe(
      'Expected a period such as 2025, "2025-12", "Dec 2025", 202512, "2025-01/02" (Jan–Feb), "2025-01/11" (Jan–Nov), "2025-Q4" or a date cell; got "soon".'
    );
  });

  test("shortens a long input in its message", () => {
    const result = parsePeriod("x".repeat(500));
    expect(isCoreError(result) && result.message.length).toBeLessThan(200);
  });

  test("returns the same cached period for a repeated input", () => {
    expect(parsePeriod("Dec 2025")).toBe(parsePeriod("Dec 2025"));
  });
});

describe("periodLabel and periodOrder", () => {
  const p = (input: string) => parsePeriod(input) as Period;
  test("label periods as people read them", () => {
    expect(
      ["2025", "2025-12", "2025-01/02", "2025-01/11", "2025-Q4"].map((x) => periodLabel(p(x)))
    ).toEqual([
      "2025",
      "December 2025",
      "January–February 2025",
      "January–November 2025",
      "Q4 2025",
    ]);
  });
  test("orders months, January-to-month totals, quarters and years chronologically", () => {
    const ids = ["2025", "2025-03", "2025-01/03", "2025-01/02", "2024-12", "2025-Q1", "2025-04"];
    expect([...ids].sort((a, b) => periodOrder(p(a)) - periodOrder(p(b)))).toEqual([
      "2024-12",
      "2025-01/02",
      "2025-03",
      "2025-Q1",
      "2025-01/03",
      "2025-04",
      "2025",
    ]);
  });
});
