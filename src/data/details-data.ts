import {
  encodeObservationDetails,
  encodeSourceDetails,
  ObservationDetails,
  SourceDetails,
} from "./compact";
import type { CoreDataset, Observation, Source } from "./dataset";
import changes from "./changes.json";
import observationDetails from "./observations.json?details";
import sourceDetails from "./sources.json?details";
import { PaneDetails } from "./details";

/**
 * The pane's details, in a chunk of their own that the pane loads when it is first shown. In the
 * bundle webpack.config.js has already reduced the JSON files to the details; in Node they arrive
 * as written and are reduced here.
 */
export function loadDetails(dataset: CoreDataset): PaneDetails {
  const o = observationDetails as ObservationDetails | Observation[];
  const s = sourceDetails as SourceDetails | Source[];
  return new PaneDetails(
    dataset.observations,
    dataset.sources,
    Array.isArray(o) ? encodeObservationDetails(o) : o,
    Array.isArray(s) ? encodeSourceDetails(s) : s,
    changes
  );
}
