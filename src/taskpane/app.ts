/* global HTMLButtonElement, KeyboardEvent, clearTimeout, setTimeout */
import { byId } from "./dom";
import type { Host } from "./host";
import { insert } from "./insert";
import { createPane, PaneData } from "./pane";
import { aboutTab } from "./tabs/about-tab";
import { cellTab } from "./tabs/cell-tab";
import { dataTab } from "./tabs/data-tab";
import { sourcesTab } from "./tabs/sources-tab";
import { workbookTab } from "./tabs/workbook-tab";

export type { PaneData };

const TABS = ["sources", "data", "cell", "workbook", "about"] as const;
type Tab = (typeof TABS)[number];

/** Starts the pane: wires the tabs, renders every panel, and follows the selection in Excel. */
export function startPane(host: Host, data: PaneData): void {
  const pane = createPane(host, data, insert);
  const { say } = pane;
  const sources = sourcesTab(pane);
  const series = dataTab(pane);
  const cell = cellTab(pane);
  const about = aboutTab(pane);
  const workbook = workbookTab(pane);
  const refreshCell = cell.refresh;
  // ---- Tabs ------------------------------------------------------------------------------------
  const tabButton = (tab: Tab) => byId<HTMLButtonElement>(`tab-${tab}`);
  function showTab(tab: Tab, focus = false): void {
    for (const t of TABS) {
      const selected = t === tab;
      tabButton(t).setAttribute("aria-selected", String(selected));
      tabButton(t).tabIndex = selected ? 0 : -1;
      byId(`panel-${t}`).hidden = !selected;
    }
    if (focus) tabButton(tab).focus();
    if (tab === "cell") void refreshCell();
    if (tab === "workbook") void workbook.refresh();
  }
  for (const tab of TABS) {
    tabButton(tab).addEventListener("click", () => showTab(tab));
    tabButton(tab).addEventListener("keydown", (event: KeyboardEvent) => {
      const i = TABS.indexOf(tab);
      const next =
        event.key === "ArrowRight"
          ? TABS[(i + 1) % TABS.length]
          : event.key === "ArrowLeft"
            ? TABS[(i + TABS.length - 1) % TABS.length]
            : event.key === "Home"
              ? TABS[0]
              : event.key === "End"
                ? TABS[TABS.length - 1]
                : undefined;
      if (next) {
        event.preventDefault();
        showTab(next, true);
      }
    });
  }

  // ---- Start -----------------------------------------------------------------------------------
  byId("host-note").hidden = host.inExcel;
  byId("host-note").textContent = host.inExcel
    ? ""
    : "Opened outside Excel: browse sources and data here; inspecting cells and inserting formulas need the pane in Excel.";
  sources.render();
  series.render();
  about.render();
  pane.showCell = () => showTab("cell");
  showTab("sources");
  let pending: ReturnType<typeof setTimeout> | undefined;
  void host
    .onSelectionChanged(() => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        if (!byId("panel-cell").hidden) void refreshCell();
      }, 50);
    })
    .catch(() =>
      say("The pane could not follow the selection; reopen the This cell tab to refresh.")
    );
}
