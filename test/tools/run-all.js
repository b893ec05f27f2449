#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm test`: every check the project has, in order, each counted: type-check, lint, manifest
 * check, production build, then every Jest suite (unit, built bundle, browser). The last line is
 * "N passed, N failed", where each step before Jest counts as one check and each Jest test as one.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "../..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const outDir = path.join(root, "test-output");
fs.mkdirSync(outDir, { recursive: true });

const steps = [
  ["type-check", bin("tsc"), ["--noEmit", "-p", "."]],
  ["lint", bin("office-addin-lint"), ["check"]],
  ["manifest check", process.execPath, [path.join(__dirname, "check-manifest.js"), "manifest.xml"]],
  ["build", bin("webpack"), ["--mode", "production"]],
  ["audit of production dependencies", process.execPath, [path.join(__dirname, "audit.js")]],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  if (failed > 0) {
    // Tests after a failed type-check, lint or build would run against an old dist/.
    console.log(`\n=== ${name}: not run, a step above failed`);
    failed++;
    continue;
  }
  console.log(`\n=== ${name}`);
  const run = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (run.status === 0) {
    passed++;
    console.log(`=== ${name}: ok`);
  } else {
    failed++;
    console.log(`=== ${name}: FAILED (exit ${run.status ?? run.signal})`);
  }
}

const results = path.join(outDir, "jest-results.json");
fs.rmSync(results, { force: true });
if (failed > 0) {
  console.log("\n=== jest: not run, a step above failed (its tests would use an old dist/)");
} else {
  console.log("\n=== jest");
  spawnSync(bin("jest"), ["--ci", "--json", `--outputFile=${results}`, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
}
if (failed > 0) {
  failed++;
} else if (fs.existsSync(results)) {
  const jest = JSON.parse(fs.readFileSync(results, "utf8"));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
  if (jest.numPendingTests + jest.numTodoTests > 0) {
    failed += jest.numPendingTests + jest.numTodoTests;
    console.log(
      `=== ${jest.numPendingTests + jest.numTodoTests} skipped or todo tests count as failures: no suite may be skipped.`
    );
  }
  if (jest.numTotalTests === 0) {
    failed++;
    console.log("=== jest ran no test.");
  }
} else {
  failed++;
  console.log("=== jest: no results were written.");
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
