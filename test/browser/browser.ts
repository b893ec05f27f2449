import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";

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
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves a built dist folder on localhost, as the dev server would. */
export async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
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
  /** Uncaught page errors and console errors (CSP violations show up here). */
  errors: string[];
  close: () => Promise<void>;
}

/**
 * Opens the pane at the task pane's default width with the Office shim installed; Office's CDN
 * script is answered with an empty script, and every request is recorded.
 */
export async function openPane(
  browser: Browser,
  origin: string,
  options: { host?: "Excel" | null; dark?: boolean } = {}
): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: { width: 320, height: 720 },
    colorScheme: options.dark ? "dark" : "light",
  });
  const requests: string[] = [];
  const scriptRequests: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
    }
    if (url.startsWith(origin)) return route.continue();
    return route.abort();
  });
  const host = options.host === undefined ? "Excel" : options.host;
  await context.addInitScript(`window.__shimHost = ${JSON.stringify(host)};`);
  await context.addInitScript({ path: path.join(__dirname, "office-shim.js") });
  const page = await context.newPage();
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
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("#source-list li");
  return { page, requests, scriptRequests, errors, close: () => context.close() };
}

/** The requests that left the add-in's own origin, other than Office's script host. */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(OFFICE_CDN));
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
