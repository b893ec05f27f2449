import { coverage, formatCoverage } from "../../src/data/coverage";
import { MINI } from "../fixtures/mini-dataset";

describe("coverage", () => {
  const grid = coverage(MINI);
  const row = (series: string, terms: string, label: string) =>
    grid.rows.find((r) => r.series === series && r.terms === terms && r.label === label);

  test("marks a combined January–February release in both months, and absent months as absent", () => {
    const cells = row("exports_yoy", "USD", "2025")!.cells;
    expect(cells.slice(0, 5)).toEqual([
      { state: "combined", sources: 1 },
      { state: "combined", sources: 1 },
      { state: "present", sources: 1 },
      { state: "present", sources: 1 },
      { state: "absent" },
    ]);
  });

  test("counts the sources behind each figure, and keeps currency terms apart", () => {
    expect(row("exports_yoy", "USD", "annual")!.cells).toEqual([
      { state: "present", sources: 1 },
      { state: "present", sources: 2 },
    ]);
    expect(row("exports_yoy", "CNY", "2025")!.cells[3]).toEqual({ state: "present", sources: 1 });
  });

  test("has a row of quarters where quarterly figures exist, and leaves forecasts out", () => {
    expect(row("exports_yoy", "USD", "2025 quarters")!.cells[0]).toEqual({
      state: "present",
      sources: 1,
    });
    expect(grid.years).toEqual([2024, 2025]);
  });

  test("prints a legend and a count of filled cells", () => {
    const text = formatCoverage(grid);
    expect(text).toMatch(/^balance \(USD\)\n  2025    Jan ·/);
    expect(text).toContain("Jan c1 Feb c1 Mar 1");
    expect(text).toMatch(/c = January–February released together/);
  });
});
