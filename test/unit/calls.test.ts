import * as fs from "fs";
import * as path from "path";
import { CALLS } from "../../src/core/calls";

const wrappers = fs.readFileSync(
  path.resolve(__dirname, "../../src/functions/functions.ts"),
  "utf8"
);

describe("the one table of CN functions", () => {
  test("is what every Excel wrapper dispatches to, one wrapper per function", () => {
    const dispatched = [...wrappers.matchAll(/call\("([A-Z]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(dispatched)].sort()).toEqual(Object.keys(CALLS).sort());
    expect([...wrappers.matchAll(/@customfunction/g)]).toHaveLength(Object.keys(CALLS).length);
  });

  test("names each function's arity as its wrapper takes arguments", () => {
    for (const [name, spec] of Object.entries(CALLS)) {
      const wrapper = new RegExp(
        `export (?:async )?function \\w+\\(([^)]*)\\)[^{]*\\{[^}]*call\\("${name}"\\)`,
        "s"
      ).exec(wrappers);
      expect(wrapper).not.toBeNull();
      const params = wrapper![1].split(",").filter((p) => p.trim() !== "");
      expect([name, params.length]).toEqual([name, spec.arity]);
    }
  });
});
