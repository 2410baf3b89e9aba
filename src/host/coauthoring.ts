import { type Rect, intersect, lastRow, union } from "./addresses";
import type { CellValue } from "./inputParsing";
import type { RangeAttributes } from "./rangeAttributes";
import { bodyRect } from "./model";
import type { ChangeRecord, WorkbookState } from "./workbookState";

/**
 * Asynchronous co-authoring, as Excel on the web does it (see "Co-authoring" in README.md): every session
 * works on its own copy of the workbook; what a sync changed reaches the file at once and every other
 * session `mergeDelayMs` later, merged cell by cell, the change that reached the file later winning each
 * cell, and raising that session's onChanged with source "Remote".
 */
export interface CoauthoringOptions {
  /** How long a session's synced changes take to reach the other sessions. */
  mergeDelayMs: number;
}

/** Who a change came from, as the host's sessions are known (hostCore.ts). */
export interface Author {
  id: string;
}

interface CellContent {
  row: number;
  column: number;
  value: CellValue;
  formula?: string;
  format?: string;
}

/** What one sync changed, on its way to the file and the other copies. */
interface Packet {
  seq: number;
  from: Author;
  /** The sender's change records, raised again in each receiving session. */
  changes: ChangeRecord[];
  cells: Map<string, CellContent[]>;
  /** Tables that grew below (auto-expansion): their new last row. */
  grown: { tableId: string; lastRow: number }[];
  /** Styles, validation, conditional formats and widths of sheets whose formats changed: the whole set. */
  attributes: Map<string, RangeAttributes>;
  /** A structural change (rows or cells inserted or deleted, sheets or tables added, renamed or removed). */
  whole: boolean;
}

interface Copy {
  state: WorkbookState;
  /** The packet number each cell last took, so an older packet arriving later does not win it. */
  seen: Map<string, number>;
  /** Packets up to this number are in the copy already (it was taken from the file after them). */
  floor: number;
  pending: Map<Packet, ReturnType<typeof setTimeout>>;
  shape: string;
}

const cellKey = (sheetId: string, row: number, column: number) => `${sheetId}|${row}|${column}`;

/** Sheets and tables as names and places (not a table's row count, which grows with adds): what must match. */
function shapeOf(state: WorkbookState): string {
  return JSON.stringify([
    state.sheets.map((s) => [s.id, s.name, s.visibility]),
    state.tables.map((t) => [
      t.id,
      t.name,
      t.sheetId,
      t.rect.row,
      t.rect.column,
      t.rect.columnCount,
      t.showHeaders,
      t.showTotals,
      t.columns.map((c) => [c.name, c.calculatedFormula]),
    ]),
  ]);
}

/** A table growing at its end is a change of cells; any other insert or delete moves cells: structural. */
function isStructural(state: WorkbookState, change: ChangeRecord): boolean {
  if (change.changeType === "RangeEdited") return false;
  if (change.changeType !== "RowInserted" || change.tableId === undefined) return true;
  const table = state.tableById(change.tableId);
  return !table || lastRow(change.rect) !== lastRow(bodyRect(table));
}

export class Coauthoring {
  private readonly copies = new Map<string, Copy>();
  private fileSeen = new Map<string, number>();
  private seq = 0;
  private inFlight = 0;

  constructor(
    /** The workbook as stored: every sync's changes in the order they reached it. */
    public file: WorkbookState,
    private readonly options: CoauthoringOptions,
    /** Raises the receiving session's events for an arrived packet (hostCore.ts). */
    private readonly arrived: (to: Author, from: Author, apply: () => void) => void,
  ) {}

  /** A session's own copy, taken from the file when the session first opens it. */
  stateOf(session: Author): WorkbookState {
    return this.copyOf(session).state;
  }

  private copyOf(session: Author): Copy {
    let copy = this.copies.get(session.id);
    if (!copy) {
      const state = this.file.clone();
      copy = { state, seen: new Map(), floor: this.seq, pending: new Map(), shape: shapeOf(state) };
      this.copies.set(session.id, copy);
    }
    return copy;
  }

  /** Sends what a session's sync (or typing) changed in its copy to the file, and on to the other copies. */
  ship(from: Author, changes: ChangeRecord[]): void {
    const copy = this.copyOf(from);
    const { state } = copy;
    const shape = shapeOf(state);
    const whole = shape !== copy.shape || changes.some((change) => isStructural(state, change));
    copy.shape = shape;
    if (changes.length === 0 && !whole) return;
    const packet = whole ? this.wholePacket(from, changes) : this.capture(from, state, changes);
    if (whole) {
      // the sender's copy becomes the file, with what has reached the file but not yet the sender
      this.file = state.clone();
      this.fileSeen = new Map(copy.seen);
      const notArrived = [...copy.pending.keys()].sort((a, b) => a.seq - b.seq);
      for (const earlier of notArrived) if (!earlier.whole) apply(this.file, earlier, this.fileSeen);
    } else {
      apply(this.file, packet, this.fileSeen);
      for (const [sheetId, cells] of packet.cells)
        for (const cell of cells) copy.seen.set(cellKey(sheetId, cell.row, cell.column), packet.seq);
    }
    for (const [id, other] of this.copies) {
      if (id === from.id) continue;
      this.inFlight++;
      const timer = setTimeout(() => this.arrive({ id }, other, packet), this.options.mergeDelayMs);
      other.pending.set(packet, timer);
    }
  }

