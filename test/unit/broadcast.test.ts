import { broadcast, MAX_CELLS } from "../../src/core/broadcast";
import { invalid, isCoreError } from "../../src/core/errors";

const pair = (a: unknown, b: unknown) => `${String(a)}|${String(b)}`;
const kinds = (m: unknown[][]) => m.map((row) => row.map((c) => (isCoreError(c) ? c.kind : c)));

describe("broadcast", () => {
  test("calls once with scalars and returns a 1×1 matrix", () => {
    expect(broadcast(pair, [1, null])).toEqual([["1|null"]]);
  });

  test("answers a column of periods cell by cell", () => {
    expect(broadcast(pair, [[[1], [2], [3]], null])).toEqual([["1|null"], ["2|null"], ["3|null"]]);
  });

  test("crosses a column with a row, as Excel does", () => {
    expect(broadcast(pair, [[["a"], ["b"]], [["x", "y"]]])).toEqual([
      ["a|x", "a|y"],
      ["b|x", "b|y"],
    ]);
  });

  test("gives #N/A where ranges of different sizes do not meet", () => {
    expect(
      kinds(
        broadcast(pair, [
          [[1], [2], [3]],
          [["x"], ["y"]],
        ])
      )
    ).toEqual([["1|x"], ["2|y"], ["NotAvailable"]]);
  });

  test("keeps each cell's own error and answers the rest", () => {
    const fn = (x: unknown) => (x === "bad" ? invalid("bad input") : x);
    expect(kinds(broadcast(fn, [[["ok"], ["bad"], ["ok"]]]))).toEqual([
      ["ok"],
      ["InvalidArgument"],
      ["ok"],
    ]);
  });

  test.each([[[]], [[[]]], [[1, 2]], [[[1], "x"]]])(
    "rejects a malformed range %p with one error",
    (range) => {
      expect(kinds(broadcast(pair, [range, null]))).toEqual([["InvalidArgument"]]);
    }
  );

  test("pairs a jagged range's missing cells with #N/A", () => {
    expect(kinds(broadcast(pair, [[[1, 2], [3]], null]))).toEqual([
      ["1|null", "2|null"],
      ["3|null", "NotAvailable"],
    ]);
  });

  test("refuses more cells than it answers in one call", () => {
    const column = Array.from({ length: 1001 }, () => [1]);
    const row = [Array.from({ length: 1000 }, () => 1)];
    expect(1001 * 1000).toBeGreaterThan(MAX_CELLS);
    expect(kinds(broadcast(pair, [column, row]))).toEqual([["InvalidArgument"]]);
  });
});
