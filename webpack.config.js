/*
 * Two builds from one file:
 * - the add-in (default): the shared-runtime page (task pane + LICENSE functions), functions.json, the manifest
 *   and icons, into dist/. This is all that is deployed.
 * - the playground (`--env playground`): the real task pane beside the in-memory workbook, into
 *   dist-playground/, served by `npm start` and by the browser tests. It never goes into dist/.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { webpackAliases } = require("./tools/preact/aliases");

const DEV_URL = "https://localhost:3000/";
const packageConfig = require("./package.json").config ?? {};

/** The chunk the add-in's page imports the task pane from (src/taskpane/index.tsx), after the functions start. */
const PANE_CHUNK = "pane";

/** The production address the manifest points Excel at: ADDIN_PRODUCTION_URL, else package.json config.productionUrl. */
function productionUrl() {
  const url = process.env.ADDIN_PRODUCTION_URL || packageConfig.productionUrl;
  if (!url)
    throw new Error(
      "Set ADDIN_PRODUCTION_URL or package.json config.productionUrl for the production build.",
    );
  return url.endsWith("/") ? url : `${url}/`;
}

/** Points every URL of the manifest at the production address; AppDomain takes the origin without a slash. */
function toProductionManifest(manifest) {
  const url = productionUrl();
  return manifest.replaceAll(DEV_URL, url).replaceAll(DEV_URL.slice(0, -1), url.slice(0, -1));
}

/**
 * Adds `<link rel="preload">` tags for the task pane's scripts to taskpane.html, after the functions' script and
 * at low priority: the pane downloads while the functions start instead of after them, without delaying them.
 * The tags also say which scripts the pane needs before its first paint (scripts/bundle-size.mjs sums them).
 */
class PreloadPanePlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("PreloadPanePlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).alterAssetTagGroups.tap(
        "PreloadPanePlugin",
        (data) => {
          const pane = compilation.namedChunkGroups.get(PANE_CHUNK);
          if (!pane)
            throw new Error(`No "${PANE_CHUNK}" chunk: src/taskpane/index.tsx must import the pane lazily.`);
          const publicPath = data.publicPath ?? "";
          for (const file of pane.getFiles().filter((name) => name.endsWith(".js"))) {
            data.bodyTags.push(
              HtmlWebpackPlugin.createHtmlTagObject("link", {
                rel: "preload",
                as: "script",
                href: `${publicPath}${file}`,
                fetchpriority: "low",
              }),
            );
          }
          return data;
        },
      );
    });
  }
}

/**
 * The pane's React runs on preact/compat, in the add-in and in the playground the browser tests drive, so they
 * test what ships: about 7 kB gzip where React DOM is about 60, of the 150 the pane may download before its
 * first paint. Preact 11's compat follows React 19 (ref as a prop, `use`, useId, useSyncExternalStore, portals,
 * onChange on text fields). Two shims in tools/preact/ make it time things as React DOM does (effects after a key
 * press, Griffel's CSS before children measure themselves); README "Download size" says why.
 * `scripts/check-build.mjs` fails if React DOM comes back. TypeScript still checks against React's types. The
 * table is in tools/preact/aliases.js, which the component tests (jest.config.js) read too.
 */
const REACT_ON_PREACT = webpackAliases();

function shared(dev) {
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"], alias: REACT_ON_PREACT },
    module: {
      rules: [
        // Fluent's makeStyles compiled to CSS classes at build time (Griffel's ahead-of-time mode), for our
        // components and Fluent's own: the pane no longer ships the runtime that turns style objects into CSS
        // (stylis, rtl-css-js) nor computes styles while it paints. Runs on ts-loader's output (rules apply
        // bottom-up).
        {
          test: /\.(js|tsx?)$/,
          include: [path.resolve(__dirname, "src"), /node_modules[\\/]@fluentui[\\/]/],
          // It evaluates the style objects in Node at build time, where the React alias has nothing to add
          // (Preact's ES module cannot be evaluated there): it resolves modules without it.
          use: {
            loader: "@griffel/webpack-loader",
            options: { inheritResolveOptions: ["modules", "plugins"] },
          },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
  };
}

/** functions.json from the functions' JSDoc, and the CustomFunctions.associate calls added to their modules. */
function customFunctionsMetadata() {
  return new CustomFunctionsMetadataPlugin({
    input: ["./src/functions/functions.ts", "./src/functions/liveFunctions.ts"],
    output: "functions.json",
  });
}

function devServer(port, server) {
  return {
    port,
    // This computer only, unless HOST says otherwise (HOST=0.0.0.0 for every network interface).
    host: process.env.HOST || "localhost",
    hot: false,
    static: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    server,
    client: { overlay: { warnings: false } },
  };
}

async function addInConfig(dev) {
  const useHttps = process.env.ADDIN_HTTPS === "1";
  return {
    ...shared(dev),
    name: "add-in",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      // The manifest names taskpane.js; the chunks it loads carry a content hash so Excel's cache of an old
      // page never mixes with a new build's chunks.
      filename: "[name].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    plugins: [
      customFunctionsMetadata(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new PreloadPanePlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : toProductionManifest(content.toString())),
          },
        ],
      }),
    ],
    devServer: devServer(
      Number(process.env.PORT || 3000),
      useHttps
        ? { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() }
        : "http",
    ),
  };
}

function playgroundConfig(dev) {
  return {
    ...shared(dev),
    // Not deployed: the browser tests need it built quickly, not mapped back to the sources.
    devtool: dev ? "eval-source-map" : false,
    name: "playground",
    entry: { playground: "./src/playground/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-playground"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    plugins: [
      customFunctionsMetadata(),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
      }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/playground/index.html", chunks: [] }),
    ],
    devServer: devServer(Number(process.env.PORT || 3000), "http"),
  };
}

/** `webpack [--env playground] --mode production|development`; scripts/start.mjs calls it the same way. */
module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  return env.playground ? playgroundConfig(dev) : addInConfig(dev);
};
