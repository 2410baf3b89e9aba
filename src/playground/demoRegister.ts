import { addDays, type IsoDate } from "../domain/dates";
import type { AllocationRule, LicenceType, PricingModel, Scope } from "../domain/lists";
import type { Allocation, Installation, Licence, Software } from "../domain/schemas";

/**
 * A realistic register for the playground and the browser tests: 24 licences over 12 products, every licence
 * type and allocation rule, some over-deployed, some under-utilized, some expiring within 30 days, one expired
 * with installations still on it, and installations linked to no licence. Dates are relative to `today` so the
 * story stays true whenever it is opened.
 */
export interface DemoRegister {
  software: Software[];
  licences: Licence[];
  allocations: Allocation[];
  installations: Installation[];
}

const SOFTWARE: [name: string, publisher: string, version: string, category: string][] = [
  ["Microsoft 365 E3", "Microsoft", "2026", "Productivity"],
  ["Adobe Acrobat Pro", "Adobe", "2026.1", "Documents"],
  ["AutoCAD", "Autodesk", "2026", "Design"],
  ["Visual Studio Professional", "Microsoft", "2026", "Development"],
  ["Tableau Creator", "Salesforce", "2026.2", "Analytics"],
  ["Slack Business+", "Salesforce", "Cloud", "Collaboration"],
  ["Zoom Workplace", "Zoom", "6.4", "Collaboration"],
  ["IntelliJ IDEA Ultimate", "JetBrains", "2026.2", "Development"],
  ["Windows 11 Pro", "Microsoft", "24H2", "Operating system"],
  ["SPSS Statistics", "IBM", "30", "Analytics"],
  ["Sophos Endpoint", "Sophos", "2026", "Security"],
  ["Figma Professional", "Figma", "Cloud", "Design"],
];

interface LicenceStory {
  software: number;
  type: LicenceType;
  rule: AllocationRule;
  scope: Scope;
  quantity?: number;
  unlimited?: boolean;
  /** How many distinct devices (device/site rules) or users (user rules) the register shows in use. */
  inUse: number;
  peak?: number;
  cost: number;
  pricing: PricingModel;
  term?: number;
  vendor: string;
  startInDays: number;
  expiryInDays?: number;
  perpetual?: boolean;
  autoRenew?: boolean;
  currency?: string;
  reviewReason?: string;
}

