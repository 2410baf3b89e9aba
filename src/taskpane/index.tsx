/**
 * The add-in's page in Excel. With the shared runtime this one page hosts the task pane and the LICENSE
 * custom functions, so both see the same register.
 */
import "../functions/functions";
import "../functions/liveFunctions";
import { startLiveRegister } from "../functions/liveRegister";
import { createExcelRegister } from "../workbook/excelRegister";
import { missingRequirements, unsupportedExcelMessage } from "../workbook/requirements";
import { mountTaskPane } from "./mount";

/** Shows a sentence in the pane without React: for when the pane itself cannot start. */
function showNotice(text: string): void {
  const notice = document.getElementById("notice")!;
  notice.textContent = text;
  notice.hidden = false;
}

Office.onReady((info) => {
  const container = document.getElementById("container")!;
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
  // One live index of the register feeds LICENSE.USED, STATUS and POSITION in every cell.
  startLiveRegister(register);
  mountTaskPane(container, register, { officeTheme: Office.context.officeTheme });
});
