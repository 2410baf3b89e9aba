/** The value lists of the licence register, exactly as the product article gives them. */

export const LICENCE_TYPES = [
  "Perpetual",
  "Subscription",
  "Term",
  "Trial",
  "NFR",
  "Educational",
  "OEM",
  "Volume License",
] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

export const SCOPES = ["Enterprise", "Site", "Department", "Project", "Individual"] as const;
export type Scope = (typeof SCOPES)[number];

export const COMPLIANCE_STATUSES = [
  "Compliant",
  "Over-deployed",
  "Under-utilized",
  "Review Required",
] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export const ALLOCATION_RULES = ["User-based", "Device-based", "Concurrent", "Floating", "Site"] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

export const PRICING_MODELS = [
  "One-time",
  "Monthly",
  "Quarterly",
  "Semi-annual",
  "Annual",
  "Multi-year",
] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];
/** What a licence with no pricing model is: a one-off purchase. */
export const DEFAULT_PRICING_MODEL: PricingModel = "One-time";

export const RENEWAL_STATUSES = [
  "Perpetual",
  "Expired",
  "Not started",
  "Auto-renews",
  "Renewal due",
  "Active",
] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

/** Virtualisation rights granted by the licence terms (Assignment panel restrictions). */
export const VIRTUALISATION_RIGHTS = ["Not permitted", "Limited", "Unlimited"] as const;
export type VirtualisationRights = (typeof VIRTUALISATION_RIGHTS)[number];

/**
 * Where an installation record came from: typed by hand, a discovery tool, or an import. An import names the
 * tool it came from, so re-importing one tool's export can tell which installations that tool still reports.
 */
export const INSTALLATION_SOURCES = [
  "Manual",
  "Discovery",
  "Import",
  "Intune",
  "Configuration Manager",
  "Lansweeper",
  "osquery",
  "Jamf",
  "GLPI",
  "Snipe-IT",
  "PowerShell",
] as const;
export type InstallationSource = (typeof INSTALLATION_SOURCES)[number];
