import fc from "fast-check";
import { Bundle, loadBundle, ShimError } from "./harness";

/**
 * Property-based tests: every function of the built bundle, fed arbitrary values the way Excel
 * could pass them, answers with a finite number, a text, a well-formed matrix of those, or a
 * #VALUE!/#N/A error with a message — never a throw, NaN, Infinity or undefined.
 */
const RUNS_PER_FUNCTION = 10000;

let bundle: Bundle;
beforeAll(() => {
  bundle = loadBundle();
});

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    "",
    " ",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "2025",
    "2025-12",
    "Dec 2025",
    "2025-01/02",
    "exports",
    "imports",
    "USD",
    "CNY",
    "balance",
    "exports_yoy",
    "Natixis",
    "US",
    "Russia",
    "crude oil",
    "rare earths",
    "yoy",
    "level",
    "volume",
    "bpd",
    "trade",
    "__proto__"
  ),
  fc.double(),
  fc.integer(),
  fc.integer({ min: 1890, max: 2110 }),
  fc.integer({ min: 9000, max: 3000000 }),
  fc.double({ min: 40000, max: 50000, noNaN: true }),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ minLength: 200, maxLength: 2000 }),
  fc.stringMatching(/^\d{4}[-/M]\d{1,2}$/),
  fc.constantFrom(
    "2025-Q4",
    "Q4 2025",
    "Jan-Feb 2025",
    "2025M1-M2",
    "2025-01/11",
    "Jan-Nov 2025",
    "202512",
    202512,
    "12/2025",
    "2025-12-31T00:00:00Z",
    "<b>x</b>",
    "=CN.YOY(1)",
    "\u0000",
    "🙂"
  )
);

/** A range as Excel passes one (rectangular), or a malformed one (empty, jagged, nested deeper). */
const range: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 1, max: 4 }).chain((rows) =>
    fc.integer({ min: 1, max: 4 }).chain((cols) =>
      fc.array(fc.array(scalar, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
    )
  ),
  fc.array(fc.array(scalar, { maxLength: 4 }), { maxLength: 4 }),
  fc.constantFrom([], [[]], [[[2025]]], [[2025], []], [2025])
);

const arg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 2, arbitrary: range }
);

function wellFormedCell(cell: unknown): boolean {
  if (typeof cell === "number") return Number.isFinite(cell);
  if (typeof cell === "string") return true;
  if (cell instanceof ShimError)
    return (
      (cell.code === "#VALUE!" || cell.code === "#N/A") &&
      typeof cell.message === "string" &&
      cell.message.length > 0
    );
  return false;
}

function wellFormed(result: unknown): boolean {
  if (typeof result === "string") return true;
  if (!Array.isArray(result) || result.length === 0) return false;
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  return (
    width > 0 &&
    result.every(
      (row: unknown) => Array.isArray(row) && row.length === width && row.every(wellFormedCell)
    )
  );
}

describe("the fuzz oracle", () => {
  test.each([
    [[[NaN]]],
    [[[Infinity]]],
    [[[undefined]]],
    [[[null]]],
    [[[1, 2], [3]]],
    [[]],
    [[[]]],
    [[[new ShimError("#NUM!", "x")]]],
    [[[new ShimError("#N/A", "")]]],
    [undefined],
    [42],
  ])("rejects %p, which no cell should show", (bad) => {
    expect(wellFormed(bad)).toBe(false);
  });

  test("accepts values, texts, errors with messages and rectangular matrices", () => {
    expect(wellFormed([[1.5, "x", new ShimError("#VALUE!", "why")]])).toBe(true);
    expect(wellFormed("text")).toBe(true);
  });
});

describe("every function of the built bundle, on arbitrary input", () => {
  const ids = [
    "SURPLUS",
    "EXPORTS",
    "IMPORTS",
    "YOY",
    "CONSENSUS",
    "SURPRISE",
    "FORECAST",
    "PARTNER",
    "COMMODITY",
    "VALUE",
    "SERIES",
    "HISTORY",
    "CARD",
    "SOURCE",
    "VINTAGE",
  ];

  test.each(ids)(
    `CN.%s answers a well-formed value or error (${RUNS_PER_FUNCTION} cases)`,
    async (id) => {
      const fn = bundle.functions.get(id)!;
      await fc.assert(
        fc.asyncProperty(fc.array(arg, { minLength: 0, maxLength: 6 }), async (args) => {
          // CN.CARD is asynchronous (it may load titles and notes first); the others answer at once.
          const result = await fn(...args);
          if (!wellFormed(result))
            throw new Error(`CN.${id}(${JSON.stringify(args)}) returned ${JSON.stringify(result)}`);
        }),
        { numRuns: RUNS_PER_FUNCTION }
      );
    }
  );

  test("uses every function of the bundle", () => {
    expect([...bundle.functions.keys()].sort()).toEqual([...ids].sort());
  });
});

describe("the dataset cannot be changed by a call", () => {
  test("a spilled table is the caller's own copy", () => {
    const series = bundle.functions.get("SERIES")!;
    const first = series([["balance"]], [[2024]], [[2025]], null) as unknown[][];
    const before = JSON.parse(JSON.stringify(first));
    expect(before).toHaveLength(2);
    first[0][1] = -1;
    first.push(["1999", 0]);
    expect(series([["balance"]], [[2024]], [[2025]], null)).toEqual(before);
  });

  test("an answer matrix is the caller's own copy", () => {
    const surplus = bundle.functions.get("SURPLUS")!;
    const first = surplus([[2025]], null) as unknown[][];
    const before = first[0][0];
    expect(typeof before).toBe("number");
    first[0][0] = 0;
    expect(surplus([[2025]], null)).toEqual([[before]]);
  });
});
