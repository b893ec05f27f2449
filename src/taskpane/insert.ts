/* global document, HTMLButtonElement, HTMLDialogElement, HTMLElement */
import { byId, fill } from "./dom";
import type { Pane } from "./pane";

/**
 * Asks a yes-or-no question in a modal dialog: the rest of the pane is inert while it is open,
 * Escape answers no, and focus returns where it was.
 */
function ask(message: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>("confirm");
  const yes = byId<HTMLButtonElement>("confirm-yes");
  const no = byId<HTMLButtonElement>("confirm-no");
  const before = document.activeElement as HTMLElement | null;
  fill(byId("confirm-text"), message);
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      yes.onclick = null;
      no.onclick = null;
      dialog.oncancel = null;
      if (dialog.open) dialog.close();
      before?.focus();
      resolve(answer);
    };
    yes.onclick = () => done(true);
    no.onclick = () => done(false);
    dialog.oncancel = (event) => {
      event.preventDefault();
      done(false);
    };
    dialog.showModal();
    no.focus();
  });
}

/**
 * Inserts a formula at the active cell, growing the target for a spill; asks before replacing
 * anything.
 */
export async function insert(
  pane: Pane,
  formula: string,
  rows: number,
  cols: number
): Promise<void> {
  const { host, say } = pane;
  if (!host.inExcel) {
    say("Inserting formulas needs Excel.");
    return;
  }
  try {
    const target = await host.inspectTarget(rows, cols);
    if (!target.empty) {
      const ok = await ask(
        `${target.sheet}!${target.address} is not empty. Replace its contents with ${formula}?`
      );
      if (!ok) {
        say("Nothing was inserted.");
        return;
      }
    }
    await host.writeFormula(target, formula);
    say(`Inserted ${formula} in ${target.sheet}!${target.address.split(":")[0]}.`);
  } catch (error) {
    say(`Could not insert the formula: ${(error as Error).message}`);
  }
}
