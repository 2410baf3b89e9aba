import { matchKey } from "./keys";
import type { Software } from "./schemas";

/**
 * Imported titles are matched to the Software catalogue so installations land on the right product.
 * Publishers are written many ways by the tools ("Microsoft Corporation", "Microsoft Corp.", "Microsoft"):
 * they compare by their key, which drops legal suffixes and punctuation and follows the alias list.
 */

const LEGAL_SUFFIXES = new Set([
  "corporation",
  "corp",
  "incorporated",
  "inc",
  "llc",
  "ltd",
  "limited",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "plc",
  "co",
  "company",
  "kg",
  "bv",
  "nv",
  "srl",
  "spa",
  "pty",
  "oy",
  "ab",
  "as",
  "the",
]);

/** Publishers that are one company under names the suffix rule cannot join. Keys on both sides. */
export const PUBLISHER_ALIASES: Readonly<Record<string, string>> = {
  "adobe systems": "adobe",
  "microsoft windows": "microsoft",
  "dassault systemes solidworks": "dassault systemes",
  solidworks: "dassault systemes",
  "mozilla foundation": "mozilla",
  "autodesk software": "autodesk",
  "tableau software": "tableau",
  "salesforce tableau": "tableau",
  "slack technologies": "slack",
  "zoom video communications": "zoom",
  "oracle america": "oracle",
  "cisco systems": "cisco",
};

/** A publisher's name as a key: "Microsoft Corp." and "Microsoft Corporation" are both "microsoft". */
export function publisherKey(publisher: string | undefined): string {
  if (!publisher) return "";
  const words = publisher
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "");
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  while (words.length > 1 && words[0] === "the") words.shift();
  const key = words.join(" ");
  return PUBLISHER_ALIASES[key] ?? key;
}

/** A title as a key: case, spacing and NFC do not matter. */
export function productTitleKey(title: string): string {
  return matchKey(title.normalize("NFC").replace(/\s+/g, " "));
}

/** A title remembered as another name of a catalogue product (kept in the workbook). */
export interface ProductAlias {
  title: string;
  softwareId: string;
}

/** The titles a product is also known by, from its Aliases cell (one a line). */
export function aliasTitles(software: Pick<Software, "aliases">): string[] {
  return (software.aliases ?? "")
    .split(/\r?\n/)
    .map((title) => title.trim())
    .filter((title) => title !== "");
}

/** Every alias the catalogue remembers. */
export function aliasesIn(catalogue: readonly Software[]): ProductAlias[] {
  return catalogue.flatMap((software) =>
    aliasTitles(software).map((title) => ({ title, softwareId: software.id })),
  );
}

/** The product with one more remembered title (unchanged when it already has it). */
export function withAlias<T extends Software>(software: T, title: string): T {
  const titles = aliasTitles(software);
  if (titles.some((known) => productTitleKey(known) === productTitleKey(title))) return software;
  return { ...software, aliases: [...titles, title.trim()].join("\n") };
}

export type MatchReason = "alias" | "name" | "name without publisher";

export interface TitleMatch {
  softwareId: string;
  reason: MatchReason;
}

/** The catalogue indexed once, so matching 100,000 titles costs a lookup each. */
export class ProductMatcher {
  private readonly byAlias = new Map<string, string>();
  private readonly byName = new Map<string, Software[]>();

  constructor(catalogue: readonly Software[], aliases: readonly ProductAlias[] = aliasesIn(catalogue)) {
    for (const alias of aliases) this.byAlias.set(productTitleKey(alias.title), alias.softwareId);
    for (const software of catalogue) {
      const keys = new Set([productTitleKey(software.name)]);
      // "Visio Professional 2021" by Microsoft is also "Microsoft Visio Professional 2021".
      if (software.publisher)
        keys.add(productTitleKey(`${publisherKey(software.publisher)} ${software.name}`));
      for (const key of keys) this.byName.set(key, [...(this.byName.get(key) ?? []), software]);
    }
  }

