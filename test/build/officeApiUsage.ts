import path from "node:path";
import ts from "typescript";

/** One use of an Office.js member that belongs to a requirement set, as its type declaration says. */
export interface OfficeApiUse {
  member: string;
  set: string;
  version: string;
  /** "src/workbook/formats.ts:52" */
  at: string;
  /** The `supports("Set", "version")` checks in the functions around the use, innermost first. */
  guards: { set: string; version: string }[];
}

const root = path.resolve(__dirname, "../..");

/** Compares "1.10" and "1.9" as versions, not as text. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The requirement set of a declaration from its `[Api set: ExcelApi 1.2 for options; 1.7 for password]` JSDoc
 * tag. Where the tag names several versions, the highest: the strict reading.
 */
function apiSet(declaration: ts.Declaration): { set: string; version: string } | undefined {
  const text = ts
    .getJSDocCommentsAndTags(declaration)
    .map((doc) => doc.getText())
    .join("\n");
  const tag = /\[Api set: ([A-Za-z]+) ([^\]]+)\]/.exec(text);
  if (!tag) return undefined;
  const versions = tag[2].match(/\b\d+\.\d+\b/g) ?? [];
  const version = versions.sort(compareVersions).at(-1);
  return version ? { set: tag[1], version } : undefined;
}

/** The `supports("ExcelApi", "1.12")` calls inside a function, including its nested functions. */
function guardsIn(node: ts.Node): { set: string; version: string }[] {
  const found: { set: string; version: string }[] = [];
  const visit = (child: ts.Node) => {
    if (
      ts.isCallExpression(child) &&
      ts.isIdentifier(child.expression) &&
      child.expression.text === "supports" &&
      child.arguments.length >= 2 &&
      ts.isStringLiteral(child.arguments[0]) &&
      ts.isStringLiteral(child.arguments[1])
    ) {
      found.push({ set: child.arguments[0].text, version: child.arguments[1].text });
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function enclosingGuards(node: ts.Node): { set: string; version: string }[] {
  const guards: { set: string; version: string }[] = [];
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isFunctionLike(at)) guards.push(...guardsIn(at));
  }
  return guards;
}

/**
 * Every Office.js member referenced in the files matching `include` (paths relative to the repository), with
 * the requirement set its declaration names. Reads the real types from @types/office-js and
 * @types/custom-functions-runtime, so a new call is found without anyone listing it.
 */
export function officeApiUses(include: RegExp): OfficeApiUse[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error("Could not read tsconfig.json");
  const files = config.fileNames.filter((file) => include.test(path.relative(root, file)));
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const uses: OfficeApiUse[] = [];

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node) => {
      const isMemberName = ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent);
      const name = ts.isPropertyAccessExpression(node)
        ? node.name
        : ts.isIdentifier(node) && !isMemberName
          ? node
          : undefined;
      const symbol = name && checker.getSymbolAtLocation(name);
      for (const declaration of symbol?.declarations ?? []) {
        const declaredIn = declaration.getSourceFile().fileName;
        if (!/@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(declaredIn)) continue;
        const requirement = apiSet(declaration);
        if (!requirement) continue;
        const owner = ts.getNameOfDeclaration(declaration.parent as ts.Declaration)?.getText() ?? "";
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        uses.push({
          member: owner ? `${owner}.${symbol!.name}` : symbol!.name,
          ...requirement,
          at: `${path.relative(root, file)}:${line}`,
          guards: enclosingGuards(node),
        });
        break;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
