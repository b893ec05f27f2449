import type { Dataset } from "./dataset";
import meta from "./meta.json";
import observations from "./observations.json";
import series from "./series.json";
import sources from "./sources.json";

/**
 * The embedded dataset, frozen so that no call can change it. It is not validated here: tests and
 * `npm run data:check` validate it with the zod schema, so a workbook load pays nothing for that.
 */
export const dataset: Dataset = deepFreeze({ meta, sources, series, observations } as Dataset);

/** Freezes a value and everything it holds, so that no call can change the dataset. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
