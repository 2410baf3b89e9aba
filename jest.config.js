/**
 * The logic tests run once per Excel the host imitates (web, Windows, Mac: src/host/profiles.ts), so the
 * register, live functions and Dashboard are checked against each platform's rules. Domain, import and build
 * tests never touch the host (src/domain and src/import are pure by design) and run once; React components run once, under web,
 * because they render over a fake register, not the host.
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

const HOST_FREE = ["<rootDir>/test/domain/", "<rootDir>/test/import/", "<rootDir>/test/build/"];

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
  projects: [
    logic("web"),
    logic("windows", { testPathIgnorePatterns: HOST_FREE }),
    logic("mac", { testPathIgnorePatterns: HOST_FREE }),
    {
      ...shared,
      displayName: "components (web)",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      globals: { EXCEL_PLATFORM: "web" },
    },
  ],
};
