/** The pane's code, loaded as one chunk when the pane is first shown (see taskpane.ts). */
export { startPane } from "./app";
export { excelHost } from "./excel-host";
export { browserHost } from "./host";
