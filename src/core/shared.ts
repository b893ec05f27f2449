/* global globalThis */
import type { CoreDataset } from "../data/dataset";
import type { Catalog } from "./catalog";
import type { CnFunctions } from "./cn";

/**
 * What functions.js shares with the task pane on the page they both run in (SharedRuntime 1.1):
 * the pane uses the catalogue the functions built instead of embedding a second dataset.
 */
export interface SharedData {
  readonly catalog: Catalog;
  readonly cn: CnFunctions;
  readonly dataset: CoreDataset;
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
