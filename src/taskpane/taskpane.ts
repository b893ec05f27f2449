/* global document, Office, window */
import { sharedData } from "../core/shared";
import type { Host } from "./host";

/** Office's theme when it reports one, judged by its body background; undefined when it does not. */
function officeTheme(): "dark" | "light" | undefined {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  const match = /^#?([0-9a-f]{6})$/i.exec(background ?? "");
  if (!match) return undefined;
  const n = parseInt(match[1], 16);
  const luminance = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance < 128 ? "dark" : "light";
}

/**
 * Sets the one attribute the stylesheet's palette follows: Office's theme in Excel when it reports
 * one, otherwise the system's colour scheme, followed as it changes.
 */
function applyTheme(inOffice: boolean): void {
  const root = document.documentElement;
  const office = inOffice ? officeTheme() : undefined;
  if (office) {
    root.dataset.theme = office;
    return;
  }
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const follow = (): void => {
    root.dataset.theme = system.matches ? "dark" : "light";
  };
  follow();
  system.addEventListener("change", follow);
}

/**
 * Resolves when the pane is first shown. In a shared runtime the page loads hidden with the
 * functions; the pane's views wait until someone opens it.
 */
function firstShown(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === "visible") return resolve();
    const onChange = (): void => {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", onChange);
      resolve();
    };
    document.addEventListener("visibilitychange", onChange);
    const addin = typeof Office !== "undefined" ? Office.addin : undefined;
    if (addin && typeof addin.onVisibilityModeChanged === "function") {
      void addin.onVisibilityModeChanged((args) => {
        if (args.visibilityMode === Office.VisibilityMode.taskpane) resolve();
      });
    }
  });
}

/** Links open in Office's browser window where the host has it, else in a new tab. */
function linkOpener(inExcel: boolean): (url: string) => void {
  const newTab = (url: string): void => void window.open(url, "_blank", "noopener,noreferrer");
  if (!inExcel) return newTab;
  const supported = Office.context.requirements?.isSetSupported("OpenBrowserWindowApi", "1.1");
  const ui = Office.context.ui;
  return supported && ui && typeof ui.openBrowserWindow === "function"
    ? (url) => ui.openBrowserWindow(url)
    : newTab;
}

async function start(inExcel: boolean): Promise<void> {
  await firstShown();
  const shared = sharedData();
  if (!shared) {
    const note = document.getElementById("host-note");
    if (note) {
      note.hidden = false;
      note.textContent = "The CN functions did not load (functions.js), so the pane has no data.";
    }
    return;
  }
  // The pane's code and its words load when it is first shown, not in the hidden runtime; the
  // words through functions.js, which loads them once for the pane and for cards.
  const [details, { startPane, excelHost, browserHost }] = await Promise.all([
    shared.details(),
    import(/* webpackChunkName: "pane" */ "./pane-entry"),
  ]);
  const open = linkOpener(inExcel);
  const host: Host = inExcel ? excelHost(open) : browserHost(open);
  startPane(host, {
    catalog: shared.catalog,
    cn: shared.cn,
    observations: shared.dataset.observations,
    details,
  });
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    applyTheme(inExcel);
    void start(inExcel);
  });
} else {
  applyTheme(false);
  void start(false);
}
