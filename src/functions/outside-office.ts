/* global CustomFunctions, globalThis */

/*
 * The task pane page loads functions.js too (a shared runtime). Opened straight in a browser there
 * is no CustomFunctions global, and the generated associate() calls would throw before the page
 * starts. This stand-in lets the page load; nothing calls the functions outside Excel.
 */
if (typeof CustomFunctions === "undefined") {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    associate: () => undefined,
  };
}
