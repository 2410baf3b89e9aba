import { headerRowKey, savedColumnMappingSchema, type SavedColumnMapping } from "../domain/columnMapping";
import { literalText } from "./cells";
import { lostColumns, queueSettingsBody, type LostColumns, type SettingsTableBody } from "./settingsBody";
import { settingsTable } from "./tables";
import { FORMATS } from "./tables/columns";

/**
 * Column mappings people saved for files no tool recognises are rows of the Settings table, one per header
 * row: the Setting cell names the header row for people ("Column mapping: Computer | Program | Ver"), the
 * Value cell holds the mapping as JSON text. Rows in cells, like every setting, so co-authors' saves merge
 * row by row; the settings reader passes over labels it does not know.
 */
export const COLUMN_MAPPING_LABEL = "Column mapping";

const labelOf = (header: readonly string[]) => `${COLUMN_MAPPING_LABEL}: ${header.join(" | ")}`;

const isMappingLabel = (label: string) => label.toLowerCase().startsWith(COLUMN_MAPPING_LABEL.toLowerCase());

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
  settings: SettingsTableBody;
  rows: { bodyRow: number; label: string; mapping?: SavedColumnMapping }[];
}

async function readMappingRows(context: Excel.RequestContext): Promise<MappingRows> {
  const queued = queueSettingsBody(context, settingsTable);
  await context.sync();
  const settings = queued.read();
  const rows: MappingRows["rows"] = [];
  if (settings.missing.length === 0) {
    settings.values.forEach((row, bodyRow) => {
      const label = settings.labelAt(bodyRow);
      if (isMappingLabel(label)) rows.push({ bodyRow, label, mapping: parseMapping(row[settings.valueAt]) });
    });
  }
  return { settings, rows };
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
 * Saves a valid mapping: replaces the row of the same header row, else adds one below the settings. Writes
 * nothing, and returns what is missing, when the Settings table has lost its Setting or Value column (set-up
 * puts it back); returns [] when saved.
 */
export async function writeColumnMapping(
  context: Excel.RequestContext,
  mapping: SavedColumnMapping,
): Promise<LostColumns[]> {
  const { settings, rows } = await readMappingRows(context);
  const lost = lostColumns([settings]);
  if (lost.length > 0) return lost;
  const label = labelOf(mapping.header);
  const value = literalText(JSON.stringify(mapping));
  const key = headerRowKey(mapping.header);
  const existing = rows.find(
    (row) =>
      (row.mapping && headerRowKey(row.mapping.header) === key) ||
      row.label.toLowerCase() === label.toLowerCase(),
  );
  if (existing) {
    settings.table.getDataBodyRange().getCell(existing.bodyRow, settings.valueAt).values = [[value]];
  } else {
    settings.queueAppend([{ label: literalText(label), value, numberFormat: FORMATS.text }]);
  }
  await context.sync();
  return [];
}
