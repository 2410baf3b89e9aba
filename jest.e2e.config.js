/** Browser tests against the playground's production build; scripts/e2e.mjs serves dist-playground/ and sets E2E_BASE_URL. */
module.exports = {
  displayName: "browser",
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true } },
    ],
  },
  testTimeout: 60_000,
  maxWorkers: 1,
};
