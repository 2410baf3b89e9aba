import { Field, makeStyles, SearchBox, Text, tokens } from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import type { ProductPosition } from "../../domain/positionTypes";
import { formatCount } from "../formatting";
import { useElementWidth } from "../hooks/useElementWidth";
import { RENDER_ALL_UP_TO } from "../VirtualList";
import { ComplianceCards } from "./ComplianceCards";
import { complianceColumns } from "./complianceColumns";
import { ComplianceTable } from "./ComplianceTable";
import { findProducts, gridTotals } from "./summaries";

/** Below this width the eleven columns do not fit: each product becomes a card instead. */
export const CARDS_BELOW_PX = 720;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * The software compliance grid: every product's licences against its use, with totals. A table where the pane
 * is wide enough for all its columns; cards (totals first) where it is not, so no figure needs sideways scrolling.
 * Either draws only the products in view. Where there are more than the browser's find in page can reach
 * (over RENDER_ALL_UP_TO, the length past which lists draw only what is in view), a Find box narrows the grid
 * to the products whose names match, and the totals follow what is found.
 */
export function ComplianceGrid({
  products,
  currency,
  layout,
}: {
  /** The live figures' products: one stays the same object until an edit touches it, so its row is not drawn again. */
  products: ProductPosition[];
  currency: string;
  /** Fixes the layout (tests); otherwise it follows the width the grid has. */
  layout?: "table" | "cards";
}) {
  const styles = useStyles();
  const [measure, width] = useElementWidth<HTMLDivElement>();
  // Until a width is known (0 before layout) the table shows, as it always did.
  const cards = layout ? layout === "cards" : width > 0 && width < CARDS_BELOW_PX;
  const findable = products.length > RENDER_ALL_UP_TO;
  const [search, setSearch] = useState("");
  // typing stays quick while the grid catches up
  const query = useDeferredValue(findable ? search : "");
  const shown = useMemo(() => findProducts(products, query), [products, query]);
  const totals = useMemo(() => gridTotals(shown), [shown]);
  const columns = useMemo(() => complianceColumns(currency), [currency]);
  return (
    <div ref={measure} className={styles.root}>
      {findable && (
        <div role="search">
          <Field label="Find a product">
            <SearchBox value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          <Text size={200} role="status" aria-live="polite">
            {shown.length === products.length
              ? ""
              : shown.length === 0
                ? "No product's name matches. Change the search to see more."
                : `${formatCount(shown.length)} of ${formatCount(products.length)} products`}
          </Text>
        </div>
      )}
      {cards ? (
        <ComplianceCards products={shown} totals={totals} columns={columns} />
      ) : (
        <ComplianceTable products={shown} totals={totals} columns={columns} />
      )}
    </div>
  );
}
