import type { PaneDetails } from "../data/details";
import { addin } from "../core";

let loading: Promise<PaneDetails> | undefined;

/**
 * The dataset's words (notes, titles, printed forms) in their own chunk, details.js, loaded once
 * when the pane is first shown or a card first needs them: one copy on the page for both.
 */
export function paneDetails(): Promise<PaneDetails> {
  // Started inside a promise, so that a host without a page to load a chunk into (no document)
  // gets a rejected promise rather than an error thrown at the caller.
  loading ??= Promise.resolve()
    .then(() => import(/* webpackChunkName: "details" */ "../data/details-data"))
    .then(({ loadDetails }) => loadDetails(addin().dataset));
  return loading;
}
