import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { DIST } from "./harness";

/**
 * dist/functions.json against Microsoft's custom-functions metadata definitions, as the
 * @microsoft/app-manifest package ships them in its unified-manifest JSON schema (the same
 * definitions as Microsoft's custom-functions.schema.json), plus what that schema leaves out:
 * functions.json keeps a function's flags in an `options` object, has top-level `functions`,
 * `enums` and the data-type switches, and its ids must be unique.
 */
const SCHEMAS = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build/json-schemas/teams"
);

/** The newest unified-manifest schema that defines custom functions. */
function manifestDefinitions(): Record<string, unknown> {
  const versions = fs
    .readdirSync(SCHEMAS)
    .filter((v) => /^v\d+\.\d+$/.test(v))
    .sort((a, b) => {
      const [x, y] = [a, b].map((v) => v.slice(1).split(".").map(Number));
      return x[0] - y[0] || x[1] - y[1];
    });
  for (const v of versions.reverse()) {
    const schema = JSON.parse(
      fs.readFileSync(path.join(SCHEMAS, v, "MicrosoftTeams.schema.json"), "utf8")
    );
    if (schema.definitions?.extensionFunction) return schema.definitions;
  }
  throw new Error(`No custom-functions definitions in ${SCHEMAS}`);
}

const FLAGS = ["stream", "volatile", "cancelable", "requiresAddress", "requiresParameterAddress"];

const FUNCTIONS_JSON_SCHEMA = {
  $schema: "http://json-schema.org/draft-04/schema#",
  definitions: manifestDefinitions(),
  type: "object",
  required: ["functions"],
  additionalProperties: false,
  properties: {
    functions: {
      type: "array",
      minItems: 1,
      items: {
        allOf: [
          { $ref: "#/definitions/extensionFunction" },
          {
            properties: {
              options: {
                type: "object",
                additionalProperties: false,
                properties: Object.fromEntries(FLAGS.map((f) => [f, { type: "boolean" }])),
              },
              result: { properties: { type: { type: "string" } } },
            },
          },
        ],
      },
    },
    enums: { type: "array" },
    allowCustomDataForDataTypeAny: { type: "boolean" },
    allowErrorForDataTypeAny: { type: "boolean" },
  },
};

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(FUNCTIONS_JSON_SCHEMA);
}

/** Problems with a functions.json: the schema's, then ids that repeat. */
function functionsJsonProblems(metadata: unknown): string[] {
  const validate = validator();
  const problems = validate(metadata)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  const ids = ((metadata as { functions?: { id?: string }[] }).functions ?? []).map((f) => f.id);
  for (const id of new Set(ids.filter((x, i) => ids.indexOf(x) !== i)))
    problems.push(`the function id ${id} is used twice`);
  return problems;
}

const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));

describe("dist/functions.json against Microsoft's custom-functions definitions", () => {
  test("is valid", () => {
    expect(functionsJsonProblems(metadata)).toEqual([]);
  });

  test("rejects a description longer than Excel shows, an unknown flag and a repeated id", () => {
    const bad = JSON.parse(JSON.stringify(metadata));
    bad.functions[0].description = "x".repeat(1025);
    bad.functions[1].options = { streaming: true };
    bad.functions[2].id = bad.functions[3].id;
    const problems = functionsJsonProblems(bad);
    expect(problems).toContainEqual(
      expect.stringMatching(/^\/functions\/0\/description must NOT have more than 1024/)
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^\/functions\/1\/options must NOT have additional properties/)
    );
    expect(problems).toContainEqual(`the function id ${metadata.functions[3].id} is used twice`);
  });

  test("rejects a parameter description longer than 512 characters", () => {
    const bad = JSON.parse(JSON.stringify(metadata));
    bad.functions[0].parameters[0].description = "y".repeat(513);
    expect(functionsJsonProblems(bad)).toContainEqual(
      expect.stringMatching(
        /^\/functions\/0\/parameters\/0\/description must NOT have more than 512/
      )
    );
  });
});