  /**
   * The product a title is: a remembered alias first, then the catalogue name (with its publisher in front
   * or not). When two products share the name, the publisher decides; with none to decide, no match.
   */
  match(title: string, publisher?: string): TitleMatch | undefined {
    const key = productTitleKey(title);
    const aliased = this.byAlias.get(key);
    if (aliased !== undefined) return { softwareId: aliased, reason: "alias" };
    const candidates = this.byName.get(key) ?? [];
    const wanted = publisherKey(publisher);
    const samePublisher = candidates.filter(
      (software) => !software.publisher || wanted === "" || publisherKey(software.publisher) === wanted,
    );
    if (samePublisher.length !== 1) return undefined;
    const software = samePublisher[0];
    return {
      softwareId: software.id,
      reason: productTitleKey(software.name) === key ? "name" : "name without publisher",
    };
  }
}

const NOISE = /\b(x64|x86|64-bit|32-bit|en-us|en-gb|[a-z]{2}-[a-z]{2}|\d+(\.\d+){1,})\b|[()\-–,]/gi;
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(NOISE, " ")
      .split(/\s+/)
      .filter((word) => word.length > 1),
  );

/**
 * Catalogue products an unmatched title may be another name of, best first: shared words (ignoring
 * architecture, language and version noise), with the publisher breaking ties. A suggestion only: the person
 * decides, and the alias is remembered.
 */
export function suggestProducts(
  title: string,
  publisher: string | undefined,
  catalogue: readonly Software[],
  limit = 3,
): Software[] {
  const titleWords = words(title);
  if (titleWords.size === 0) return [];
  const wanted = publisherKey(publisher);
  const scored = catalogue
    .map((software) => {
      const nameWords = words(software.name);
      let shared = 0;
      for (const word of nameWords) if (titleWords.has(word)) shared++;
      const union = new Set([...nameWords, ...titleWords]).size;
      const samePublisher = wanted !== "" && publisherKey(software.publisher) === wanted ? 0.1 : 0;
      return { software, score: union === 0 ? 0 : shared / union + samePublisher, shared };
    })
    .filter(({ shared, score }) => shared > 0 && score >= 0.25)
    .sort((a, b) => b.score - a.score || a.software.name.localeCompare(b.software.name));
  return scored.slice(0, limit).map(({ software }) => software);
}

/** One imported title, how many installations and devices it has, and the product it is (or may be). */
export interface TitleGroup {
  title: string;
  publisher?: string;
  installations: number;
  devices: number;
  match?: TitleMatch;
  /** For an unmatched title: products it may be another name of. */
  suggestions: Software[];
}

/**
 * Imported installations grouped by title (case-insensitive) and matched to the catalogue, unmatched titles
 * first and then by how many installations they bring, so a person settles the biggest gaps first.
 */
export function groupTitles(
  installations: readonly { title: string; publisher?: string; device: string }[],
  catalogue: readonly Software[],
  aliases: readonly ProductAlias[] = aliasesIn(catalogue),
): TitleGroup[] {
  const matcher = new ProductMatcher(catalogue, aliases);
  const groups = new Map<string, { group: TitleGroup; devices: Set<string> }>();
  for (const installation of installations) {
    const key = productTitleKey(installation.title);
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        group: {
          title: installation.title,
          publisher: installation.publisher,
          installations: 0,
          devices: 0,
          suggestions: [],
        },
        devices: new Set(),
      };
      groups.set(key, entry);
    }
    entry.group.installations++;
    entry.group.publisher ??= installation.publisher;
    entry.devices.add(matchKey(installation.device));
  }
  const result: TitleGroup[] = [];
  for (const { group, devices } of groups.values()) {
    group.devices = devices.size;
    group.match = matcher.match(group.title, group.publisher);
    if (!group.match) group.suggestions = suggestProducts(group.title, group.publisher, catalogue);
    result.push(group);
  }
  return result.sort(
    (a, b) =>
      Number(a.match !== undefined) - Number(b.match !== undefined) || b.installations - a.installations,
  );
}
