import { dataset } from "../../src/data";
import { Dataset } from "../../src/data/dataset";
import { checkVersion, compareVersions, digestOf } from "../../src/data/versions";
import ledger from "../../src/data/versions.json";

function copy(): Dataset {
  return JSON.parse(JSON.stringify(dataset));
}

describe("the dataset version ledger", () => {
  test("records the embedded dataset under its version", () => {
    expect(checkVersion(dataset, ledger)).toEqual([]);
  });

  test("rejects a changed note under the same version", () => {
    const d = copy();
    d.observations[0].note += " Edited.";
    expect(checkVersion(d, ledger)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the data changed but meta.version is still ${d.meta.version}.*digest ${digestOf(d)}$`
        )
      ),
    ]);
  });

  test("asks for a new version to be recorded, with its digest", () => {
    const d = copy();
    d.meta.version = "2999.01.01";
    expect(checkVersion(d, ledger)).toEqual([
      `version 2999.01.01 is not in src/data/versions.json; add "2999.01.01": "${digestOf(d)}"`,
    ]);
  });

  test("rejects a version older than one already recorded, even with the same data", () => {
    expect(checkVersion(dataset, { ...ledger, "2999.01.01": "0" })).toEqual([
      `meta.version ${dataset.meta.version} is older than 2999.01.01 in src/data/versions.json: a new version must be newer than every one recorded`,
    ]);
  });

  test("is the same for an identical copy and changes with any value", () => {
    const d = copy();
    expect(digestOf(d)).toBe(digestOf(dataset));
    d.sources[0].title += "!";
    expect(digestOf(d)).not.toBe(digestOf(dataset));
  });

  test("orders versions numerically, a suffix after its date", () => {
    expect(compareVersions("2026.11.23", "2026.11.23.1")).toBeLessThan(0);
    expect(compareVersions("2026.11.23.2", "2026.11.23.10")).toBeLessThan(0);
    expect(compareVersions("2026.12.01", "2026.11.30.9")).toBeGreaterThan(0);
    expect(compareVersions("2026.11.23", "2026.11.23")).toBe(0);
  });
});
