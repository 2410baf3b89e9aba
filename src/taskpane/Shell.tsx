import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { useRegisterData } from "./hooks/useRegisterData";
import { LicencesTab, type LicencesTabHandle } from "./licences/LicencesTab";
import { useRegister } from "./RegisterContext";
import { isNewWorkbook, needsRepair } from "./setUpState";
import { useViewTabIds, ViewTabs, type ViewTab } from "./ViewTabs";
import { lazyView } from "./lazyView";
import { LazyNotice, preloadNotice } from "./LazyNotice";

// Views the licence list does not need for its first paint arrive in their own scripts.
const SetUpPanel = lazyView(() =>
  import(/* webpackChunkName: "set-up" */ "./SetUpPanel").then((module) => module.SetUpPanel),
);
const Dashboard = lazyView(() =>
  import(/* webpackChunkName: "dashboard" */ "./dashboard/Dashboard").then((module) => module.Dashboard),
);
const ImportTab = lazyView(() =>
  import(/* webpackChunkName: "import" */ "./import/ImportTab").then((module) => module.ImportTab),
);
const SettingsView = lazyView(() =>
  import(/* webpackChunkName: "settings" */ "./settings/SettingsView").then((module) => module.SettingsView),
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

type TabValue = "licences" | "dashboard" | "import" | "settings";
const VIEWS: ViewTab<TabValue>[] = [
  { value: "licences", label: "Licences" },
  { value: "dashboard", label: "Dashboard" },
  { value: "import", label: "Import" },
  { value: "settings", label: "Settings" },
];

/** Loads the register and switches between its views: licences, dashboard, import and settings. */
export function Shell() {
  const styles = useStyles();
  const register = useRegister();
  const state = useRegisterData();
  const [tab, setTab] = useState<TabValue>("licences");
  /** Views opened so far: each stays mounted once opened (see below). */
  const [opened, setOpened] = useState<ReadonlySet<TabValue>>(() => new Set());
  const licencesTab = useRef<LicencesTabHandle>(null);
  const ids = useViewTabIds();

  // The dashboard's script is fetched while the register loads, so opening the dashboard does not wait for it.
  // So is the notice's, so an error shows in its styling when it comes.
  useEffect(() => {
    void Dashboard.preload();
    void preloadNotice();
  }, []);

  // Selecting a licence row in the sheet shows it here, leaving the keyboard with the grid.
  useEffect(
    () =>
      register.onRecordSelected((kind, id) => {
        if (kind !== "licences") return;
        setTab("licences");
        licencesTab.current?.showSelected(id);
      }),
    [register],
  );

  if (state.status === "loading" && !state.data) {
    return (
      <div className={styles.root}>
        <Spinner
          label={
            state.progress === undefined
              ? "Loading the licence register…"
              : `Loading the licence register… ${Math.round(state.progress * 100)}% read`
          }
        />
      </div>
    );
  }
  // A new workbook (or one whose register tables are all gone) has nothing to show but the way to set it up.
  if (state.status === "not-set-up" || (state.data && isNewWorkbook(state.data))) {
    return (
      <div className={styles.root}>
        <Suspense fallback={<Spinner label="Loading…" />}>
          <SetUpPanel onDone={state.reload} />
        </Suspense>
      </div>
    );
  }
  if (!state.data || !state.figures) {
    return (
      <div className={styles.root}>
        <LazyNotice
          intent="error"
          actions={
            <Button onClick={() => void state.reload()} disabled={state.refreshing}>
              Try again
            </Button>
          }
        >
          {state.error ?? "The licence register could not be read."}
        </LazyNotice>
      </div>
    );
  }

  const select = (value: TabValue) => {
    setTab(value);
    setOpened((views) => (views.has(value) ? views : new Set(views).add(value)));
  };

  /** A view whose script arrives when it is first opened, in its tab panel. */
  const lazyPanel = (value: TabValue, view: ReactNode) => (
    <div hidden={tab !== value} role="tabpanel" id={ids.panel(value)} aria-labelledby={ids.tab(value)}>
      {opened.has(value) && (
        <Suspense fallback={<Spinner label={`Loading the ${value}…`} />}>{view}</Suspense>
      )}
    </div>
  );

  const openLicence = (id: string) => {
    setTab("licences");
    licencesTab.current?.open(id);
  };

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <ViewTabs label="Views" tabs={VIEWS} selected={tab} onSelect={select} ids={ids} />
        {state.refreshing ? (
          <Spinner size="tiny" label="Refreshing…" labelPosition="before" />
        ) : (
          <Button appearance="subtle" onClick={() => void state.reload()}>
            Refresh
          </Button>
        )}
      </div>
      {needsRepair(state.data) && (
        <Suspense fallback={<Spinner label="Loading…" />}>
          <SetUpPanel onDone={state.reload} repair />
        </Suspense>
      )}
      {state.error && (
        <LazyNotice intent="error" actions={<Button onClick={() => void state.reload()}>Try again</Button>}>
          {state.error}
        </LazyNotice>
      )}
      {/* The views stay mounted once opened, so a half-typed licence survives a look at the dashboard. The
          other views are mounted when first opened: until then the pane need not work out the whole
          register's figures or plan links on every change. */}
      <div
        hidden={tab !== "licences"}
        role="tabpanel"
        id={ids.panel("licences")}
        aria-labelledby={ids.tab("licences")}
      >
        <LicencesTab ref={licencesTab} data={state.data} figures={state.figures} />
      </div>
      {lazyPanel(
        "dashboard",
        <Dashboard data={state.data} figures={state.figures} onOpenLicence={openLicence} />,
      )}
      {lazyPanel("import", <ImportTab data={state.data} figures={state.figures} />)}
      {lazyPanel("settings", <SettingsView settings={state.data.settings} />)}
    </div>
  );
}
