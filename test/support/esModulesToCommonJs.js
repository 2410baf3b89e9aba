/*
 * Jest transform for the ES modules the component tests load through tools/preact/aliases.js: Preact 11 ships
 * only ES modules (.mjs) and so do the shims in tools/preact, while jest runs the tests as CommonJS. TypeScript
 * (already here for ts-jest) rewrites their imports and exports as require and exports; it leaves a file named
 * .mjs as an ES module, so it is told the file is .js.
 */
const ts = require("typescript");

module.exports = {
  process(source, filename) {
    const { outputText, sourceMapText } = ts.transpileModule(source, {
      fileName: filename.replace(/\.mjs$/, ".js"),
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        sourceMap: true,
      },
    });
    return { code: outputText, map: sourceMapText };
  },
};
