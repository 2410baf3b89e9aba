import { DISPLAY_LABELS as D } from "../../domain/labels";

/**
 * Link columns' headers and dropdowns. The Software column of Licences and Installations held the product's
 * ID under the header "Software" in Register Format 2 and earlier; it is now "Software ID", beside the
 * "Software Name" the add-in keeps, and set-up renames it in an older register.
 */
export const SOFTWARE_ID_HEADER = "Software ID";

export const SOFTWARE_CHOICES = { table: "SoftwareTable", column: D.dropdownEntry, noun: "product" };
export const LICENCE_CHOICES = { table: "LicencesTable", column: D.dropdownEntry, noun: "licence" };
