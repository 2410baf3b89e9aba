import type { GridCell } from "../domain/positionGrid";
import { literalText } from "./cells";

/** Rows per write when putting a grid of plain values on a sheet (well under Excel's request size limit). */
export const GRID_ROWS_PER_WRITE = 2_000;

/** A grid cell as a plain value: text stays literal (a product named "=1+1" is not a formula). */
export function plainCell(cell: GridCell): string | number {
  return typeof cell === "string" ? literalText(cell) : cell;
}

/** Writes a grid of plain values with its top-left at (row, column), in blocks of rows; one sync per block. */
export async function writePlainGrid(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  grid: readonly GridCell[][],
  onBlock?: (rowsWritten: number) => void,
): Promise<void> {
  const width = grid[0]?.length ?? 0;
  for (let start = 0; start < grid.length; start += GRID_ROWS_PER_WRITE) {
    const block = grid.slice(start, start + GRID_ROWS_PER_WRITE).map((cells) => cells.map(plainCell));
    sheet.getRangeByIndexes(row + start, column, block.length, width).values = block;
    await context.sync();
    onBlock?.(start + block.length);
  }
}
