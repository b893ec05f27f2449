/* global globalThis */
import type { CoreDataset } from "../data/dataset";
import type { PaneDetails } from "../data/details";
import type { Catalog } from "./catalog";
import type { CnFunctions } from "./cn";

/** The catalogue of the embedded dataset and the CN functions over it. */
export interface AddIn {
  readonly catalog: Catalog;
  readonly cn: CnFunctions;
  readonly dataset: CoreDataset;
}

/**
 * What functions.js shares with the task pane on the page they both run in (SharedRuntime 1.1):
 * the pane uses the catalogue the functions built instead of embedding a second dataset.
 */
export interface SharedData extends AddIn {
  /**
   * The words only the pane and cards show (notes, titles, printed forms), loaded once in a chunk
   * of their own (details.js) by functions.js, for both the pane and CN.CARD.
   */
  readonly details: () => Promise<PaneDetails>;
}

type WithShared = { CNTrade?: () => SharedData };

/** Shares the functions' catalogue, built when the pane first asks for it. */
export function share(data: () => SharedData): void {
  (globalThis as WithShared).CNTrade = data;
}

/** The functions' catalogue, or undefined when functions.js did not load before the pane. */
export function sharedData(): SharedData | undefined {
  return (globalThis as WithShared).CNTrade?.();
}
