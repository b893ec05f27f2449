import { embedded } from "../data/embedded";
import { Catalog } from "./catalog";
import { makeFunctions } from "./cn";
import type { AddIn } from "./shared";

let built: AddIn | undefined;

/**
 * The catalogue of the embedded dataset and the CN.* functions over it, built on first use: Excel
 * registers the functions as soon as functions.js has run, and the first call builds the index.
 */
export function addin(): AddIn {
  if (!built) {
    const dataset = embedded();
    const catalog = new Catalog(dataset);
    built = { dataset, catalog, cn: makeFunctions(catalog) };
  }
  return built;
}

export { broadcast, NOT_SINGLE, singleValue } from "./broadcast";
export { invalid, isCoreError } from "./errors";
export type { CoreError } from "./errors";
export type { Cell, Table } from "./cn";
