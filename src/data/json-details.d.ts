/** A dataset file reduced to what only the pane shows (see webpack.config.js and details-data.ts). */
declare module "*.json?details" {
  const details: unknown;
  export default details;
}
