/* Builds the add-in (task pane + custom functions in one shared-runtime page) and the browser playground. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const packageConfig = require("./package.json").config ?? {};

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

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const port = Number(process.env.PORT || 3000);
  const useHttps = process.env.ADDIN_HTTPS === "1";

  return {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: ["./src/functions/functions.ts", "./src/functions/liveFunctions.ts"],
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
      }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/playground/index.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : toProductionManifest(content.toString())),
          },
          // Office.js from the npm package, for the playground where Microsoft's CDN cannot be reached.
          // Already minified: marked so Terser does not spend minutes on it.
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js", "**/*vsdoc*"] },
            filter: (file) =>
              /[\\/](office\.js|o15apptofilemappingtable\.js|excel[^\\/]*\.js|en-us[\\/].*|en-gb[\\/].*)$/.test(
                file,
              ),
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      port,
      hot: false,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: useHttps
        ? { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() }
        : "http",
      client: { overlay: { warnings: false } },
    },
  };
};
