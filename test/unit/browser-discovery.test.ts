import { browserCandidates, findBrowser } from "../browser/browser";

describe("finding a browser for the browser tests", () => {
  test("tries CHROMIUM_PATH first, then Chromium, Chrome and Edge where Linux keeps them", () => {
    const list = browserCandidates("linux", { CHROMIUM_PATH: "/opt/my/chrome" });
    expect(list[0]).toBe("/opt/my/chrome");
    expect(list.indexOf("/usr/bin/chromium")).toBeLessThan(list.indexOf("/usr/bin/google-chrome"));
    expect(list.indexOf("/usr/bin/google-chrome")).toBeLessThan(
      list.indexOf("/usr/bin/microsoft-edge")
    );
  });

  test("knows the usual places on macOS and Windows", () => {
    expect(browserCandidates("darwin", {})).toContain(
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    );
    expect(browserCandidates("win32", { PROGRAMFILES: "C:\\Program Files" })).toContain(
      "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe"
    );
  });

  test("returns the first that exists, or nothing", () => {
    const list = ["/a/chromium", "/b/chrome", "/c/edge"];
    expect(findBrowser((f) => f !== "/a/chromium", list)).toBe("/b/chrome");
    expect(findBrowser(() => false, list)).toBeUndefined();
  });
});
