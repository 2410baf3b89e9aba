/** Two projects: pure logic runs in Node, React components in jsdom. */
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
  setupFiles: ["<rootDir>/test/support/customFunctionsGlobal.ts"],
};

module.exports = {
  // Jest leaves a core for itself by default, which on a 2-core CI machine means one worker; two finish in
  // about 60% of the time.
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: "logic", testEnvironment: "node", testMatch: ["<rootDir>/test/**/*.test.ts"] },
    {
      ...shared,
      displayName: "components",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
    },
  ],
};
