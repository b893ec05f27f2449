/** `npm run data:coverage`: prints the dataset's coverage grid (series by period, with source counts). */
import { dataset } from "../../src/data";
import { coverage, formatCoverage } from "../../src/data/coverage";

const forecasts = dataset.observations.filter((o) => o.kind === "forecast");
console.log(
  `CN Trade dataset ${dataset.meta.version}, as of ${dataset.meta.asOf}: ${dataset.observations.length} observations from ${dataset.sources.length} sources\n`
);
console.log(formatCoverage(coverage(dataset)));
console.log(
  `\nForecasts: ${forecasts.map((o) => `${o.series} ${o.period} by ${o.by} (${o.value})`).join("; ") || "none"}`
);
