/* global document, Office, window */
import { catalog, cn } from "../core";
import { dataset } from "../data";
import { startPane } from "./app";
import { excelHost } from "./excel-host";
import { browserHost, Host } from "./host";

/** Follows Office's theme when it reports one (dark or light body background). */
function applyOfficeTheme(): void {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  const match = /^#?([0-9a-f]{6})$/i.exec(background ?? "");
  if (!match) return;
  const n = parseInt(match[1], 16);
  const luminance = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  document.documentElement.dataset.theme = luminance < 128 ? "dark" : "light";
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
    if (inExcel) applyOfficeTheme();
    start(inExcel);
  });
} else {
  start(false);
}
