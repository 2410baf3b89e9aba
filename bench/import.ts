/**
 * How long the import preview takes on a large Intune discovered-apps export: a generated 100,000-row CSV of
 * about 30 MB (fixed seed), read from its bytes to the preview's figures, exactly as the pane and
 * `npm run import:preview` read it. Median of 5 runs, with min and max; merges its keys into
 * bench/results.json without touching the others (`npm run bench` runs it after bench/run.ts).
 *
 *   node --import tsx bench/import.ts
 */
import { readImport } from "../src/import/readImport";
import { summariseImport } from "../src/import/summary";
import { mergeResults } from "./mergeResults";
import { seededRandom } from "./synthetic";

const ROWS = 100_000;
const RUNS = 5;
const SEED = 20261127;

const APPS = [
  ["Microsoft 365 Apps for enterprise - en-us", "Microsoft Corporation", "16.0.17328.20162"],
  ["Google Chrome", "Google LLC", "121.0.6167.85"],
  ["Adobe Acrobat (64-bit)", "Adobe Inc.", "24.1.20272"],
  ["Zoom Workplace", "Zoom Video Communications, Inc.", "5.17.5.2543"],
  ["Microsoft Visio Professional 2021", "Microsoft Corp.", "16.0.14332.20624"],
  ["Slack", "Slack Technologies, LLC", "4.36.140"],
  ["7-Zip 23.01 (x64)", "Igor Pavlov", "23.01"],
  ["Notepad++ (64-bit x64)", "Notepad++ Team", "8.6.2"],
] as const;

function guid(random: () => number): string {
  const hex = () => Math.floor(random() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join("");
  return `${part(8)}-${part(4)}-${part(4)}-${part(4)}-${part(12)}`;
}

/** Intune's AppInvRawData columns, 100,000 rows over 4,000 devices and 300 titles, some repeated. */
export function discoveredAppsCsv(rows: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const lines = [
    "ApplicationKey,ApplicationName,ApplicationPublisher,ApplicationShortVersion,ApplicationVersion,DeviceId,DeviceName,OSDescription,OSVersion,Platform,UserId,EmailAddress,UserName",
  ];
  const devices = Array.from({ length: 4_000 }, (_, i) => ({
    id: guid(random),
    name: `LAPTOP-${String(i).padStart(5, "0")}.corp.example.com`,
    user: guid(random),
    email: `person${i}@example.com`,
    name2: `Person ${i}`,
  }));
  for (let i = 0; i < rows; i++) {
    const device = devices[Math.floor(random() * devices.length)];
    const [app, publisher, version] = APPS[Math.floor(random() * APPS.length)];
    const edition = Math.floor(random() * 40);
    const title = edition === 0 ? app : `${app} Edition ${edition}`;
    lines.push(
      [
        guid(random),
        title.includes(",") ? `"${title}"` : title,
        publisher.includes(",") ? `"${publisher}"` : publisher,
        version.split(".").slice(0, 2).join("."),
        version,
        device.id,
        device.name,
        "Windows 11 Enterprise 23H2 (Build 22631.3007)",
        "10.0.22631.3007",
        "Windows",
        device.user,
        device.email,
        device.name2,
      ].join(","),
    );
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const bytes = discoveredAppsCsv(ROWS, SEED);
  const timings: number[] = [];
  let summary: ReturnType<typeof summariseImport> | undefined;
  for (let run = 0; run < RUNS; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    summary = summariseImport(await readImport(bytes, { fileName: "AppInvRawData.csv" }));
    timings.push(performance.now() - start);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const figures = {
    import_preview_ms_100k: round(sorted[Math.floor(sorted.length / 2)]),
    import_preview_min_ms_100k: round(sorted[0]),
    import_preview_max_ms_100k: round(sorted[sorted.length - 1]),
    import_preview_file_mb_100k: Math.round((bytes.byteLength / 2 ** 20) * 10) / 10,
  };
  mergeResults(figures);
  console.log(
    JSON.stringify(
      {
        ...figures,
        runs_ms: timings.map(round),
        installations: summary?.installations,
        devices: summary?.devices,
        titles: summary?.titles,
        duplicatesCollapsed: summary?.duplicatesCollapsed,
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
