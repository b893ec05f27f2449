/**
 * `npm run data:release -- FILE [--data DIR] [--today YYYY-MM-DD]`: adds one customs release to the
 * dataset from a release file (JSON or YAML; see test/fixtures/release-example.yaml and the
 * README). A thin command over src/data/release.ts: it reads the files, applies the release,
 * writes the files back only when the result passes every check, and prints what changed.
 */
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { applyRelease, Change, describeChange, withCounts } from "../../src/data/release";
import type { Dataset } from "../../src/data/dataset";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = process.argv[2];
if (!file || file.startsWith("--")) {
  console.error("usage: npm run data:release -- FILE [--data DIR] [--today YYYY-MM-DD]");
  process.exit(2);
}
const dir = path.resolve(option("--data") ?? path.join(__dirname, "../../src/data"));
const today = option("--today") ?? new Date().toISOString().slice(0, 10);
const read = (name: string, fallback?: unknown) => {
  const full = path.join(dir, name);
  return fs.existsSync(full) || fallback === undefined
    ? JSON.parse(fs.readFileSync(full, "utf8"))
    : fallback;
};
const text = fs.readFileSync(file, "utf8");
const input = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
const dataset: Dataset = {
  meta: read("meta.json"),
  sources: read("sources.json"),
  series: read("series.json"),
  observations: read("observations.json"),
};
const result = applyRelease(
  dataset,
  read("versions.json"),
  read("changes.json", []) as Change[],
  input,
  today
);
if ("problems" in result) {
  for (const p of result.problems) console.error(`release: ${p}`);
  console.error(`nothing was written (${result.problems.length} problem(s))`);
  process.exit(1);
}
const rows = (items: readonly unknown[]) =>
  `[\n${items.map((x) => `  ${JSON.stringify(x)}`).join(",\n")}\n]\n`;
const pretty = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;
fs.writeFileSync(path.join(dir, "sources.json"), rows(result.dataset.sources));
fs.writeFileSync(path.join(dir, "observations.json"), rows(result.dataset.observations));
fs.writeFileSync(path.join(dir, "meta.json"), pretty(result.dataset.meta));
fs.writeFileSync(path.join(dir, "versions.json"), pretty(result.ledger));
fs.writeFileSync(path.join(dir, "changes.json"), pretty(result.changes));
// The README names the dataset's counts; keep them in step when this is the repository's data.
const readme = path.join(__dirname, "../../README.md");
if (dir === path.resolve(__dirname, "../../src/data") && fs.existsSync(readme))
  fs.writeFileSync(
    readme,
    withCounts(
      fs.readFileSync(readme, "utf8"),
      result.dataset.sources.length,
      result.dataset.observations.length
    )
  );
console.log(describeChange(result.change));
