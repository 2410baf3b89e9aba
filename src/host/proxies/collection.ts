import type { Execution } from "../context";
import { ClientObjectProxy, ClientResult, splitPaths } from "./base";

/**
 * A collection proxy (worksheets, tables, table columns, table rows): `items` and `count` fill at sync;
 * `load("items/name")`, `load("name")` (applied to the items) and plain `load()` work as in Office.js.
 */
export abstract class CollectionProxy<
  Owner,
  Item extends ClientObjectProxy<unknown>,
> extends ClientObjectProxy<Owner> {
  protected readonly _scalars = ["items"] as const;

  /** Proxies bound to the collection's current members. */
  protected abstract _members(exec: Execution, owner: Owner): Item[];

  protected _read(property: string, exec: Execution, owner: Owner): unknown {
    if (property === "count") return this._members(exec, owner).length;
    return undefined;
  }

  override _loadNow(paths: string[] | undefined, exec: Execution): void {
    const owner = this._resolve(exec);
    if (owner === null) return;
    const { own, nested } = splitPaths(paths ?? ["items"]);
    const itemPaths: string[] = [...(nested.get("items") ?? [])];
    let wantItems = nested.has("items");
    let allItemProperties = false;
    for (const property of own) {
      if (property === "count") {
        const count = this._read("count", exec, owner);
        exec.response.takeValue("count", count);
        this._loaded.set("count", count);
      } else if (property === "items") {
        wantItems = true;
        allItemProperties = true;
      } else if (property !== "isNullObject") {
        wantItems = true;
        itemPaths.push(property);
      }
    }
    for (const [name, below] of nested)
      if (name !== "items") itemPaths.push(...below.map((p) => `${name}/${p}`));
    if (!wantItems) return;
    const members = this._members(exec, owner);
    for (const item of members)
      item._loadNow(allItemProperties || itemPaths.length === 0 ? undefined : itemPaths, exec);
    this._loaded.set("items", members);
    this._loaded.set("count", members.length);
  }

  get items(): Item[] {
    return this._get("items");
  }

  get count(): number {
    return this._get("count");
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._enqueue("getCount", [], (exec, owner) => result._fill(this._members(exec, owner).length, exec));
    return result;
  }
}
