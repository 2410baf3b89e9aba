/*
 * What the pane's React imports resolve to, in one table that the builds (webpack.config.js) and the component
 * tests (jest.config.js) both read, so the tests render on exactly what ships. README "Download size" says why
 * the pane runs on preact/compat, and why the two shims in this folder exist.
 */
const path = require("path");

/** Module name (exactly as imported) -> what runs in its place. */
const REACT_ON_PREACT = {
  react: "preact/compat",
  "react-dom": "preact/compat",
  "react-dom/client": path.resolve(__dirname, "client.js"),
  "react/jsx-runtime": "preact/compat/jsx-runtime",
  "react/jsx-dev-runtime": "preact/compat/jsx-dev-runtime",
  // Fluent's context selector asks React's scheduler to run its updates at normal priority.
  scheduler: "preact/compat/scheduler",
  // Only @testing-library/react imports it, for `act` (preact/compat has none); nothing in the builds does.
  "react-dom/test-utils": "preact/test-utils",
};

/**
 * Griffel's insertion effect, which @griffel/react imports by a relative path: its ES module build (the builds)
 * asks for './useInsertionEffect.js', its CommonJS build (jest) for './useInsertionEffect.cjs'.
 */
const GRIFFEL_INSERTION_EFFECT = {
  esModule: path.resolve(__dirname, "../../node_modules/@griffel/react/src/useInsertionEffect.js"),
  commonJsRequest: "./useInsertionEffect.cjs",
  replacement: path.resolve(__dirname, "griffelInsertsWhileRendering.js"),
};

/** webpack's resolve.alias: `$` makes each an exact match, so 'react-dom/client' is not 'react-dom' + '/client'. */
function webpackAliases() {
  return {
    ...Object.fromEntries(Object.entries(REACT_ON_PREACT).map(([name, target]) => [`${name}$`, target])),
    [GRIFFEL_INSERTION_EFFECT.esModule]: GRIFFEL_INSERTION_EFFECT.replacement,
  };
}

const exactly = (request) => `^${request.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`;

/** jest's moduleNameMapper: the same table, each name matched exactly. */
function jestModuleNameMapper() {
  return {
    ...Object.fromEntries(Object.entries(REACT_ON_PREACT).map(([name, target]) => [exactly(name), target])),
    [exactly(GRIFFEL_INSERTION_EFFECT.commonJsRequest)]: GRIFFEL_INSERTION_EFFECT.replacement,
  };
}

module.exports = { REACT_ON_PREACT, webpackAliases, jestModuleNameMapper };
