/**
 * The name of every record field as people see it: form labels, table headers and messages all use these,
 * so "Quantity" in an error is the "Quantity" on the screen and in the sheet.
 */
/** The register's sheets as people see them in the workbook's tabs, for messages that send someone there. */
export const SHEET_NAMES = {
  software: "Software",
  licences: "Licences",
  allocations: "Allocations",
  installations: "Installations",
} as const;

export const SOFTWARE_LABELS = {
  id: "Software ID",
  name: "Name",
  publisher: "Publisher",
  version: "Version",
  category: "Category",
  aliases: "Aliases",
  notes: "Notes",
  modified: "Modified",
  rowVersion: "Row Version",
} as const;

export const LICENCE_LABELS = {
  id: "Licence ID",
  softwareId: "Software",
  licenceKey: "Licence Key",
  quantity: "Quantity",
  unlimited: "Unlimited",
  licenceType: "Licence Type",
  scope: "Scope",
  reviewRequired: "Pinned Review Required",
  reviewReason: "Review Reason",
  peakConcurrentUse: "Peak Concurrent Use",
  vendor: "Vendor",
  purchaseOrder: "Purchase Order",
  purchaseDate: "Purchase Date",
  invoiceDate: "Invoice Date",
  cost: "Cost",
  currency: "Currency",
  pricingModel: "Pricing Model",
  termMonths: "Term (Months)",
  unitCost: "Unit Cost",
  startDate: "Start Date",
  expiryDate: "Expiry Date",
  perpetual: "Perpetual",
  autoRenew: "Auto-renew",
  renewalLeadDays: "Renewal Notice (Days)",
  maintenanceIncluded: "Maintenance Included",
  supportIncluded: "Support Included",
  maintenanceExpiry: "Maintenance Expiry",
  allocationRule: "Allocation Rule",
  reassignable: "Reassignable",
  reassignmentMinDays: "Minimum Days Before Reassignment",
  geographicRestriction: "Geographic Restriction",
  usageRestriction: "Usage Restriction",
  transferable: "Transferable",
  virtualisationRights: "Virtualisation Rights",
  notes: "Notes",
  modified: "Modified",
  rowVersion: "Row Version",
} as const;

/** Read-only figures computed from the register, shown beside the stored fields. */
export const LICENCE_COMPUTED_LABELS = {
  usedQuantity: "Used Quantity",
  availableQuantity: "Available Quantity",
  complianceStatus: "Compliance Status",
  annualCost: "Annual Cost",
  renewalStatus: "Renewal Status",
} as const;

export const ALLOCATION_LABELS = {
  id: "Allocation ID",
  licenceId: "Licence ID",
  user: "User",
  department: "Department",
  allocatedOn: "Allocated On",
  revokedOn: "Revoked On",
  notes: "Notes",
  modified: "Modified",
  rowVersion: "Row Version",
} as const;

export const INSTALLATION_LABELS = {
  id: "Installation ID",
  softwareId: "Software",
  licenceId: "Licence ID",
  device: "Device",
  user: "User",
  version: "Version",
  installedOn: "Installed On",
  source: "Source",
  notes: "Notes",
  modified: "Modified",
  rowVersion: "Row Version",
} as const;

export const SETTINGS_LABELS = {
  reportingCurrency: "Reporting Currency",
  underUseThreshold: "Under-use Threshold",
  defaultRenewalLeadDays: "Default Renewal Notice (Days)",
  expiringSoonDays: "Expiring Soon (Days)",
  exchangeRates: "Exchange Rates",
} as const;

/**
 * Columns the add-in fills beside a row's links so the sheets read as names: a product's name, a licence's
 * label, and the entry a dropdown offers for a product or a licence. Kept from the catalogue by the add-in;
 * not part of what the form edits.
 */
export const DISPLAY_LABELS = {
  softwareName: "Software Name",
  licenceLabel: "Licence",
  dropdownEntry: "Dropdown Entry",
} as const;

/** The record fields that only show names (DISPLAY_LABELS): derived, never a person's own data. */
export const DISPLAY_FIELDS: readonly string[] = Object.keys(DISPLAY_LABELS);
