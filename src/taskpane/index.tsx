/**
 * The add-in's page in Excel. With the shared runtime this one page hosts the task pane and the LICENSE
 * custom functions, so both see the same register.
 *
 * This script holds only the functions and the live register, so they start without waiting for React and
 * Fluent: the pane arrives in its own chunk (webpack.config.js preloads it at low priority).
 */
import "../functions/functions";
import "../functions/liveFunctions";
import type { LiveRegister } from "../live/liveRegister";
import { startLiveRegister } from "../live/sharedLiveRegister";
import { followDashboardChart } from "../workbook/followDashboardChart";
import { followNames } from "../live/liveNames";
import { createExcelRegister } from "../workbook/excelRegister";
import type { Register } from "../workbook/registerApi";
import { missingRequirements, unsupportedExcelMessage } from "../workbook/requirements";

/** Shows a sentence in the pane without React: for when the pane itself cannot start. */
function showNotice(text: string): void {
  const notice = document.getElementById("notice")!;
  notice.textContent = text;
  notice.hidden = false;
}

async function showTaskPane(container: HTMLElement, register: Register, live: LiveRegister): Promise<void> {
  try {
    const { mountTaskPane } = await import(/* webpackChunkName: "pane" */ "./mount");
    mountTaskPane(container, register, { live, officeTheme: Office.context.officeTheme });
  } catch {
    showNotice(
      "The task pane could not load. Check your connection, then close the pane and open it again " +
        "(Home > Licence Register). The LICENSE formulas in your workbook keep working.",
    );
  }
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    document.getElementById("outside-office")!.hidden = false;
    return;
  }
  const missing = missingRequirements();
  if (missing.length > 0) {
    showNotice(unsupportedExcelMessage(missing));
    return;
  }
  const register = createExcelRegister();
  // One register in memory feeds LICENSE.USED, STATUS and POSITION in every cell, and the task pane.
  const live = startLiveRegister(register);
  // the Dashboard's chart follows the live grid as products come and go
  followDashboardChart(register, () => live.settled());
  // and the names the sheets show beside links follow the catalogue
  followNames(register, live);
  void showTaskPane(document.getElementById("container")!, register, live);
});
