import { licenceFieldsSchema, licenceSchema } from "../../domain/schemas";
import {
  LICENCE_COMPUTED_LABELS as C,
  DISPLAY_LABELS as D,
  LICENCE_LABELS as L,
  SHEET_NAMES,
} from "../../domain/labels";
import {
  FORMATS,
  amountColumn,
  booleanColumn,
  computedColumn,
  dateColumn,
  displayColumn,
  idColumn,
  listColumn,
  metaColumns,
  referenceColumn,
  repeatingTextColumn,
  textColumn,
  wholeNumberColumn,
} from "./columns";
import { SOFTWARE_CHOICES, SOFTWARE_ID_HEADER } from "./references";
import type { RecordTableSpec } from "./types";

/**
 * A row without a Licence ID (a new table's empty row, or a row being filled in) shows blank figures, not the
 * functions' #N/A for a blank ID; `=""` is true of a blank cell on every platform, where the function itself
 * would get 0 from Excel on Windows.
 */
const forTheRowsLicence = (call: string) => `=IF([@[Licence ID]]="","",${call})`;
const figureOf = (name: string) => forTheRowsLicence(`LICENSE.FIGURE([@[Licence ID]],"${name}")`);

/**
 * Formulas of the computed columns. Each reads the licence's position in the live register by its ID, so the
 * sheet shows exactly the figures the task pane and the Dashboard show (the same domain rules: an expired
 * licence entitles nobody, the register's default notice period), and reads the row's cells as the register
 * does, the same on every platform (Excel on Windows passes a blank cell to a function as 0, the web as null).
 */
export const LICENCE_FORMULAS = {
  usedQuantity: forTheRowsLicence("LICENSE.USED([@[Licence ID]])"),
  availableQuantity: figureOf(C.availableQuantity),
  complianceStatus: forTheRowsLicence("LICENSE.STATUS([@[Licence ID]])"),
  annualCost: figureOf(C.annualCost),
  renewalStatus: figureOf(C.renewalStatus),
} as const;

export const licencesTable: RecordTableSpec = {
  kind: "licences",
  noun: "licence",
  sheet: SHEET_NAMES.licences,
  table: "LicencesTable",
  columns: [
    // General
    idColumn(L.id),
    referenceColumn(SOFTWARE_ID_HEADER, "softwareId", SOFTWARE_CHOICES, 120, [L.softwareId]),
    displayColumn(D.softwareName, "softwareName"),
    { ...textColumn(L.licenceKey, "licenceKey", 180), hiddenWhenCreated: true },
    wholeNumberColumn(L.quantity, "quantity"),
    computedColumn(C.usedQuantity, LICENCE_FORMULAS.usedQuantity, "wholeNumber", FORMATS.wholeNumber, 80),
    computedColumn(
      C.availableQuantity,
      LICENCE_FORMULAS.availableQuantity,
      "wholeNumber",
      FORMATS.wholeNumber,
      80,
    ),
    booleanColumn(L.unlimited, "unlimited"),
    // Licence details
    listColumn(L.licenceType, "licenceType", "Licence Type"),
    listColumn(L.scope, "scope", "Scope"),
    computedColumn(C.complianceStatus, LICENCE_FORMULAS.complianceStatus, "text", FORMATS.general, 110),
    booleanColumn(L.reviewRequired, "reviewRequired", 90),
    textColumn(L.reviewReason, "reviewReason", 200),
    wholeNumberColumn(L.peakConcurrentUse, "peakConcurrentUse", 90),
    // Purchase
    repeatingTextColumn(L.vendor, "vendor", 150),
    textColumn(L.purchaseOrder, "purchaseOrder", 100),
    dateColumn(L.purchaseDate, "purchaseDate"),
    dateColumn(L.invoiceDate, "invoiceDate"),
    amountColumn(L.cost, "cost"),
    textColumn(L.currency, "currency", 60),
    listColumn(L.pricingModel, "pricingModel", "Pricing Model"),
    wholeNumberColumn(L.termMonths, "termMonths"),
    amountColumn(L.unitCost, "unitCost"),
    computedColumn(C.annualCost, LICENCE_FORMULAS.annualCost, "amount", FORMATS.amount, 90),
    // Validity
    dateColumn(L.startDate, "startDate"),
    dateColumn(L.expiryDate, "expiryDate"),
    booleanColumn(L.perpetual, "perpetual"),
    booleanColumn(L.autoRenew, "autoRenew"),
    wholeNumberColumn(L.renewalLeadDays, "renewalLeadDays", 90),
    computedColumn(C.renewalStatus, LICENCE_FORMULAS.renewalStatus, "text", FORMATS.general, 100),
    booleanColumn(L.maintenanceIncluded, "maintenanceIncluded", 90),
    booleanColumn(L.supportIncluded, "supportIncluded", 80),
    dateColumn(L.maintenanceExpiry, "maintenanceExpiry", 90),
    // Assignment
    listColumn(L.allocationRule, "allocationRule", "Allocation Rule"),
    booleanColumn(L.reassignable, "reassignable", 85),
    wholeNumberColumn(L.reassignmentMinDays, "reassignmentMinDays", 110),
    repeatingTextColumn(L.geographicRestriction, "geographicRestriction", 150),
    repeatingTextColumn(L.usageRestriction, "usageRestriction", 150),
    booleanColumn(L.transferable, "transferable", 85),
    listColumn(L.virtualisationRights, "virtualisationRights", "Virtualisation Rights", 120),
    repeatingTextColumn(L.notes, "notes", 250),
    displayColumn(D.dropdownEntry, "dropdownEntry", 240),
    ...metaColumns(L.modified, L.rowVersion),
  ],
  schema: licenceSchema,
  fieldSchemas: licenceFieldsSchema.shape,
  idHeader: L.id,
  rowVersionHeader: L.rowVersion,
  modifiedHeader: L.modified,
};
