/**
 * How the sheets show what a row points to. A row links to a product or a licence by its stable ID, and the
 * sheets show the product's name and a licence's readable label beside it, so a person reads names while a
 * renamed product keeps every link. A link cell picked from a dropdown holds the entry as the dropdown shows
 * it, "Adobe Acrobat Pro [SW-1]": the ID is the text in the last brackets, so the cell still links by ID.
 */
import { matchKey } from "./keys";

const LAST_BRACKETS = /\[([^[\]]*)\]\s*$/;

/** The ID a link cell names: the text in its last brackets ("Acrobat Pro [SW-1]" -> "SW-1"), else the text. */
export function referenceId(text: string): string {
  // Text ending in a printable character other than "]" holds no brackets at its end: most link cells, millions
  // in a large load, need no regular expression.
  const last = text.charCodeAt(text.length - 1);
  if (last > 32 && last < 127 && last !== 93) return text.trim();
  const bracketed = LAST_BRACKETS.exec(text);
  return (bracketed ? bracketed[1] : text).trim();
}

/** A reference matched as IDs are (trimmed, case-insensitive), whichever form the cell holds. */
export function referenceKey(text: string): string {
  return matchKey(referenceId(text));
}

/** What a dropdown offers for a record: its readable label, then its ID in brackets. */
export function dropdownEntry(label: string, id: string): string {
  return label.trim() === "" ? id : `${label.trim()} [${id}]`;
}

/**
 * A licence as a person tells it from the others of its product: product, licence type and vendor,
 * "AutoCAD · Trial · Autodesk". The product is its ID when it is not in the catalogue.
 */
export function licenceLabel(
  licence: { softwareId: string; licenceType: string; vendor?: string },
  softwareName: string | undefined,
): string {
  return [softwareName ?? licence.softwareId, licence.licenceType, licence.vendor]
    .filter((part): part is string => part !== undefined && part.trim() !== "")
    .join(" · ");
}

type Row = Record<string, unknown>;

/** What a link shows of the record it names: that record's own ID text and its name (a licence's label). */
export interface Named {
  readonly id: string;
  readonly name: string;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The names a register shows, looked up by matched ID. Built from the whole catalogue and register, then
 * kept up to date one record at a time (setProduct, setLicence) as they change.
 */
export class ReferenceNames {
  private readonly products = new Map<string, Named>();
  private readonly licences = new Map<string, Named>();

  constructor(software: Iterable<Row> = [], licences: Iterable<Row> = []) {
    for (const product of software) this.setProduct(text(product.id), product);
    for (const licence of licences) this.setLicence(text(licence.id), licence);
  }

  /**
   * The catalogue entry with this ID is now `product`, or gone (undefined). Whether its name changed: the
   * labels of its licences are then out of date too, so the caller starts again from the whole register.
   */
  setProduct(id: string, product: Row | undefined): boolean {
    const key = matchKey(id);
    const before = this.products.get(key)?.name;
    if (product === undefined) this.products.delete(key);
    else this.products.set(key, { id, name: text(product.name) });
    return this.products.get(key)?.name !== before;
  }

  /** The licence with this ID is now `licence`, or gone (undefined). Whether the label its links show changed. */
  setLicence(id: string, licence: Row | undefined): boolean {
    const key = matchKey(id);
    const before = this.licences.get(key)?.name;
    if (licence === undefined) this.licences.delete(key);
    else {
      const label = licenceLabel(
        {
          softwareId: text(licence.softwareId),
          licenceType: text(licence.licenceType),
          vendor: text(licence.vendor),
        },
        this.productName(text(licence.softwareId)),
      );
      this.licences.set(key, { id, name: label });
    }
    return this.licences.get(key)?.name !== before;
  }

  /** The catalogue entry a link names, with its ID as the entry holds it; undefined when it is not in the catalogue. */
  product(softwareId: string): Named | undefined {
    return this.products.get(referenceKey(softwareId));
  }

  /** The licence a link names, with its label as `name`; undefined when it is not in the register. */
  licence(licenceId: string): Named | undefined {
    return this.licences.get(referenceKey(licenceId));
  }

  /** The product's name; undefined when it is not in the catalogue. */
  productName(softwareId: string): string | undefined {
    return this.product(softwareId)?.name;
  }

  /** The licence's label; undefined when it is not in the register. */
  licenceLabel(licenceId: string): string | undefined {
    return this.licence(licenceId)?.name;
  }

  /**
   * The display fields a record of this kind should hold: the names beside its links, and for catalogue
   * entries and licences the entry their dropdowns offer. A link to nothing known shows nothing.
   */
  displayFields(kind: "software" | "licences" | "allocations" | "installations", record: Row): Row {
    const id = text(record.id);
    switch (kind) {
      case "software":
        return { dropdownEntry: dropdownEntry(text(record.name), id) };
      case "licences":
        return {
          softwareName: this.productName(text(record.softwareId)) ?? "",
          dropdownEntry: dropdownEntry(this.licenceLabel(id) ?? "", id),
        };
      case "allocations":
        return { licenceLabel: this.licenceLabel(text(record.licenceId)) ?? "" };
      case "installations":
        return {
          softwareName: this.productName(text(record.softwareId)) ?? "",
          licenceLabel:
            text(record.licenceId) === "" ? "" : (this.licenceLabel(text(record.licenceId)) ?? ""),
        };
    }
  }
}

export type DisplayKind = Parameters<ReferenceNames["displayFields"]>[0];

/** The display fields one record should show (names beside its links, its dropdown entry), by field. */
export interface DisplayUpdate {
  id: string;
  fields: Record<string, string>;
}

/** The records whose display fields differ from what they should show, with the fields to write. */
export function staleDisplayFields(
  kind: DisplayKind,
  records: Iterable<Row>,
  names: ReferenceNames,
): DisplayUpdate[] {
  const stale: DisplayUpdate[] = [];
  for (const record of records) {
    const update = staleFields(kind, record, names);
    if (update) stale.push(update);
  }
  return stale;
}

/** One record's display fields that differ from what it should show; undefined when none do. */
export function staleFields(
  kind: DisplayKind,
  record: Row,
  names: ReferenceNames,
): DisplayUpdate | undefined {
  const wanted = names.displayFields(kind, record);
  const fields: Record<string, string> = {};
  let any = false;
  for (const [field, value] of Object.entries(wanted)) {
    if (text(record[field]) !== value) {
      fields[field] = String(value);
      any = true;
    }
  }
  return any ? { id: text(record.id), fields } : undefined;
}

/**
 * Points a record's links and names that already read right at the one copy `names` holds. Each row of a large
 * register holds its own copy, as read from the sheet, of the ID it links to and of the name shown beside it
 * (2.6 million at 100,000 licences); equal text cannot be told apart, so the record's values do not change,
 * but the copies can be freed. A link typed differently from the ID (" lic-1 ") keeps its own text.
 */
export function shareNames(kind: DisplayKind, record: Row, names: ReferenceNames): void {
  if (kind === "licences" || kind === "installations") {
    const product = names.product(text(record.softwareId));
    if (product !== undefined) {
      if (record.softwareId === product.id) record.softwareId = product.id;
      if (record.softwareName === product.name) record.softwareName = product.name;
    }
  }
  if (kind === "installations" || kind === "allocations") {
    const licence = names.licence(text(record.licenceId));
    if (licence !== undefined) {
      if (record.licenceId === licence.id) record.licenceId = licence.id;
      if (record.licenceLabel === licence.name) record.licenceLabel = licence.name;
    }
  }
}
