import { defineConfig } from "vitest/config";

/** Stories that measure timing (send rates, a killed and restarted server, two servers): run alone, last. */
const TIMING = [
  "test/e2e/broadcast-rate.test.ts",
  "test/e2e/broadcast-crash.test.ts",
  "test/e2e/broadcast-two-processes.test.ts",
  "test/e2e/faq-content-two-processes.test.ts",
  "test/hardening/crash-under-load.test.ts",
  "test/hardening/database-outage.test.ts",
  "test/scaleout/load-balanced.test.ts",
];

export default defineConfig({
  test: {
    globalSetup: ["test/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for the database and the CPU.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "suite", include: ["test/**/*.test.ts"], exclude: TIMING, sequence: { groupOrder: 0 } },
      },
      // A rate measured while other test files compete for the two cores measures the machine, not the code.
      {
        extends: true,
        test: { name: "timing", include: TIMING, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
