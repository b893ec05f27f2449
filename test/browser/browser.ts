import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";

/**
 * Where developers usually have a Chromium-based browser, in the order tried after CHROMIUM_PATH:
 * Chromium, Google Chrome, then Microsoft Edge, on Linux, macOS and Windows. CI installs Debian's
 * chromium with apt-get (see .ci/run).
 */
export function browserCandidates(
  platform: string = process.platform,
  env: Record<string, string | undefined> = process.env
): string[] {
  const programFiles = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(
    (d): d is string => Boolean(d)
  );
  const byPlatform: Record<string, string[]> = {
    linux: [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/snap/bin/chromium",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
      "/usr/bin/microsoft-edge",
      "/usr/bin/microsoft-edge-stable",
    ],
    darwin: [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ],
    win32: [
      ...programFiles.map((d) => path.win32.join(d, "Chromium", "Application", "chrome.exe")),
      ...programFiles.map((d) =>
        path.win32.join(d, "Google", "Chrome", "Application", "chrome.exe")
      ),
      ...programFiles.map((d) =>
        path.win32.join(d, "Microsoft", "Edge", "Application", "msedge.exe")
      ),
    ],
  };
  return [...(env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : []), ...(byPlatform[platform] ?? [])];
}

/** The first browser found, or undefined. */
export function findBrowser(
  exists: (file: string) => boolean = fs.existsSync,
  candidates: string[] = browserCandidates()
): string | undefined {
  return candidates.find((file) => exists(file));
}

export const CHROMIUM = findBrowser();
export const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");
/** Office's script host, as the pages name it, and the folder office.js loads its files from. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
const OFFICE_HOSTED = `${OFFICE_CDN}lib/1/hosted/`;
/** Where office.js frames its telemetry outside Office; answered with an empty page. */
const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";
/** Microsoft's office.js and custom-functions runtime, from the @microsoft/office-js package. */
export const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const EXCEL_SHIM = path.join(__dirname, "excel-shim.js");

/**
 * Answers Office's CDN from the package. office.js is followed by the Excel shim, which adds what
 * only a real host has; every other file is Microsoft's, as the CDN would serve it.
 */
