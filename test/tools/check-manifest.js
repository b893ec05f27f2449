#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm run validate`: the offline manifest check. xmllint validates manifest.xml against
 * Microsoft's XSDs (folder from OFFICE_MANIFEST_SCHEMAS, by default the shared schemas beside the
 * repository), then checkManifest() checks what the schema cannot: every resid defined, every URL
 * https, one page for the runtime, the functions and the function file, the namespace CN, and
 * icons that exist in assets/.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const sax = require("sax");

const DEV_URL = "https://localhost:3000/";

/** Reads the manifest into a flat list of elements: name, attributes, text, and ancestor names. */
function readElements(xml) {
  const parser = sax.parser(true, { trim: true });
  const elements = [];
  const stack = [];
  parser.onopentag = (node) => {
    const element = {
      name: node.name,
      attributes: node.attributes,
      text: "",
      path: stack.map((e) => e.name),
    };
    elements.push(element);
    stack.push(element);
  };
  parser.ontext = (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  };
  parser.onclosetag = () => stack.pop();
  try {
    parser.write(xml).close();
  } catch (e) {
    return { elements, error: e.message.split("\n")[0] };
  }
  return { elements, error: undefined };
}

/** Problems the schema cannot see; an empty list means the manifest is sound. */
function checkManifest(xml, options = {}) {
  const { elements, error } = readElements(xml);
  if (error) return [`not well-formed XML: ${error}`];
  const problems = [];
  const resources = new Map();
  for (const e of elements) {
    if (["bt:Image", "bt:Url", "bt:String"].includes(e.name) && e.attributes.id) {
      if (resources.has(e.attributes.id))
        problems.push(`resource id "${e.attributes.id}" is defined twice`);
      resources.set(e.attributes.id, e.attributes.DefaultValue);
    }
  }
  const urls = [];
  for (const e of elements) {
    if (e.attributes.resid !== undefined && !resources.has(e.attributes.resid)) {
      problems.push(`<${e.name} resid="${e.attributes.resid}"> names no resource`);
    }
    const value = e.attributes.DefaultValue;
    if (typeof value === "string" && /^[a-z][a-z0-9+.-]*:/i.test(value)) urls.push([e.name, value]);
    if (e.name === "AppDomain") urls.push([e.name, e.text]);
  }
  for (const [name, url] of urls) {
    if (!url.startsWith("https://")) problems.push(`<${name}> URL is not https: ${url}`);
  }
  const id = elements.find((e) => e.name === "Id");
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text))
    problems.push("<Id> is not a GUID");

  const resid = (predicate) => elements.find(predicate)?.attributes.resid;
  const inCustomFunctions = (e) =>
    e.path.includes("ExtensionPoint") &&
    elements.some((x) => x.attributes["xsi:type"] === "CustomFunctions");
  const runtime = resid((e) => e.name === "Runtime");
  const page = resid(
    (e) =>
      e.name === "SourceLocation" && e.path[e.path.length - 1] === "Page" && inCustomFunctions(e)
  );
  const functionFile = resid((e) => e.name === "FunctionFile");
  const script = resid(
    (e) => e.name === "SourceLocation" && e.path[e.path.length - 1] === "Script"
  );
  const metadata = resid(
    (e) => e.name === "SourceLocation" && e.path[e.path.length - 1] === "Metadata"
  );
  const namespace = resid((e) => e.name === "Namespace");
  if (!runtime) problems.push("no shared <Runtime> is declared");
  if (!page) problems.push("the custom functions have no <Page>");
  if (runtime && (runtime !== page || (functionFile && functionFile !== runtime))) {
    problems.push(
      `the runtime (${runtime}), the functions page (${page}) and the function file (${functionFile}) must name the same resource`
    );
  }
  if (!script || !/\/functions\.js$/.test(resources.get(script) ?? ""))
    problems.push("the functions <Script> must point at functions.js");
  if (!metadata || !/\/functions\.json$/.test(resources.get(metadata) ?? ""))
    problems.push("the functions <Metadata> must point at functions.json");
  if (!namespace || resources.get(namespace) !== "CN")
    problems.push(
      `the functions namespace must be "CN" (found ${JSON.stringify(resources.get(namespace))})`
    );
  if (!elements.some((e) => e.name === "Set" && e.attributes.Name === "SharedRuntime"))
    problems.push("the SharedRuntime requirement set is missing");
  if (options.assetsDir) {
    for (const [, url] of urls) {
      if (
        url.startsWith(`${DEV_URL}assets/`) &&
        !fs.existsSync(path.join(options.assetsDir, url.slice(`${DEV_URL}assets/`.length)))
      ) {
        problems.push(`${url} names a file that is not in assets/`);
      }
    }
  }
  return problems;
}

/**
 * Where Microsoft's manifest XSDs are: OFFICE_MANIFEST_SCHEMAS, else the shared folder that CI lays
 * beside the repository. A newcomer's clone has neither: the schema step is then skipped with a
 * message saying how to enable it, except under CI=true, where a missing folder is a failure.
 */
function schemaStep(file, env = process.env) {
  const dir =
    env.OFFICE_MANIFEST_SCHEMAS ||
    path.resolve(__dirname, "../../../shared/schemas/office-manifest");
  const schema = path.join(dir, "OfficeAppManifestV1_1.xsd");
  if (!fs.existsSync(schema)) {
    const where = `the manifest schemas were not found at ${schema}`;
    return env.CI === "true"
      ? { problems: [`${where}: CI must validate against them (set OFFICE_MANIFEST_SCHEMAS)`] }
      : {
          problems: [],
          skipped: `schema validation skipped: ${where}. Set OFFICE_MANIFEST_SCHEMAS to a folder with Microsoft's manifest XSDs to run it; the add-in checks below still ran.`,
        };
  }
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  if (run.error) {
    const missing = "xmllint is not installed (Debian: apt-get install libxml2-utils)";
    return env.CI === "true"
      ? { problems: [missing] }
      : { problems: [], skipped: `schema validation skipped: ${missing}.` };
  }
  return { problems: run.status === 0 ? [] : [`schema validation failed:\n${run.stderr.trim()}`] };
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] || "manifest.xml");
  const schema = schemaStep(file);
  const problems = [
    ...schema.problems,
    ...checkManifest(fs.readFileSync(file, "utf8"), {
      assetsDir: path.resolve(path.dirname(file), "assets"),
    }),
  ];
  if (schema.skipped) console.log(`manifest: ${schema.skipped}`);
  for (const p of problems) console.error(`manifest: ${p}`);
  console.log(
    problems.length > 0
      ? `${path.basename(file)}: ${problems.length} problem(s)`
      : schema.skipped
        ? `${path.basename(file)}: valid (add-in checks; schema SKIPPED, see above)`
        : `${path.basename(file)}: valid (schema and add-in checks)`
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}

module.exports = { checkManifest, schemaStep };
