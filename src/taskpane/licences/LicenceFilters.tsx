import { Field, makeStyles, SearchBox, Select, Switch, tokens } from "@fluentui/react-components";
import {
  COMPLIANCE_STATUSES,
  LICENCE_TYPES,
  type ComplianceStatus,
  type LicenceType,
} from "../../domain/lists";
import type { Ref } from "react";
import { LICENCE_COMPUTED_LABELS, LICENCE_LABELS } from "../../domain/labels";
import type { LicenceFilter } from "./filterLicences";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, "& > *": { flex: "1 1 130px" } },
});

export function LicenceFilters({
  filter,
  onChange,
  expiringSoonDays,
  searchRef,
}: {
  filter: LicenceFilter;
  onChange: (filter: LicenceFilter) => void;
  expiringSoonDays: number;
  /** The search box's input, for moving the keyboard to it. */
  searchRef?: Ref<HTMLInputElement>;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="search">
      <Field label="Search licences" hint="Software name, vendor, licence key or purchase order">
        <SearchBox
          ref={searchRef}
          value={filter.search}
          onChange={(_, d) => onChange({ ...filter, search: d.value })}
        />
      </Field>
      <div className={styles.row}>
        <Field label={LICENCE_COMPUTED_LABELS.complianceStatus}>
          <Select
            value={filter.status}
            onChange={(_, d) => onChange({ ...filter, status: d.value as ComplianceStatus | "" })}
          >
            <option value="">All statuses</option>
            {COMPLIANCE_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </Select>
        </Field>
        <Field label={LICENCE_LABELS.licenceType}>
          <Select
            value={filter.licenceType}
            onChange={(_, d) => onChange({ ...filter, licenceType: d.value as LicenceType | "" })}
          >
            <option value="">All types</option>
            {LICENCE_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </Select>
        </Field>
      </div>
      <Switch
        checked={filter.expiringSoon}
        onChange={(_, d) => onChange({ ...filter, expiringSoon: d.checked })}
        label={`Expiring soon (within ${expiringSoonDays} days)`}
      />
    </div>
  );
}
