import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import "./customFunctionsRuntime";
import "../functions/functions";
import "../functions/liveFunctions";
import { followNames } from "../live/liveNames";
import { startLiveRegister } from "../live/sharedLiveRegister";
import { createInMemoryWorkbook, isExcelPlatform, type ExcelPlatform } from "../host";
import { attachCalculation } from "../host/calc/engine";
import { createWorkbookRegister } from "../workbook/createWorkbookRegister";
import { followDashboardChart } from "../workbook/followDashboardChart";
import { Playground, type CoAuthor } from "./Playground";
import { seedSynthetic } from "./seedSynthetic";
import { seedWorkbook } from "./seedWorkbook";
import { trackWorkbookChanges } from "./WorkbookGrid";

const EXCEL_NAMES: Record<ExcelPlatform, string> = {
  web: "Excel on the web",
  windows: "Excel on Windows",
  mac: "Excel on the Mac",
};

/** ?excel=web|windows|mac: which Excel's rules the in-memory workbook follows (default: the web's). */
function requestedExcel(): ExcelPlatform {
  const requested = new URLSearchParams(location.search).get("excel")?.toLowerCase();
  return isExcelPlatform(requested) ? requested : "web";
}

/** The largest synthetic register offered: the scale target, with room above it. */
const MAX_LICENCES = 200_000;
/** Long enough to make two saves by hand before either reaches the other co-author. */
const MAX_MERGE_DELAY_MS = 30_000;

async function start(): Promise<void> {
  const element = document.getElementById("playground")!;
  const query = new URLSearchParams(location.search);
  // ?workbook=empty starts from a new workbook, as a person opening the add-in for the first time does.
  const empty = query.get("workbook") === "empty";
  const excel = requestedExcel();
  document.title = `${document.title} (${EXCEL_NAMES[excel]})`;
  // ?mergeDelay=3000 gives each co-author their own copy, merged into the others' that many ms after a save,
  // as Excel on the web's asynchronous co-authoring does (two saves within it: the later one wins each cell).
  const mergeDelayMs = whole(query.get("mergeDelay"), 0, MAX_MERGE_DELAY_MS, 0);
  const workbook = createInMemoryWorkbook({
    profile: excel,
    coauthoring: mergeDelayMs > 0 ? { mergeDelayMs } : undefined,
  });
  // ?licences=100000 seeds the benchmark's synthetic register of that many licences instead of the demo.
  const licences = query.has("licences") ? whole(query.get("licences"), 1, MAX_LICENCES, 0) : 0;
  trackWorkbookChanges(workbook);
  // Seeding 100,000 licences takes a while: the page says how far it has got instead of staying blank.
  const status = startingStatus(element);
  status.show("Setting up the workbook…");
  if (licences > 0 && !empty) await seedSynthetic(workbook, licences, { onProgress: status.show });
  else if (!empty) await seedWorkbook(workbook);
  // Marks for the scale measurement (scripts/pane-list-visible.ts): where the time goes before the list shows.
  performance.mark("playground:seeded");
  status.show("Opening the workbook…");
  await nextPaint();
  // The same functions.json Excel reads tells the engine which functions stream.
  const metadata = await fetch("functions.json").then((response) => response.json());
  attachCalculation(workbook, { metadata });
  const count = whole(query.get("coauthors"), 1, 3, 1);
  // ?pane=320 shows the task panes as narrow as Excel lets a person make them.
  const paneWidth = whole(query.get("pane"), 320, 1200, 360);
  const coAuthors: CoAuthor[] = Array.from({ length: count }, (_, i) => {
    const name = `Co-author ${i + 1}`;
    const session = workbook.session(name);
    return { name, session, register: createWorkbookRegister({ run: (batch) => session.run(batch) }) };
  });
  // Excel computes the LICENSE cells in the add-in's shared runtime, where the task pane runs too: here the
  // first co-author's runtime. Its pane and the cells read one live register; other co-authors' panes keep
  // their own, as their own Excel would.
  const live = startLiveRegister(coAuthors[0].register);
  coAuthors[0].live = live;
  // For the scale measurement: the moment the register is ready, before the pane draws anything for it
  // (this listener is the live register's first, and the pane renders during the load).
  const stopMarking = live.subscribe(() => {
    if (live.getState().status !== "ready") return;
    stopMarking();
    performance.mark("playground:register-loaded");
  });
  // the Dashboard's chart follows the live grid as products come and go
  followDashboardChart(coAuthors[0].register, () => live.settled());
  // and the names the sheets show beside links follow the catalogue
  followNames(coAuthors[0].register, live);
  // Shown while the register loads, as Excel shows the workbook while the add-in starts: the pane shows how
  // much of the register it has read. (A new workbook has nothing to load until "Set up workbook".)
  status.remove();
  createRoot(element).render(
    <FluentProvider theme={webLightTheme}>
      <Playground workbook={workbook} coAuthors={coAuthors} paneWidth={paneWidth} />
    </FluentProvider>,
  );
}

/** A plain line of text and a progress bar above the playground until it renders (React is not up yet). */
function startingStatus(element: HTMLElement): {
  show: (message: string, share?: number) => void;
  remove: () => void;
} {
  const box = document.createElement("div");
  box.setAttribute("role", "status");
  box.style.cssText = "font: 14px 'Segoe UI', sans-serif; padding: 16px; max-width: 40em;";
  const text = document.createElement("p");
  const bar = document.createElement("progress");
  bar.style.width = "100%";
  bar.max = 1;
  box.append(text, bar);
  element.before(box);
  return {
    show(message, share) {
      text.textContent = message;
      if (share === undefined) bar.removeAttribute("value");
      else bar.value = share;
    },
    remove: () => box.remove(),
  };
}

/** Resolves once the browser has painted what is on the page now. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A whole number from the query string, kept within min..max; the fallback when absent or not a number. */
function whole(text: string | null, min: number, max: number, fallback: number): number {
  const value = Number(text ?? "");
  return text !== null && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : fallback;
}

start().catch((error: unknown) => {
  document.body.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
});
