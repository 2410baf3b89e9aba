import { type Rect, contains, formatRect, intersect } from "./addresses";
import { EventHub, summarise } from "./events";
import { type Limits, type SessionStats, createStats } from "./limits";
import { bodyRect } from "./model";
import { Coauthoring, type CoauthoringOptions } from "./coauthoring";
import type { ExcelProfile } from "./profiles";
import { WorkbookState } from "./workbookState";

export interface SessionCore {
  id: string;
  name: string;
  stats: SessionStats;
  activeSheetId?: string;
  selection?: { sheetId: string; rect: Rect };
}

/**
 * Everything the sessions share: the workbook state, event registrations, limits and change listeners. With
 * asynchronous co-authoring (coauthoring.ts) each session has its own copy of the state instead.
 */
export class HostCore {
  private readonly shared = new WorkbookState();
  /** Whose copy `state` is while a session's sync or typing runs (asynchronous co-authoring only). */
  private viewer?: SessionCore;
  readonly coauthoring?: Coauthoring;
  readonly hub = new EventHub();
  readonly listeners = new Set<() => void>();
  readonly sessions: SessionCore[] = [];
  private nextSession = 1;

  constructor(
    readonly profile: ExcelProfile,
    readonly limits: Limits,
    coauthoring?: CoauthoringOptions,
    /** InMemoryWorkbookOptions.roundTripMs. */
    readonly roundTripMs = 0,
  ) {
    this.shared.addSheet("Sheet1");
    this.shared.dirty = false;
    if (coauthoring)
      this.coauthoring = new Coauthoring(this.shared, coauthoring, (to, from, apply) => {
        const receiver = this.sessions.find((s) => s.id === to.id);
        const sender = this.sessions.find((s) => s.id === from.id);
        if (!receiver || !sender) return;
        this.as(receiver, () => {
          apply();
          this.finishChanges(sender, true, receiver);
        });
      });
  }

  /** The workbook as the session acting now sees it; outside a session's work, the file itself. */
  get state(): WorkbookState {
    if (!this.coauthoring) return this.shared;
    return this.viewer ? this.coauthoring.stateOf(this.viewer) : this.coauthoring.file;
  }

  /** Runs `work` on `session`'s copy of the workbook (the one copy when co-authoring is not asynchronous). */
  as<T>(session: SessionCore, work: () => T): T {
    const before = this.viewer;
    this.viewer = session;
    try {
      return work();
    } finally {
      this.viewer = before;
    }
  }

  newSession(name: string): SessionCore {
    const session: SessionCore = { id: `session-${this.nextSession++}`, name, stats: createStats() };
    this.sessions.push(session);
    return session;
  }

  /** The session's runtime has closed: its handlers and its copy of the workbook go. */
  closeSession(session: SessionCore): void {
    this.hub.removeSession(session.id);
    this.coauthoring?.forget(session);
    const at = this.sessions.indexOf(session);
    if (at >= 0) this.sessions.splice(at, 1);
  }

  activeSheetId(session: SessionCore): string | undefined {
    const state = this.state;
    if (session.activeSheetId && state.sheetById(session.activeSheetId)) return session.activeSheetId;
    return state.sheets.find((sheet) => sheet.visibility === "Visible")?.id;
  }