const STORIES: LicenceStory[] = [
  {
    software: 0,
    type: "Subscription",
    rule: "User-based",
    scope: "Enterprise",
    quantity: 40,
    inUse: 38,
    cost: 1250,
    pricing: "Monthly",
    vendor: "Softcat",
    startInDays: -300,
    expiryInDays: 65,
    autoRenew: true,
  },
  {
    software: 0,
    type: "Volume License",
    rule: "User-based",
    scope: "Department",
    quantity: 10,
    inUse: 13,
    cost: 3600,
    pricing: "Annual",
    vendor: "Softcat",
    startInDays: -200,
    expiryInDays: 165,
  },
  {
    software: 1,
    type: "Subscription",
    rule: "User-based",
    scope: "Department",
    quantity: 15,
    inUse: 6,
    cost: 2700,
    pricing: "Annual",
    vendor: "Adobe",
    startInDays: -340,
    expiryInDays: 21,
    currency: "USD",
  },
  {
    software: 1,
    type: "Perpetual",
    rule: "Device-based",
    scope: "Individual",
    quantity: 5,
    inUse: 5,
    cost: 2250,
    pricing: "One-time",
    vendor: "Insight",
    startInDays: -900,
    perpetual: true,
  },
  {
    software: 2,
    type: "Term",
    rule: "Device-based",
    scope: "Project",
    quantity: 8,
    inUse: 11,
    cost: 14400,
    pricing: "Multi-year",
    term: 36,
    vendor: "Autodesk",
    startInDays: -400,
    expiryInDays: 695,
  },
  {
    software: 2,
    type: "Trial",
    rule: "Device-based",
    scope: "Project",
    quantity: 3,
    inUse: 2,
    cost: 0,
    pricing: "One-time",
    vendor: "Autodesk",
    startInDays: -40,
    expiryInDays: -10,
  },
  {
    software: 3,
    type: "Subscription",
    rule: "User-based",
    scope: "Department",
    quantity: 12,
    inUse: 12,
    cost: 5400,
    pricing: "Annual",
    vendor: "Microsoft",
    startInDays: -100,
    expiryInDays: 265,
  },
  {
    software: 3,
    type: "NFR",
    rule: "User-based",
    scope: "Individual",
    quantity: 2,
    inUse: 1,
    cost: 0,
    pricing: "One-time",
    vendor: "Microsoft Partner Network",
    startInDays: -50,
    expiryInDays: 315,
  },
  {
    software: 4,
    type: "Subscription",
    rule: "Concurrent",
    scope: "Department",
    quantity: 5,
    inUse: 4,
    peak: 7,
    cost: 4200,
    pricing: "Annual",
    vendor: "Salesforce",
    startInDays: -330,
    expiryInDays: 12,
    autoRenew: true,
  },
  {
    software: 4,
    type: "Term",
    rule: "Floating",
    scope: "Project",
    quantity: 6,
    inUse: 2,
    peak: 2,
    cost: 900,
    pricing: "Quarterly",
    vendor: "Salesforce",
    startInDays: -60,
    expiryInDays: 305,
  },
  {
    software: 5,
    type: "Subscription",
    rule: "User-based",
    scope: "Enterprise",
    unlimited: true,
    inUse: 25,
    cost: 2100,
    pricing: "Monthly",
    vendor: "Salesforce",
    startInDays: -500,
    expiryInDays: 230,
    autoRenew: true,
  },
  {
    software: 6,
    type: "Subscription",
    rule: "User-based",
    scope: "Enterprise",
    quantity: 30,
    inUse: 18,
    cost: 390,
    pricing: "Monthly",
    vendor: "Zoom",
    startInDays: -250,
    expiryInDays: 115,
  },
  {
    software: 6,
    type: "Subscription",
    rule: "Concurrent",
    scope: "Site",
    quantity: 4,
    inUse: 3,
    cost: 600,
    pricing: "Semi-annual",
    vendor: "Zoom",
    startInDays: -20,
    expiryInDays: 160,
    reviewReason: "Room licences are being moved to the new office; check the room count.",
  },
  {
    software: 7,
    type: "Subscription",
    rule: "User-based",
    scope: "Department",
    quantity: 10,
    inUse: 9,
    cost: 6490,
    pricing: "Annual",
    vendor: "JetBrains",
    startInDays: -355,
    expiryInDays: 10,
    currency: "EUR",
  },
  {
    software: 7,
    type: "Educational",
    rule: "User-based",
    scope: "Individual",
    quantity: 4,
    inUse: 4,
    cost: 0,
    pricing: "Annual",
    vendor: "JetBrains",
    startInDays: -30,
    expiryInDays: 335,
  },
  {
    software: 8,
    type: "OEM",
    rule: "Device-based",
    scope: "Individual",
    quantity: 20,
    inUse: 19,
    cost: 2980,
    pricing: "One-time",
    vendor: "Dell",
    startInDays: -700,
    perpetual: true,
  },
  {
    software: 8,
    type: "Volume License",
    rule: "Device-based",
    scope: "Enterprise",
    quantity: 25,
    inUse: 27,
    cost: 4975,
    pricing: "One-time",
    term: 60,
    vendor: "Softcat",
    startInDays: -800,
    perpetual: true,
  },
  {
    software: 9,
    type: "Educational",
    rule: "Concurrent",
    scope: "Department",
    quantity: 10,
    inUse: 3,
    cost: 1500,
    pricing: "Annual",
    vendor: "IBM",
    startInDays: -150,
    expiryInDays: 215,
  },
  {
    software: 9,
    type: "Perpetual",
    rule: "Device-based",
    scope: "Individual",
    quantity: 2,
    inUse: 2,
    cost: 5200,
    pricing: "One-time",
    vendor: "IBM",
    startInDays: -1200,
    perpetual: true,
  },
  {
    software: 10,
    type: "Volume License",
    rule: "Site",
    scope: "Site",
    quantity: 60,
    inUse: 52,
    cost: 1800,
    pricing: "Annual",
    vendor: "Sophos",
    startInDays: -180,
    expiryInDays: 185,
    autoRenew: true,
  },
  {
    software: 10,
    type: "Subscription",
    rule: "Site",
    scope: "Site",
    unlimited: true,
    inUse: 15,
    cost: 900,
    pricing: "Annual",
    vendor: "Sophos",
    startInDays: -90,
    expiryInDays: 275,
  },
  {
    software: 11,
    type: "Trial",
    rule: "User-based",
    scope: "Project",
    quantity: 5,
    inUse: 2,
    cost: 0,
    pricing: "One-time",
    vendor: "Figma",
    startInDays: -5,
    expiryInDays: 25,
  },
  {
    software: 11,
    type: "Subscription",
    rule: "User-based",
    scope: "Department",
    quantity: 8,
    inUse: 8,
    cost: 144,
    pricing: "Monthly",
    vendor: "Figma",
    startInDays: 20,
    expiryInDays: 385,
  },
  {
    software: 5,
    type: "Term",
    rule: "Floating",
    scope: "Department",
    quantity: 3,
    inUse: 0,
    cost: 450,
    pricing: "Annual",
    vendor: "Salesforce",
    startInDays: -400,
    expiryInDays: -35,
  },
];

const PEOPLE = [
  "Amira Khan",
  "Ben Carter",
  "Chloé Martin",
  "Dev Patel",
  "Ella Jones",
  "Finn O'Brien",
  "Grace Lee",
  "Hugo Silva",
  "Isla Brown",
  "Jamal Reid",
  "Kate Wilson",
  "Liam Evans",
  "Maya Singh",
  "Noah Davies",
  "Olivia Hughes",
  "Priya Shah",
  "Quentin Roy",
  "Rosa García",
  "Sam Taylor",
  "Tom Walsh",
];
const DEPARTMENTS = ["Finance", "Procurement", "Engineering", "Design", "Sales", "Operations"];

