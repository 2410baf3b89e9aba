import { useCallback, useRef, useState } from "react";
import { readGrid, readImport } from "../../import/readImport";
import type { SheetValues } from "../../workbook/registerApi";
import type { ColumnMapping, ImportResult, SavedColumnMapping } from "../../import/types";

/**
 * A file the person chose, or the values of the sheet they opened it in, kept so it can be read again with a
 * device name or a column mapping. `name` is what the preview calls it.
 */
export type ChosenFile = { name: string; bytes: Uint8Array } | { name: string; sheet: SheetValues };

export type ReaderState =
  | { status: "idle" }
  | { status: "reading"; file: ChosenFile; fraction: number }
  | ({ status: "read"; file: ChosenFile; result: ImportResult } & ReadChoices)
  | { status: "failed"; file?: ChosenFile; message: string };

/** What the person chose beyond the file, kept for reading it again. */
export interface ReadChoices {
  device?: string;
  mapping?: ColumnMapping;
  /** Mappings saved in the workbook, so a file with a known header row is read with its mapping. */
  savedMappings?: readonly SavedColumnMapping[];
}

/**
 * Reads an export with progress and Cancel; the reader yields between batches, so the pane keeps painting
 * and a Cancel click is seen within one batch.
 */
export function useImportReader() {
  const [state, setState] = useState<ReaderState>({ status: "idle" });
  const running = useRef<AbortController | undefined>(undefined);

  const read = useCallback(async (file: ChosenFile, options: ReadChoices = {}) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: "reading", file, fraction: 0 });
    try {
      const readOptions = {
        device: options.device,
        mapping: options.mapping,
        savedMappings: options.savedMappings,
        signal: controller.signal,
        onProgress: (fraction: number) => setState({ status: "reading", file, fraction }),
      };
      // a sheet's name is no computer's name, so it never stands in for a missing device column
      const result =
        "bytes" in file
          ? await readImport(file.bytes, { ...readOptions, fileName: file.name })
          : await readGrid(file.sheet.values, readOptions, file.sheet.firstRow);
      if (!("bytes" in file)) result.readAs = "values read from this workbook";
      if (running.current === controller) setState({ status: "read", file, result, ...options });
    } catch (caught) {
      if (running.current !== controller) return;
      if (caught instanceof DOMException && caught.name === "AbortError") setState({ status: "idle" });
      else {
        console.error(caught);
        setState({
          status: "failed",
          file,
          message: `Could not read ${file.name}: the file may be damaged. Export it again and choose the new file.`,
        });
      }
    }
  }, []);

  const cancel = useCallback(() => {
    running.current?.abort();
  }, []);

  const reset = useCallback(() => {
    running.current?.abort();
    running.current = undefined;
    setState({ status: "idle" });
  }, []);

  return { state, read, cancel, reset };
}