function officeFile(url: string): { body: string } | undefined {
  const name = url.slice(OFFICE_HOSTED.length).split(/[?#]/)[0];
  const file = path.join(OFFICE_JS_DIST, path.normalize(name));
  if (!url.startsWith(OFFICE_HOSTED) || !file.startsWith(OFFICE_JS_DIST) || !fs.existsSync(file))
    return undefined;
  const body = fs.readFileSync(file, "utf8");
  return { body: name === "office.js" ? `${body}\n;${fs.readFileSync(EXCEL_SHIM, "utf8")}` : body };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves a built dist folder on localhost, as the dev server would, plus any extra pages given. */
export async function serve(
  dir: string,
  pages: Record<string, string> = {}
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (Object.prototype.hasOwnProperty.call(pages, url.pathname)) {
      res.writeHead(200, { "Content-Type": TYPES[".html"] }).end(pages[url.pathname]);
      return;
    }
    const file = path.join(
      dir,
      path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "")
    );
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let announced = false;

export function launch(): Promise<Browser> {
  if (!CHROMIUM) {
    throw new Error(
      `No Chromium, Chrome or Edge found (tried ${browserCandidates().join(", ")}): set CHROMIUM_PATH, or on Debian apt-get install -y chromium.`
    );
  }
  if (!announced) {
    announced = true;
    console.log(`browser tests run in ${CHROMIUM}`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PaneSession {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Requests made by script (fetch, XHR, sockets): the functions and the pane make none. */
  scriptRequests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Content-Security-Policy violations the page reported (securitypolicyviolation events). */
  violations: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** Records every Content-Security-Policy violation a page reports, from before its first script. */
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + (e.sourceFile ? " in " + e.sourceFile : ""))
  );`;

/**
 * A browser context in which Office's CDN is answered from Microsoft's package, Office's
 * telemetry frame gets an empty page, the add-in's origin is served, and nothing else is reached.
 */
async function officeContext(
  browser: Browser,
  origin: string,
  options: { dark?: boolean } = {}
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 320, height: 720 },
    colorScheme: options.dark ? "dark" : "light",
  });
  // Only requests that leave the add-in's origin are intercepted (interception slows every
  // request it handles, which would distort the benchmark's timings of our own scripts).
  const served = new URL(origin).host;
  await context.route(
    (url) => url.host !== served,
    (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_CDN)) {
        const file = officeFile(url);
        return file
          ? route.fulfill({
              status: 200,
              contentType: "text/javascript; charset=utf-8",
              headers: { "access-control-allow-origin": "*" },
              body: file.body,
            })
          : route.fulfill({ status: 404, body: "" });
      }
      if (url.startsWith(OFFICE_TELEMETRY))
        return route.fulfill({ status: 200, contentType: "text/html", body: "" });
      return route.abort();
    }
  );
  await context.addInitScript(RECORD_VIOLATIONS);
  return context;
}

function record(page: Page) {
  const requests: string[] = [];
  const scriptRequests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    requests.push(r.url());
    if (["fetch", "xhr", "websocket", "eventsource"].includes(r.resourceType())) {
      scriptRequests.push(r.url());
    }
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  return { requests, scriptRequests, errors, violations };
}

/**
 * Opens the pane at the task pane's default width with Microsoft's office.js, the Excel shim on
 * top of it, and every request recorded. `sets` are the requirement sets the host reports.
 */
export async function openPane(
  browser: Browser,
  origin: string,
  options: {
    host?: "Excel" | null;
    dark?: boolean;
    sets?: Record<string, string>;
    /** Leaves the page hidden, as Excel's shared runtime loads it, until the test shows it. */
    hidden?: boolean;
  } = {}
): Promise<PaneSession> {
  const context = await officeContext(browser, origin, options);
  const host = options.host === undefined ? "Excel" : options.host;
  await context.addInitScript(`window.__shimHost = ${JSON.stringify(host)};`);
  if (options.sets)
    await context.addInitScript(`window.__shimSets = ${JSON.stringify(options.sets)};`);
  if (options.hidden) await context.addInitScript(HIDDEN_PAGE);
  const page = await context.newPage();
  const recorded = record(page);
  await page.goto(`${origin}/taskpane.html`);
  if (!options.hidden) await page.waitForSelector("#source-list li");
  return { page, ...recorded, close: () => context.close() };
}

/** Makes the page report itself hidden until window.__show() is called. */
const HIDDEN_PAGE = `
  (() => {
    let state = "hidden";
    Object.defineProperty(document, "visibilityState", { get: () => state, configurable: true });
    window.__show = () => {
      state = "visible";
      document.dispatchEvent(new Event("visibilitychange"));
    };
  })();`;

/** A page as Excel's custom-functions host runs functions.js: Microsoft's runtime first. */
export const RUNTIME_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com" />
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"></script>
    <script src="functions.js"></script>
  </head>
  <body></body>
</html>`;

/** Opens RUNTIME_PAGE (served by serve() at /functions-runtime.html). */
export async function openRuntime(browser: Browser, origin: string): Promise<PaneSession> {
  const context = await officeContext(browser, origin);
  const page = await context.newPage();
  const recorded = record(page);
  await page.goto(`${origin}/functions-runtime.html`);
  await page.waitForFunction(() => {
    const cf = (window as unknown as { CustomFunctions?: { _association?: { mappings: object } } })
      .CustomFunctions;
    return cf?._association !== undefined && Object.keys(cf._association.mappings).length > 0;
  });
  return { page, ...recorded, close: () => context.close() };
}

/** The requests that left the add-in's own origin, other than Office's script host and telemetry. */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter(
    (u) =>
      !u.startsWith(`${origin}/`) && !u.startsWith(OFFICE_CDN) && !u.startsWith(OFFICE_TELEMETRY)
  );
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