const pad = (n: number, width = 8) => String(n).padStart(width, "0");
const person = (n: number) =>
  `${PEOPLE[n % PEOPLE.length]}${n >= PEOPLE.length ? ` ${Math.floor(n / PEOPLE.length) + 1}` : ""}`;
const deviceName = (n: number) => `LT-${pad(n, 4)}`;

export function demoRegister(today: IsoDate): DemoRegister {
  const software: Software[] = SOFTWARE.map(([name, publisher, version, category], i) => ({
    id: `SW-DEMO${pad(i + 1)}`,
    name,
    publisher,
    version,
    category,
    rowVersion: 0,
  }));
  const licences: Licence[] = [];
  const allocations: Allocation[] = [];
  const installations: Installation[] = [];
  let deviceCounter = 1;
  let userCounter = 0;

  STORIES.forEach((story, i) => {
    const id = `LIC-DEMO${pad(i + 1)}`;
    const softwareId = software[story.software].id;
    licences.push({
      id,
      softwareId,
      licenceKey: `${software[story.software].name.slice(0, 3).toUpperCase()}-${pad(i * 7919 + 1000, 5)}-${pad(i * 104729, 6)}`,
      quantity: story.unlimited ? undefined : story.quantity,
      unlimited: story.unlimited ?? false,
      licenceType: story.type,
      scope: story.scope,
      reviewRequired: story.reviewReason !== undefined,
      reviewReason: story.reviewReason,
      peakConcurrentUse: story.peak,
      vendor: story.vendor,
      purchaseOrder: `PO-${2026000 + i * 13}`,
      purchaseDate: addDays(today, story.startInDays - 14),
      cost: story.cost,
      currency: story.currency ?? "GBP",
      pricingModel: story.pricing,
      termMonths: story.term,
      startDate: addDays(today, story.startInDays),
      expiryDate: story.expiryInDays === undefined ? undefined : addDays(today, story.expiryInDays),
      perpetual: story.perpetual ?? false,
      autoRenew: story.autoRenew ?? false,
      renewalLeadDays: 30,
      maintenanceIncluded: story.type !== "Trial",
      supportIncluded: story.type === "Subscription" || story.type === "Volume License",
      allocationRule: story.rule,
      reassignable: story.type !== "OEM",
      reassignmentMinDays: story.rule === "User-based" ? 90 : undefined,
      geographicRestriction: story.scope === "Site" ? "United Kingdom" : undefined,
      usageRestriction:
        story.type === "Educational"
          ? "Teaching and research only"
          : story.type === "NFR"
            ? "Not for resale; internal demos only"
            : undefined,
      transferable: story.type === "Perpetual" || story.type === "Volume License",
      virtualisationRights: story.type === "Volume License" ? "Limited" : "Not permitted",
      rowVersion: 0,
    });

    const byUser = story.rule === "User-based" || story.rule === "Concurrent" || story.rule === "Floating";
    for (let n = 0; n < story.inUse; n++) {
      const user = person(userCounter++);
      if (byUser) {
        allocations.push({
          id: `ALC-DEMO${pad(allocations.length + 1)}`,
          licenceId: id,
          user,
          department: DEPARTMENTS[n % DEPARTMENTS.length],
          allocatedOn: addDays(today, Math.max(story.startInDays, -200) + n),
          rowVersion: 0,
        });
      }
      if (!byUser || n % 2 === 0) {
        installations.push({
          id: `INS-DEMO${pad(installations.length + 1)}`,
          softwareId,
          licenceId: id,
          device: deviceName(deviceCounter++),
          user,
          version: software[story.software].version,
          installedOn: addDays(today, Math.max(story.startInDays, -200) + n),
          source: n % 3 === 0 ? "Discovery" : "Manual",
          rowVersion: 0,
        });
      }
    }
    // A revoked allocation on the first licence of each user-based product shows history without counting.
    if (story.rule === "User-based" && story.inUse > 0 && i % 3 === 0) {
      allocations.push({
        id: `ALC-DEMO${pad(allocations.length + 1)}`,
        licenceId: id,
        user: person(userCounter++),
        department: "Operations",
        allocatedOn: addDays(today, -120),
        revokedOn: addDays(today, -30),
        notes: "Left the company",
        rowVersion: 0,
      });
    }
  });

  // Installations found by discovery that nobody has linked to a licence yet.
  for (const [softwareIndex, count] of [
    [2, 2],
    [7, 1],
    [11, 3],
  ] as const) {
    for (let n = 0; n < count; n++) {
      installations.push({
        id: `INS-DEMO${pad(installations.length + 1)}`,
        softwareId: software[softwareIndex].id,
        device: deviceName(deviceCounter++),
        user: person(userCounter++),
        version: software[softwareIndex].version,
        installedOn: addDays(today, -7 - n),
        source: "Discovery",
        rowVersion: 0,
      });
    }
  }
  return { software, licences, allocations, installations };
}
