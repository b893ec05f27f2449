#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm run audit`: no high or critical advisory in the production dependencies.
 * Runs `npm audit --omit=dev`. Where the registry has no audit endpoint (some mirrors answer 405),
 * it says so and checks offline instead that the production tree is exactly the packages listed
 * in EXPECTED_PRODUCTION (no transitive packages), so that nothing unreviewed ships unnoticed.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "../..");
const EXPECTED_PRODUCTION = ["zod"];

function npm(args) {
  const run = spawnSync("npm", args, { cwd: root, encoding: "utf8" });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return { error: { summary: run.stderr.trim() || `npm ${args.join(" ")} printed no JSON` } };
  }
}

const audit = npm(["audit", "--omit=dev", "--json"]);
if (audit.metadata && audit.metadata.vulnerabilities) {
  const v = audit.metadata.vulnerabilities;
  console.log(
    `npm audit --omit=dev: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`
  );
  process.exitCode = v.critical + v.high > 0 ? 1 : 0;
} else {
  const why = audit.statusCode
    ? `HTTP ${audit.statusCode}`
    : (audit.error && audit.error.summary) || audit.message || "no answer";
  console.log(
    `npm audit --omit=dev: the registry's audit endpoint is unavailable here (${why}); checking the production tree offline instead.`
  );
  const tree = npm(["ls", "--omit=dev", "--all", "--json"]);
  const found = [];
  const walk = (deps) => {
    for (const [name, info] of Object.entries(deps || {})) {
      found.push(`${name}@${info.version}`);
      walk(info.dependencies);
    }
  };
  walk(tree.dependencies);
  const names = found.map((f) => f.replace(/@[^@]*$/, "")).sort();
  const ok = JSON.stringify(names) === JSON.stringify([...EXPECTED_PRODUCTION].sort());
  console.log(
    `production dependencies: ${found.join(", ") || "none"} — ${ok ? "as reviewed" : `expected exactly ${EXPECTED_PRODUCTION.join(", ")}`}`
  );
  process.exitCode = ok ? 0 : 1;
}