  /**
   * After a sync or a typed entry: events for what changed, then onAnyChange listeners. `raiseEvents: false`
   * for changes Excel raises no event for (a dropdown pick on the web): recalculation and re-rendering only.
   * With asynchronous co-authoring the changes are shipped to the other copies and the events go to the
   * actor's handlers only; `arrivedAt` is the session whose copy a co-author's changes just reached.
   */
  finishChanges(actor: SessionCore, raiseEvents = true, arrivedAt?: SessionCore): void {
    const state = this.state;
    if (this.coauthoring && this.viewer && !arrivedAt) this.coauthoring.ship(actor, state.changes);
    const audience = this.coauthoring ? (arrivedAt ?? actor).id : undefined;
    const changes = raiseEvents ? state.changes : [];
    const changed = state.changes.length > 0;
    state.changes = [];
    if (changed && state.hasEvaluator()) state.recalculate();
    const { tables, sheets, formats, sorts } = summarise(changes);
    for (const change of tables) {
      const worksheetId = change.sheetId;
      const args = (registration: { sessionId: string }) => ({
        type: "TableChanged",
        changeType: change.changeType,
        source: registration.sessionId === actor.id ? "Local" : "Remote",
        address: formatRect(change.rect),
        tableId: change.tableId,
        worksheetId,
        ...(change.details ? { details: change.details } : {}),
        ...rangeGetters(worksheetId, formatRect(change.rect)),
      });
      // The table's own handlers and the workbook's tables.onChanged hear the same event.
      this.hub.emit("TableChanged", change.tableId, args, audience);
      this.hub.emit("TablesChanged", undefined, args, audience);
    }
    for (const change of sheets) {
      this.hub.emit(
        "WorksheetChanged",
        change.sheetId,
        (registration) => ({
          type: "WorksheetChanged",
          changeType: change.changeType,
          source: registration.sessionId === actor.id ? "Local" : "Remote",
          address: formatRect(change.rect),
          worksheetId: change.sheetId,
          ...(change.details ? { details: change.details } : {}),
          ...rangeGetters(change.sheetId, formatRect(change.rect)),
        }),
        audience,
      );
    }
    for (const change of formats) {
      this.hub.emit(
        "WorksheetFormatChanged",
        change.sheetId,
        (registration) => ({
          type: "WorksheetFormatChanged",
          source: registration.sessionId === actor.id ? "Local" : "Remote",
          address: formatRect(change.rect),
          worksheetId: change.sheetId,
          ...rangeGetters(change.sheetId, formatRect(change.rect)),
        }),
        audience,
      );
    }
    for (const sort of sorts) {
      const address = sort.areas.map(formatRect).join(",");
      this.hub.emit(
        "WorksheetRowSorted",
        sort.sheetId,
        (registration) => ({
          type: "WorksheetRowSorted",
          source: registration.sessionId === actor.id ? "Local" : "Remote",
          address,
          worksheetId: sort.sheetId,
        }),
        audience,
      );
    }
    if (state.dirty || changed) {
      state.dirty = false;
      for (const listener of [...this.listeners]) listener();
    }
  }

  /** A session selects a range: selection events go to that session's handlers only. */
  select(session: SessionCore, sheetId: string, area: Rect): void {
    session.activeSheetId = sheetId;
    session.selection = { sheetId, rect: area };
    const address = formatRect(area);
    this.hub.emit(
      "WorksheetSelectionChanged",
      sheetId,
      () => ({ type: "WorksheetSelectionChanged", address, worksheetId: sheetId }),
      session.id,
    );
    this.hub.emit(
      "WorkbookSelectionChanged",
      undefined,
      () => ({ type: "WorkbookSelectionChanged", workbook: undefined }),
      session.id,
    );
    for (const table of this.as(session, () => this.state.tablesOn(sheetId))) {
      if (!intersect(table.rect, area)) continue;
      this.hub.emit(
        "TableSelectionChanged",
        table.id,
        () => ({
          type: "TableSelectionChanged",
          address,
          tableId: table.id,
          worksheetId: sheetId,
          isInsideTable: contains(table.rect, area),
          isInsideBody: contains(bodyRect(table), area),
        }),
        session.id,
      );
    }
  }
}

/** getRange / getRangeOrNullObject on event args, resolved in the handler's own context. */
function rangeGetters(worksheetId: string, address: string) {
  return {
    getRange: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(worksheetId).getRange(address),
    getRangeOrNullObject: (ctx: Excel.RequestContext) =>
      ctx.workbook.worksheets.getItem(worksheetId).getRange(address),
  };
}
