/** `npm run data:check`: validates the dataset with its zod schema and consistency rules. */
import { dataset } from "../../src/data";
import { checkDataset } from "../../src/data/check";

const problems = checkDataset(dataset);
for (const p of problems) console.error(`dataset: ${p}`);
console.log(
  problems.length === 0
    ? `dataset ${dataset.meta.version}: valid (${dataset.observations.length} observations)`
    : `${problems.length} problem(s)`
);
process.exitCode = problems.length === 0 ? 0 : 1;
