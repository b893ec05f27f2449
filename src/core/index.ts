import { dataset } from "../data";
import { Catalog } from "./catalog";
import { makeFunctions } from "./cn";

/** The catalogue of the embedded dataset, indexed once at load. */
export const catalog = new Catalog(dataset);

/** The CN.* functions over the embedded dataset. */
export const cn = makeFunctions(catalog);

export { broadcast, NOT_SINGLE, singleValue } from "./broadcast";
export { invalid, isCoreError } from "./errors";
export type { CoreError } from "./errors";
export type { Cell, Table } from "./cn";
