/* global document, Office, window */
import { catalog, cn } from "../core";
import { dataset } from "../data";
import { startPane } from "./app";
import { excelHost } from "./excel-host";
import { browserHost, Host } from "./host";

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

function start(inExcel: boolean): void {
  const host: Host = inExcel
    ? excelHost()
    : browserHost((url) => void window.open(url, "_blank", "noopener,noreferrer"));
  startPane(host, { catalog, cn, observations: dataset.observations });
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    applyTheme(inExcel);
    start(inExcel);
  });
} else {
  applyTheme(false);
  start(false);
}
