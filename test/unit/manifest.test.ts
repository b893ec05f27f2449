import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, schemaStep } = require("../tools/check-manifest.js") as {
  checkManifest: (xml: string, options?: { assetsDir?: string }) => string[];
  schemaStep: (
    file: string,
    env: Record<string, string | undefined>
  ) => { problems: string[]; skipped?: string };
};

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("checkManifest", () => {
  test("accepts the project's manifest, icons included", () => {
    expect(checkManifest(manifest, { assetsDir: path.join(root, "assets") })).toEqual([]);
  });

  test("rejects an http URL", () => {
    expect(
      checkManifest(
        manifest.replace(
          "https://localhost:3000/functions.js",
          "http://localhost:3000/functions.js"
        )
      )
    ).toContainEqual(expect.stringMatching(/not https: http:\/\/localhost:3000\/functions\.js/));
  });

  test("rejects a resid that names no resource", () => {
    expect(
      checkManifest(manifest.replace('resid="Functions.Namespace"', 'resid="Functions.Nmespace"'))
    ).toContainEqual(expect.stringMatching(/resid="Functions.Nmespace"> names no resource/));
  });

  test("rejects a namespace other than CN", () => {
    expect(
      checkManifest(
        manifest.replace(
          'id="Functions.Namespace" DefaultValue="CN"',
          'id="Functions.Namespace" DefaultValue="CHINA"'
        )
      )
    ).toContainEqual(expect.stringMatching(/namespace must be "CN"/));
  });

  test("rejects a runtime that is not the functions page", () => {
    expect(
      checkManifest(
        manifest.replace('<Runtime resid="Taskpane.Url"', '<Runtime resid="Functions.Script.Url"')
      )
    ).toContainEqual(expect.stringMatching(/must name the same resource/));
  });

  test("rejects an icon missing from assets/", () => {
    expect(
      checkManifest(manifest.replace("icon-80.png", "icon-99.png"), {
        assetsDir: path.join(root, "assets"),
      })
    ).toContainEqual(expect.stringMatching(/icon-99\.png names a file that is not in assets/));
  });

  test("rejects XML that is not well-formed", () => {
    expect(checkManifest(manifest.replace("</Hosts>", ""))).toEqual([
      expect.stringMatching(/^not well-formed XML/),
    ]);
  });
});

describe("the manifest schema step", () => {
  const file = path.join(root, "manifest.xml");
  const nowhere = path.join(root, "no-such-schema-folder");

  test("is skipped with a message saying how to enable it on a machine without the schemas", () => {
    const step = schemaStep(file, { OFFICE_MANIFEST_SCHEMAS: nowhere });
    expect(step.problems).toEqual([]);
    expect(step.skipped).toMatch(/skipped: .*no-such-schema-folder.*Set OFFICE_MANIFEST_SCHEMAS/);
  });

  test("fails under CI=true when the schemas are missing", () => {
    const step = schemaStep(file, { OFFICE_MANIFEST_SCHEMAS: nowhere, CI: "true" });
    expect(step.problems).toEqual([expect.stringMatching(/CI must validate against them/)]);
  });
});
