import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

async function checkManifest(xml: string): Promise<{ code: number; output: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "manifest-")), "manifest.xml");
  writeFileSync(file, xml);
  try {
    const { stdout, stderr } = await run(process.execPath, [
      path.join(root, "scripts/check-manifest.mjs"),
      file,
    ]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("npm run check:manifest (offline schema validation)", () => {
  it("accepts the add-in's manifest", async () => {
    const result = await checkManifest(manifest);
    expect(result).toEqual({ code: 0, output: expect.stringContaining("is valid") });
  });

  it("rejects a misplaced element: Runtimes must come before AllFormFactors", async () => {
    const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(manifest)![0];
    const moved = manifest.replace(runtimes, "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    const result = await checkManifest(moved);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Runtimes': This element is not expected/);
  });

  it("rejects a manifest missing its required Id", async () => {
    const result = await checkManifest(manifest.replace(/<Id>.*<\/Id>/, ""));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/not a valid add-in manifest/);
  });

  it("rejects an unknown element", async () => {
    const result = await checkManifest(
      manifest.replace("<Permissions>", "<Colour>green</Colour><Permissions>"),
    );
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Colour/);
  });

  it("keeps one long-lived shared runtime for the pane and the LICENSE functions", () => {
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Namespace resid="Functions.Namespace"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="LICENSE"\/>/);
  });

  it("the ribbon button shows the shared runtime's one pane: no Action names a TaskpaneId", () => {
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).not.toMatch(/<TaskpaneId/i);
  });
});