  /** A closed session's copy: nothing more is shipped to it, and what was on its way is dropped. */
  forget(session: Author): void {
    const copy = this.copies.get(session.id);
    if (!copy) return;
    for (const timer of copy.pending.values()) clearTimeout(timer);
    this.inFlight -= copy.pending.size;
    this.copies.delete(session.id);
  }

  /** Resolves once every change shipped so far has reached every copy (and its events are queued). */
  async settled(): Promise<void> {
    while (this.inFlight > 0)
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, this.options.mergeDelayMs / 4)));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  private arrive(to: Author, copy: Copy, packet: Packet): void {
    this.inFlight--;
    copy.pending.delete(packet);
    if (packet.seq <= copy.floor) return;
    this.arrived(to, packet.from, () => {
      if (packet.whole) {
        // Structure is not merged: the copy is taken from the file again (its own changes are all there).
        for (const timer of copy.pending.values()) clearTimeout(timer);
        this.inFlight -= copy.pending.size;
        copy.pending.clear();
        copy.state = this.file.clone();
        copy.seen = new Map();
        copy.floor = this.seq;
      } else {
        apply(copy.state, packet, copy.seen);
      }
      copy.shape = shapeOf(copy.state);
      const { state } = copy;
      state.changes = packet.changes.filter(
        (change) =>
          state.sheetById(change.sheetId) !== undefined &&
          (change.tableId === undefined || state.tableById(change.tableId) !== undefined),
      );
      state.dirty = true;
    });
  }

  private wholePacket(from: Author, changes: ChangeRecord[]): Packet {
    return {
      seq: ++this.seq,
      from,
      changes: [...changes],
      cells: new Map(),
      grown: [],
      attributes: new Map(),
      whole: true,
    };
  }

  /** The contents of every cell the changes touched (within what the sheet and its tables hold). */
  private capture(from: Author, state: WorkbookState, changes: ChangeRecord[]): Packet {
    const packet: Packet = { ...this.wholePacket(from, changes), whole: false };
    for (const change of changes) {
      const sheet = state.sheetById(change.sheetId);
      if (!sheet) continue;
      if (change.tableId !== undefined) {
        const table = state.tableById(change.tableId);
        if (table && change.changeType === "RowInserted")
          packet.grown.push({ tableId: table.id, lastRow: lastRow(table.rect) });
      }
      if (change.formatOnly) packet.attributes.set(sheet.id, sheet.attributes.clone());
      let holds: Rect | undefined = sheet.cells.usedRect(false);
      for (const table of state.tablesOn(sheet.id)) holds = holds ? union(holds, table.rect) : table.rect;
      const area = holds && intersect(change.rect, holds);
      if (!area) continue;
      let cells = packet.cells.get(sheet.id);
      if (!cells) packet.cells.set(sheet.id, (cells = []));
      for (let r = area.row; r <= lastRow(area); r++)
        for (let c = area.column; c < area.column + area.columnCount; c++)
          cells.push({
            row: r,
            column: c,
            value: sheet.cells.value(r, c),
            formula: sheet.cells.formula(r, c),
            format: sheet.cells.ownFormat(r, c),
          });
    }
    return packet;
  }
}

/** Applies a packet's cells to a copy, each cell only if no later packet (or the copy's own sync) set it. */
function apply(state: WorkbookState, packet: Packet, seen: Map<string, number>): void {
  for (const { tableId, lastRow: last } of packet.grown) {
    const table = state.tableById(tableId);
    const sheet = table && state.sheetById(table.sheetId);
    if (table && sheet && lastRow(table.rect) < last) state.grow(sheet, table, last);
  }
  for (const [sheetId, cells] of packet.cells) {
    const sheet = state.sheetById(sheetId);
    if (!sheet) continue;
    for (const cell of cells) {
      const key = cellKey(sheetId, cell.row, cell.column);
      if ((seen.get(key) ?? 0) >= packet.seq) continue;
      seen.set(key, packet.seq);
      if (cell.value === "" && cell.formula === undefined) sheet.cells.clearContents(cell.row, cell.column);
      else sheet.cells.setCell(cell.row, cell.column, cell.value, cell.formula);
      sheet.cells.setFormat(cell.row, cell.column, cell.format);
    }
  }
  for (const [sheetId, attributes] of packet.attributes) {
    const sheet = state.sheetById(sheetId);
    if (sheet) sheet.attributes = attributes.clone();
  }
  state.changes = [];
}
