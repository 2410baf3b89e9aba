import { z } from "zod/mini";

/** The fields an imported installation can take from a column of a file no tool profile recognises. */
export const MAPPED_FIELDS = ["device", "title", "version", "publisher", "user", "installedOn"] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Each field as the person sees it in the mapping form and in messages. */
export const MAPPED_FIELD_LABELS: Record<MappedField, string> = {
  device: "Device",
  title: "Software title",
  version: "Version",
  publisher: "Publisher",
  user: "User",
  installedOn: "Installed on",
};

/** Excel holds at most this many characters in a cell; a saved mapping is one cell. */
export const MAX_CELL_CHARACTERS = 32_767;

const columnName = z.string({ error: "choose one of the file's columns, or none." }).check(
  z.trim(),
  z.minLength(1, { error: "choose one of the file's columns, or none." }),
  z.maxLength(255, {
    error:
      "A column name can be at most 255 characters: shorten that heading in the file, then read it again.",
  }),
);

/** Which column (by its header) holds each field; only the software title is required. */
export const columnMappingSchema = z.strictObject({
  device: z.optional(columnName),
  title: columnName,
  version: z.optional(columnName),
  publisher: z.optional(columnName),
  user: z.optional(columnName),
  installedOn: z.optional(columnName),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Headers are compared trimmed and case-insensitively, as tool profiles compare them. */
export const headerName = (header: string): string => header.trim().toLowerCase();

/** One key for a whole header row: the next file with the same header row is read with the same mapping. */
export const headerRowKey = (header: readonly string[]): string => header.map(headerName).join("\u001f");

/**
 * A mapping remembered in the workbook for the files with this header row. Every column it names is one of
 * the header's, and no column holds two fields: a mapping that fails either would read the wrong data.
 */
export const savedColumnMappingSchema = z
  .strictObject({
    header: z.array(z.string()).check(
      z.minLength(1, {
        error: "The file has no header row to remember a mapping for: add a row of column names at its top.",
      }),
    ),
    columns: columnMappingSchema,
  })
  .check(
    z.superRefine(({ header, columns }, check) => {
      const present = new Set(header.map(headerName));
      const usedBy = new Map<string, MappedField>();
      for (const field of MAPPED_FIELDS) {
        const name = columns[field];
        if (name === undefined) continue;
        const key = headerName(name);
        if (!present.has(key)) {
          check.addIssue({
            code: "custom",
            path: ["columns", field],
            message: `${MAPPED_FIELD_LABELS[field]}: "${name}" is not a column of this file's header row: choose one of its columns.`,
          });
        }
        const other = usedBy.get(key);
        if (other) {
          check.addIssue({
            code: "custom",
            path: ["columns", field],
            message: `"${name}" is chosen for both ${MAPPED_FIELD_LABELS[other]} and ${MAPPED_FIELD_LABELS[field]}: choose one column for each.`,
          });
        }
        usedBy.set(key, field);
      }
    }),
  );
export type SavedColumnMapping = z.infer<typeof savedColumnMappingSchema>;

/** The first problem with a mapping in a sentence, or undefined when it is valid. */
export function columnMappingProblem(mapping: unknown): string | undefined {
  const parsed = savedColumnMappingSchema.safeParse(mapping);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (issue.code === "custom" || issue.path[0] !== "columns") return issue.message;
  const field = issue.path[1] as MappedField;
  if (field === "title" && issue.code !== "too_big")
    return "Choose the column that holds the software title.";
  return `${MAPPED_FIELD_LABELS[field] ?? "A column"}: ${issue.message}`;
}

/** Whether a valid mapping fits the one cell that remembers it; a sentence when it does not. */
export function columnMappingTooLong(mapping: SavedColumnMapping): string | undefined {
  return JSON.stringify(mapping).length > MAX_CELL_CHARACTERS
    ? "This file's header row is too long to remember in the workbook (over 32,767 characters in one cell)."
    : undefined;
}

/** The saved mapping for a header row, if the person saved one. */
export function savedMappingFor(
  saved: readonly SavedColumnMapping[] | undefined,
  header: readonly string[],
): SavedColumnMapping | undefined {
  if (!saved || header.length === 0) return undefined;
  const key = headerRowKey(header);
  return saved.find((mapping) => headerRowKey(mapping.header) === key);
}
