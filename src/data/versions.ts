import { createHash } from "node:crypto";
import type { Dataset } from "./dataset";

/**
 * The dataset's version ledger: every published `meta.version` with a digest of the data it named.
 *
 * A workbook records the version it used (`CN.VINTAGE()`), so a version must never name two
 * different datasets. Changing a figure, a note or a source without raising `meta.version` fails
 * `npm test`; the message gives the digest to add to `versions.json` with the new version. Node
 * only: tests and data scripts use it, the bundles never import it.
 */
export type Ledger = Readonly<Record<string, string>>;

/** SHA-256 of the series, sources and observations, independent of the files' whitespace. */
export function digestOf(dataset: Dataset): string {
  const { series, sources, observations } = dataset;
  return createHash("sha256")
    .update(JSON.stringify({ series, sources, observations }))
    .digest("hex");
}

/** Problems with the current version against the ledger; empty when it is recorded as it is. */
export function checkVersion(dataset: Dataset, ledger: Ledger): string[] {
  const { version } = dataset.meta;
  const digest = digestOf(dataset);
  const recorded = ledger[version];
  // The embedded version is the newest: a workbook's CN.VINTAGE() never goes back in time.
  const newest = Object.keys(ledger).filter((v) => compareVersions(v, version) > 0);
  if (newest.length > 0)
    return [
      `meta.version ${version} is older than ${newest.sort(compareVersions).pop()} in src/data/versions.json: a new version must be newer than every one recorded`,
    ];
  if (recorded === digest) return [];
  if (recorded === undefined) {
    return [`version ${version} is not in src/data/versions.json; add "${version}": "${digest}"`];
  }
  return [
    `the data changed but meta.version is still ${version}, which names other data; raise ` +
      `meta.version and add it to src/data/versions.json with the digest ${digest}`,
  ];
}

/** Orders "2026.11.23" < "2026.11.23.1" < "2026.11.24". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
