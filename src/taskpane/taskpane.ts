/* global document, Office */
import { cn } from "../core";

function show(): void {
  const vintage = document.getElementById("vintage");
  if (vintage) vintage.textContent = cn.vintage();
}

if (typeof Office !== "undefined") Office.onReady(show);
else show();
