import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import type { RegisterFigures } from "../../live/liveFigures";
import type { RegisterData } from "../../workbook/registerApi";
import { formatCount } from "../formatting";
import {
  filterLicences,
  filterReadsFigures,
  isExpiringSoon,
  NO_FILTER,
  type LicenceFilter,
} from "./filterLicences";
import type { LicenceRowsCache } from "./licenceRowsCache";
import { yieldEvery } from "../../domain/yielding";
import { LicenceFilters } from "./LicenceFilters";
import { LicenceListItem } from "./LicenceListItem";
import { VirtualList } from "../VirtualList";
import { LazyNotice } from "../LazyNotice";

/** A licence's three lines in a pane of usual width; each item is measured once shown. */
const ITEM_HEIGHT_GUESS = 76;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

/** returnTo for a licence just deleted: the keyboard goes to the search box. */
export const RETURN_TO_SEARCH = Symbol("search box");

export function LicenceList({
  data,
  figures,
  rowsCache,
  filter,
  onFilterChange,
  notice,
  onOpen,
  onNew,
  returnTo,
  onReturned,
}: {
  data: RegisterData;
  figures: RegisterFigures;
  /** The rows sorted for the list, kept by the tab so coming back from a form does not sort them again. */
  rowsCache: LicenceRowsCache;
  filter: LicenceFilter;
  onFilterChange: (filter: LicenceFilter) => void;
  notice?: string;
  onOpen: (id: string) => void;
  onNew: () => void;
  /**
   * The licence whose form the person has just left: its row is brought into view and given the keyboard
   * focus, so they carry on from where they were; the search box when it is not in the list (no longer matching
   * the search and filters) or when it was deleted (RETURN_TO_SEARCH: the live register may not have applied
   * the delete yet). `onReturned` is called once the focus has moved.
   */
  returnTo?: string | typeof RETURN_TO_SEARCH;
  onReturned?: () => void;
}) {
  const styles = useStyles();
  const soonDays = data.settings.expiringSoonDays;
  // Rows hold no figures: an edit of installations leaves the order alone, and each shown row reads its own.
  const rows = useMemo(
    () => rowsCache.rows(data.licences, data.software),
    [rowsCache, data.licences, data.software],
  );
  // The searched words, worked out in the background once the list has painted, ready for the first search.
  useEffect(() => {
    void rowsCache.prepareSearchTexts(rows, yieldEvery(undefined, { background: true }));
  }, [rowsCache, rows]);
  const searching = filter.search.trim() !== "";
  const texts = useMemo(
    () => (searching ? rowsCache.searchTexts(rows) : undefined),
    [rowsCache, rows, searching],
  );
  // The status and expiring-soon filters read every licence's figures, so they follow every edit.
  const figuresRead = filterReadsFigures(filter) ? figures : undefined;
  const shown = useMemo(
    () => filterLicences(rows, filter, soonDays, figures.licence, texts),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- figures matter only when the filter reads them
    [rows, filter, soonDays, texts, figuresRead],
  );
  const total = rows.length;
  const returnIndex =
    returnTo === undefined
      ? undefined
      : returnTo === RETURN_TO_SEARCH
        ? -1
        : shown.findIndex((row) => row.licence.id === returnTo);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (returnIndex !== -1) return;
    search.current?.focus();
    onReturned?.();
  }, [returnIndex, onReturned]);

  return (
    <section className={styles.root} aria-label="Licences">
      {notice && <LazyNotice intent="success">{notice}</LazyNotice>}
      <div className={styles.toolbar}>
        <Text weight="semibold" role="status" aria-live="polite">
          {shown.length === total
            ? `${formatCount(total)} ${total === 1 ? "licence" : "licences"}`
            : `${formatCount(shown.length)} of ${formatCount(total)} licences`}
        </Text>
        <Button appearance="primary" onClick={onNew}>
          New licence
        </Button>
      </div>
      <LicenceFilters
        filter={filter}
        onChange={onFilterChange}
        expiringSoonDays={soonDays}
        searchRef={search}
      />
      {shown.length === 0 ? (
        <div>
          <Text>
            {total === 0
              ? "No licences yet. Select New licence to add the first one."
              : "No licences match. Change the search or filters to see more."}
          </Text>
          {total > 0 && (
            <Button appearance="transparent" onClick={() => onFilterChange(NO_FILTER)}>
              Clear search and filters
            </Button>
          )}
        </div>
      ) : (
        <VirtualList
          label="Licence list"
          items={shown}
          itemKey={(row) => row.licence.id}
          estimateSize={ITEM_HEIGHT_GUESS}
          gap={2}
          focusIndex={returnIndex === -1 ? undefined : returnIndex}
          onFocused={onReturned}
          renderItem={(row) => {
            // the same object until an edit touches this licence, so the memoised row is not drawn again
            const position = figures.licence(row.licence.id);
            return (
              <LicenceListItem
                row={row}
                position={position}
                asOf={figures.asOf}
                expiringSoon={isExpiringSoon(row.licence, position, soonDays)}
                onOpen={onOpen}
              />
            );
          }}
        />
      )}
    </section>
  );
}
