import { CompactObservations, CompactSources, decodeObservations, decodeSources } from "./compact";
import type { CoreDataset, Reported, Series, SourceRecord } from "./dataset";
import { deepFreeze } from "./index";
import meta from "./meta.json";
import observations from "./observations.json";
import series from "./series.json";
import sources from "./sources.json";

/**
 * The dataset the functions compute from, built once when the add-in loads and frozen. In the
 * functions bundle the JSON files arrive in columns without the words only the pane shows
 * (webpack.config.js encodes them with compact.ts) and are decoded here; in Node (tests, data
 * tools) they arrive as written, and are used as they are.
 */
function load(): CoreDataset {
  const s = sources as unknown as CompactSources | SourceRecord[];
  const records = Array.isArray(s) ? s : decodeSources(s);
  const o = observations as unknown as CompactObservations | Reported[];
  return {
    meta,
    series: series as Series[],
    sources: records,
    observations: Array.isArray(o) ? o : decodeObservations(o, records),
  };
}

let loaded: CoreDataset | undefined;

/** The embedded dataset, decoded and frozen on first use (not while Excel registers the functions). */
export function embedded(): CoreDataset {
  return (loaded ??= deepFreeze(load()));
}
