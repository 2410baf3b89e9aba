// Stand-in for office-addin-manifest under jest: office-addin-mock only reads this enum,
// and the real package drags in ESM-only dependencies that jest cannot load.
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
