/**
 * `npm run data:check`: validates the dataset with its zod schema and consistency rules, and checks
 * that its version is recorded in the ledger with exactly this data.
 */
import { dataset } from "../../src/data";
import { checkDataset } from "../../src/data/check";
import { checkVersion } from "../../src/data/versions";
import ledger from "../../src/data/versions.json";

const problems = [...checkDataset(dataset), ...checkVersion(dataset, ledger)];
for (const p of problems) console.error(`dataset: ${p}`);
console.log(
  problems.length === 0
    ? `dataset ${dataset.meta.version}: valid (${dataset.observations.length} observations)`
    : `${problems.length} problem(s)`
);
process.exitCode = problems.length === 0 ? 0 : 1;
