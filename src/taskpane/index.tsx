/**
 * The add-in's page in Excel. With the shared runtime this one page hosts the task pane and the LICENSE
 * custom functions, so both see the same register.
 */
import "../functions/functions";
import "../functions/liveFunctions";
import { startLiveRegister } from "../functions/liveRegister";
import { createExcelRegister } from "../workbook/excelRegister";
import { mountTaskPane } from "./mount";

Office.onReady((info) => {
  const container = document.getElementById("container")!;
  if (info.host !== Office.HostType.Excel) {
    document.getElementById("outside-office")!.hidden = false;
    return;
  }
  const register = createExcelRegister();
  // One live index of the register feeds LICENSE.USED, STATUS and POSITION in every cell.
  startLiveRegister(register);
  mountTaskPane(container, register, { officeTheme: Office.context.officeTheme });
});
