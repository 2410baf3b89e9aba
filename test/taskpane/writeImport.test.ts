import { readFileSync } from "fs";
import path from "path";
import { groupTitles } from "../../src/domain/productMatching";
import { readImport } from "../../src/import/readImport";
import { defaultDecisions, type TitleDecision } from "../../src/taskpane/import/titleDecisions";
import { previewWrite, writeImport } from "../../src/taskpane/import/writeImport";
import { freshWorkbook } from "../workbook/fixtures";

const fixture = (name: string) => readFileSync(path.join(__dirname, "..", "import", "fixtures", name));

/** Reads a fixture and writes it as the pane does, adding every unmatched title as a new product. */
async function importFile(
  register: Awaited<ReturnType<typeof freshWorkbook>>["register"],
  name: string,
  options: { removeNotReported?: boolean } = {},
) {
  const data = await register.load();
  const result = await readImport(fixture(name), { fileName: name });
  const groups = groupTitles(result.installations, data.software);
  const decisions = new Map<string, TitleDecision>(
    [...defaultDecisions(groups)].map(([key]) => [key, { kind: "new" }]),
  );
  const preview = previewWrite(result, groups, decisions, data.installations);
  const written = await writeImport(register, {
    result,
    groups,
    decisions,
    catalogue: data.software,
    existing: data.installations,
    removeNotReported: options.removeNotReported ?? false,
  });
  if (!written.ok) throw new Error(written.error.message);
  return { preview, outcome: written.value };
}

describe("writing an import through the register", () => {
  it("writes installations with the tool as source and new products, and a re-import of the same file changes nothing", async () => {
    const { register, workbook } = await freshWorkbook();
    const first = await importFile(register, "intune-appinvrawdata.csv");
    expect(first.outcome).toMatchObject({ installationsAdded: 7, productsAdded: 5, unchanged: 0 });
    const data = await register.load();
    expect(data.installations).toHaveLength(7);
    expect(new Set(data.installations.map((i) => i.source))).toEqual(new Set(["Intune"]));
    expect(data.software.map((s) => s.name).sort()).toEqual([
      '=HYPERLINK("http://x","y")',
      "@RISK 8.5",
      "Adobe Acrobat (64-bit)",
      "Google Chrome",
      "Microsoft 365 Apps for enterprise - en-us",
    ]);
    const before = JSON.stringify(workbook.readSheet("Installations").values);

    const again = await importFile(register, "intune-appinvrawdata.csv");
    expect(again.preview.plan).toMatchObject({ add: [], unchanged: 7 });
    expect(again.outcome).toMatchObject({ installationsAdded: 0, productsAdded: 0, unchanged: 7 });
    expect(JSON.stringify(workbook.readSheet("Installations").values)).toBe(before);
  });

  it("an alias chosen once is remembered in the workbook and matches the next import", async () => {
    const { register } = await freshWorkbook();
    const m365 = await register.add("software", { name: "Microsoft 365 E3", publisher: "Microsoft" });
    if (!m365.ok) throw new Error(m365.error.message);
    const data = await register.load();
    const result = await readImport(fixture("intune-appinvrawdata.csv"));
    const groups = groupTitles(result.installations, data.software);
    const decisions = new Map<string, TitleDecision>([
      ["microsoft 365 apps for enterprise - en-us", { kind: "alias", softwareId: m365.value.id }],
    ]);
    const written = await writeImport(register, {
      result,
      groups,
      decisions,
      catalogue: data.software,
      existing: [],
      removeNotReported: false,
    });
    expect(written.ok && written.value).toMatchObject({ installationsAdded: 2, aliasesRemembered: 1 });
    const after = await register.load();
    expect(after.software[0].aliases).toBe("Microsoft 365 Apps for enterprise - en-us");
    const next = groupTitles(result.installations, after.software).find((g) =>
      g.title.startsWith("Microsoft 365"),
    );
    expect(next?.match).toEqual({ softwareId: m365.value.id, reason: "alias" });
  });
});
