#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm run bench`: speed and size of the built add-in, measured the way Excel uses it. Loads the
 * built dist/functions.js with a CustomFunctions shim, as Office would, and prints figures beside
 * their targets. A script, not a test: it prints, it never fails a build on timing.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const zlib = require("zlib");

const dist = path.resolve(process.argv[2] || path.join(__dirname, "../../dist"));
const CALLS = 200000;

class ShimError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}

/**
 * Evaluates functions.js with a CustomFunctions shim in this realm, as Excel's runtime calls
 * functions from its own JavaScript context (a vm context would add a realm crossing per call).
 */
function load() {
  const code = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
  const functions = new Map();
  const CustomFunctions = {
    associate: (id, fn) => functions.set(id, fn),
    Error: ShimError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  new Function("CustomFunctions", code)(CustomFunctions);
  return functions;
}

/** Cold start in a fresh Node process: read and evaluate functions.js, answer one call. */
function coldStartMs() {
  const script = `
    const t0 = process.hrtime.bigint();
    const code = require("fs").readFileSync(${JSON.stringify(path.join(dist, "functions.js"))}, "utf8");
    const fns = new Map();
    class E { constructor(c, m) { this.code = c; this.message = m; } }
    new Function("CustomFunctions", code)({ associate: (id, fn) => fns.set(id, fn), Error: E, ErrorCode: {} });
    const answer = fns.get("SURPLUS")([[2025]], null)[0][0];
    if (typeof answer !== "number") throw new Error("no answer");
    console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
}

/**
 * ns per call of `body` (a statement using `subject` and the loop index `i`), in a loop compiled
 * for this measurement alone, so that no call site is shared (and made polymorphic) across them.
 */
function nsPerCall(n, subject, body) {
  const loop = new Function(
    "subject",
    "n",
    `let sink = 0; for (let i = 0; i < n; i++) { ${body} } return sink;`
  );
  loop(subject, 20000); // warm up
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    loop(subject, n);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n);
  }
  return best;
}

const functions = load();
const YOY = functions.get("YOY");
const SURPLUS = functions.get("SURPLUS");

// Periods arrive as Excel sends them to a matrix parameter: [[value]]; omitted arguments as null.
const results = {
  yoyText: nsPerCall(
    CALLS,
    { fn: YOY, p: [["2025-12"]] },
    "sink += subject.fn(subject.p, null, null)[0][0];"
  ),
  yoySerial: nsPerCall(
    CALLS,
    { fn: YOY, p: [[45992]] },
    "sink += subject.fn(subject.p, null, null)[0][0];"
  ),
  surplusYear: nsPerCall(
    CALLS,
    { fn: SURPLUS, p: [[2025]] },
    "sink += subject.fn(subject.p, null)[0][0];"
  ),
};
const keys = Array.from({ length: 64 }, (_, i) => `exports_yoy|USD|2025-${i}`);
const map = new Map(keys.map((k, i) => [k, i]));
// Rotating over prebuilt keys, so that the loop cannot hoist one constant lookup.
const mapGet = nsPerCall(CALLS, { map, keys }, "sink += subject.map.get(subject.keys[i & 63]);");

// One range call over 10,000 periods against 10,000 single calls.
const periods = Array.from({ length: 10000 }, (_, i) => [
  `${2023 + (i % 3)}-${String((i % 12) + 1).padStart(2, "0")}`,
]);
const timeOf = (fn, rounds = 7) => {
  fn();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
};
const rangeMs = timeOf(() => YOY(periods, null, null));
const singlesMs = timeOf(() => {
  for (const p of periods) YOY([p], null, null);
});

// Cold start: a fresh process each time, so no compile cache helps (median of 15).
const colds = Array.from({ length: 15 }, coldStartMs).sort((a, b) => a - b);
const coldMs = colds[7];

function size(file) {
  const full = path.join(dist, file);
  if (!fs.existsSync(full)) return "missing";
  const bytes = fs.readFileSync(full);
  return `${(bytes.length / 1024).toFixed(1)} KB minified, ${(zlib.gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`;
}
const gzKB =
  zlib.gzipSync(fs.readFileSync(path.join(dist, "functions.js")), { level: 9 }).length / 1024;

const ok = (pass) => (pass ? "meets target" : "MISSES target");
const worst = Math.max(results.yoyText, results.yoySerial, results.surplusYear);
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `CN Trade benchmark — Node ${process.version}, ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`
);
console.log(`bundle: ${dist}`);
console.log("");
console.log(
  `CN.YOY, text month ("2025-12")   ${results.yoyText.toFixed(1)} ns/call   (${(results.yoyText / mapGet).toFixed(1)}× Map.get)`
);
console.log(
  `CN.YOY, date serial (45992)      ${results.yoySerial.toFixed(1)} ns/call   (${(results.yoySerial / mapGet).toFixed(1)}× Map.get)`
);
console.log(
  `CN.SURPLUS, year (2025)          ${results.surplusYear.toFixed(1)} ns/call   (${(results.surplusYear / mapGet).toFixed(1)}× Map.get)`
);
console.log(`Map.get on a prebuilt key        ${mapGet.toFixed(1)} ns`);
console.log(
  `  target: a single call within 10× Map.get: worst ${(worst / mapGet).toFixed(1)}×, ${ok(worst / mapGet <= 10)}`
);
console.log("");
console.log(`one CN.YOY call over 10,000 periods   ${rangeMs.toFixed(2)} ms`);
console.log(`10,000 single CN.YOY calls            ${singlesMs.toFixed(2)} ms`);
console.log(`  ratio range / singles: ${(rangeMs / singlesMs).toFixed(2)}`);
console.log("");
console.log(
  `cold start (fresh process: read + evaluate functions.js + first call, median of 15)   ${coldMs.toFixed(2)} ms   target < 20 ms: ${ok(coldMs < 20)}`
);
console.log("");
console.log(`functions.js   ${size("functions.js")}   target < 100 KB gzipped: ${ok(gzKB < 100)}`);
console.log(`taskpane.js    ${size("taskpane.js")}`);
