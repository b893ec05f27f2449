/* eslint-disable no-undef */
const fs = require("fs");
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { NormalModuleReplacementPlugin, sources } = require("webpack");
// The dataset's compact encoding is TypeScript shared with the add-in; tsx loads it here.
const compact = require("tsx/cjs/api").require("./src/data/compact.ts", __filename);

const readData = (file) =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, "src/data", file), "utf8"));
/** The sources in their order, which the compact observations refer to by position. */
const readSources = () => readData("sources.json");
/** The series, whose units give the rounding step of each printed figure. */
const readSeries = () => readData("series.json");

const urlDev = "https://localhost:3000/";
/** Where the add-in is hosted in production; set ADDIN_PROD_URL when building for a real host. */
const urlProd = process.env.ADDIN_PROD_URL || "https://www.contoso.com/";
const certDir = path.resolve(__dirname, ".certs");

/**
 * HTTPS for the dev server. On Linux, office-addin-dev-certs cannot install a CA (it needs sudo),
 * so certificates are generated into the git-ignored .certs folder and used from there; Windows
 * and Mac use the package's installed, trusted certificates.
 */
async function getHttpsOptions() {
  if (process.platform !== "linux") return devCerts.getHttpsServerOptions();
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const paths = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, path.join(certDir, f)])
  );
  if (!fs.existsSync(paths.cert) || !fs.existsSync(paths.key)) {
    await devCerts.generateCertificates(paths.ca, paths.cert, paths.key, 30, [
      "localhost",
      "127.0.0.1",
    ]);
  }
  return {
    ca: fs.readFileSync(paths.ca),
    cert: fs.readFileSync(paths.cert),
    key: fs.readFileSync(paths.key),
  };
}

/** Rewrites every dev URL in the emitted manifest and functions metadata for a production host. */
class ProductionUrlPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ProductionUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "ProductionUrlPlugin",
          stage: compilation.constructor.PROCESS_ASSETS_STAGE_OPTIMIZE,
        },
        () => {
          for (const name of ["manifest.xml", "functions.json"]) {
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            const text = asset.source.source().toString().split(urlDev).join(urlProd);
            compilation.updateAsset(name, new sources.RawSource(text));
          }
        }
      );
    });
  }
}

/**
 * `--env outDir=DIR --env observations=FILE` builds into DIR with FILE in place of the dataset's
 * observations: the browser test uses it to check that a note containing markup shows as text.
 */
module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const testData = env.observations
    ? [
        new NormalModuleReplacementPlugin(/observations\.json(\?details)?$/, (resource) => {
          resource.request = resource.request.replace(
            /^.*observations\.json/,
            path.resolve(env.observations)
          );
        }),
      ]
    : [];
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The functions never read the dataset's notes, so their bundle is built in its own layer
      // whose copy of the observations drops them: a smaller file and a faster workbook load.
      functions: { import: "./src/functions/functions.ts", layer: "functions" },
      taskpane: "./src/taskpane/taskpane.ts",
    },
    experiments: { layers: true },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks (details.js, pane.js) load from beside the page; an explicit path keeps
      // functions.js loadable where there is no document to take one from.
      publicPath: "",
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        // The functions bundle embeds the dataset in columns, without the words only the pane
        // shows; the pane's details chunk embeds only those words (src/data/compact.ts).
        {
          test: /observations\.json$/,
          issuerLayer: "functions",
          resourceQuery: { not: [/details/] },
          type: "json",
          parser: {
            parse: (text) =>
              compact.encodeObservations(JSON.parse(text), readSources(), readSeries()),
          },
        },
        {
          test: /sources\.json$/,
          issuerLayer: "functions",
          resourceQuery: { not: [/details/] },
          type: "json",
          parser: { parse: (text) => compact.encodeSources(JSON.parse(text)) },
        },
        {
          test: /observations\.json$/,
          resourceQuery: /details/,
          type: "json",
          parser: { parse: (text) => compact.encodeObservationDetails(JSON.parse(text)) },
        },
        {
          test: /sources\.json$/,
          resourceQuery: /details/,
          type: "json",
          parser: { parse: (text) => compact.encodeSourceDetails(JSON.parse(text)) },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
      ...(dev ? [] : [new ProductionUrlPlugin()]),
      ...testData,
    ],
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await getHttpsOptions() : {} },
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
