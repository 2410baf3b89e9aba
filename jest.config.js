const { jestModuleNameMapper } = require("./tools/preact/aliases");

/**
 * The logic tests that drive the in-memory Excel run once per Excel it imitates (web, Windows, Mac:
 * src/host/profiles.ts), so the register, live functions and Dashboard are checked against each platform's
 * rules. Run once, under web: tests that never touch the host (src/domain and src/import are pure by design,
 * the build checks, pure pane logic), the scale tests (they check request and response sizes against the web's
 * 5 MB limit and the add-in's own 4 MB budgets, which no other platform is stricter about, and take minutes),
 * tests whose every workbook names Excel on the web itself (asynchronous co-authoring, the web's dropdown events),
 * and the task pane's components (they render over a fake register, not the host, on preact/compat with the
 * builds' shims, as the pane ships: tools/preact/aliases.js is the one table both read).
 */
const shared = {
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } },
    ],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls in ESM-only packages that jest cannot load; office-addin-mock only needs its OfficeApp enum.
    "^office-addin-manifest$": "<rootDir>/test/support/officeAddinManifestStub.ts",
  },
  setupFiles: ["<rootDir>/test/support/customFunctionsGlobal.ts", "<rootDir>/test/support/excelProfile.ts"],
};

/** Tests that create an in-memory workbook (directly or through test/workbook/fixtures or the live harness). */
const DRIVES_THE_HOST = [
  "<rootDir>/test/host/**/*.test.ts",
  "<rootDir>/test/workbook/**/*.test.ts",
  "<rootDir>/test/functions/**/*.test.ts",
  "<rootDir>/test/live/**/*.test.ts",
  "<rootDir>/test/taskpane/writeImport.test.ts",
];
const ONCE_ONLY = [
  "/scale\\.test\\.ts$",
  "<rootDir>/test/functions/(functions|metadata|liveMetadata)\\.test\\.ts$",
  // every workbook in these names Excel on the web itself, so a run per platform repeated the same test
  "<rootDir>/test/workbook/asyncCoauthoring\\.test\\.ts$",
  "<rootDir>/test/functions/excelEvents\\.test\\.ts$",
];

const logic = (platform, options = {}) => ({
  ...shared,
  displayName: `logic (${platform})`,
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  globals: { EXCEL_PLATFORM: platform },
  ...options,
});

module.exports = {
  // Jest leaves a core for itself by default, which on a 2-core CI machine means one worker; two finish in
  // about 60% of the time.
  maxWorkers: 2,
  // A pane test worker's heap grows from file to file (--logHeapUsage: 243 MB after the first, 1.2 GB by the
  // seventeenth) with garbage V8 has not yet collected: with a collection after each file (in band, --expose-gc)
  // it stays between 99 and 545 MB and ends at 99, and no file leaves a timer or handle behind. A worker that large
  // did not end within jest's half second at the end ("A worker process has failed to exit gracefully"). Past
  // this much, a worker is replaced between files.
  workerIdleMemoryLimit: "800MB",
  // A hang guard, not a speed check (a global option: jest ignores it inside a project). A whole pane test
  // takes a few seconds alone, but over 30 s on the shared 2-core machine while the logic projects run beside
  // it (licence form tests timed out there).
  testTimeout: 120_000,
  projects: [
    logic("web"),
    logic("windows", { testMatch: DRIVES_THE_HOST, testPathIgnorePatterns: ONCE_ONLY }),
    logic("mac", { testMatch: DRIVES_THE_HOST, testPathIgnorePatterns: ONCE_ONLY }),
    {
      ...shared,
      displayName: "components (web)",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      // React's imports resolve as in the builds; Preact's ES modules and the shims go through a TypeScript transform.
      moduleNameMapper: { ...shared.moduleNameMapper, ...jestModuleNameMapper() },
      transform: {
        ...shared.transform,
        "/(node_modules/preact|tools/preact)/.+\\.m?js$": "<rootDir>/test/support/esModulesToCommonJs.js",
      },
      transformIgnorePatterns: ["/node_modules/(?!preact/)"],
      // after the framework: imported earlier, @testing-library/react could not register its cleanup after each test
      setupFilesAfterEnv: ["<rootDir>/test/support/asyncWaits.ts"],
      globals: { EXCEL_PLATFORM: "web" },
    },
  ],
};
