import { headerRowKey, savedColumnMappingSchema, type SavedColumnMapping } from "../domain/columnMapping";
import { literalText, type CellValue } from "./cells";
import { FORMATS } from "./tables/columns";
import { positionOf, queueLayout, type QueuedLayout } from "./tableLayout";
import { settingsTable } from "./tables";

/**
 * Column mappings people saved for files no tool recognises are rows of the Settings table, one per header
 * row: the Setting cell names the header row for people ("Column mapping: Computer | Program | Ver"), the
 * Value cell holds the mapping as JSON text. Rows in cells, like every setting, so co-authors' saves merge
 * row by row; the settings reader passes over labels it does not know.
 */
export const COLUMN_MAPPING_LABEL = "Column mapping";

const labelOf = (header: readonly string[]) => `${COLUMN_MAPPING_LABEL}: ${header.join(" | ")}`;

const isMappingLabel = (label: unknown) =>
  String(label ?? "")
    .trim()
    .toLowerCase()
    .startsWith(COLUMN_MAPPING_LABEL.toLowerCase());

function parseMapping(value: unknown): SavedColumnMapping | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = savedColumnMappingSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

interface MappingRows {
  queued: QueuedLayout;
  valueAt: number;
  keyAt: number;
  rows: { bodyRow: number; label: string; mapping?: SavedColumnMapping }[];
}

async function readMappingRows(context: Excel.RequestContext): Promise<MappingRows> {
  const queued = queueLayout(context, settingsTable.table, settingsTable.sheet);
  const body = queued.table.getDataBodyRange().load("values");
  await context.sync();
  const layout = queued.read();
  const keyAt = positionOf(layout, settingsTable.columns[0].header);
  const valueAt = positionOf(layout, settingsTable.columns[1].header);
  const rows: MappingRows["rows"] = [];
  if (keyAt >= 0 && valueAt >= 0) {
    body.values.forEach((row, bodyRow) => {
      if (isMappingLabel(row[keyAt]))
        rows.push({ bodyRow, label: String(row[keyAt]).trim(), mapping: parseMapping(row[valueAt]) });
    });
  }
  return { queued, keyAt, valueAt, rows };
}

/**
 * The mappings saved in the workbook. A row someone edited into something that is not a valid mapping is
 * passed over: the file is then shown unrecognised and mapping it again replaces that row.
 */
export async function readColumnMappings(context: Excel.RequestContext): Promise<SavedColumnMapping[]> {
  const { rows } = await readMappingRows(context);
  return rows.flatMap((row) => (row.mapping ? [row.mapping] : []));
}

/**
 * Saves a valid mapping: replaces the row of the same header row, else adds one below the settings. False
 * when the Settings table has lost its Setting or Value column (set-up puts it back).
 */
export async function writeColumnMapping(
  context: Excel.RequestContext,
  mapping: SavedColumnMapping,
): Promise<boolean> {
  const { queued, keyAt, valueAt, rows } = await readMappingRows(context);
  if (keyAt < 0 || valueAt < 0) return false;
  const label = labelOf(mapping.header);
  const value = literalText(JSON.stringify(mapping));
  const key = headerRowKey(mapping.header);
  const existing = rows.find(
    (row) =>
      (row.mapping && headerRowKey(row.mapping.header) === key) ||
      row.label.toLowerCase() === label.toLowerCase(),
  );
  const body = queued.table.getDataBodyRange();
  if (existing) {
    body.getCell(existing.bodyRow, valueAt).values = [[value]];
  } else {
    const layout = queued.read();
    const cells = new Array<CellValue>(layout.headers.length).fill("");
    cells[keyAt] = literalText(label);
    cells[valueAt] = value;
    const below = body.getRowsBelow(1);
    below.getCell(0, valueAt).numberFormat = [[FORMATS.text]];
    below.values = [cells];
  }
  await context.sync();
  return true;
}
