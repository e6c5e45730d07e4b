import { toSlug, type Category, type EventTopic, type SourceRef } from "@chipflow/core";
import type { WritableDb } from "../handles.js";

export interface VendorInput {
  name: string;
  hqCountry?: string | null;
  notes?: string | null;
  /** What the vendor makes, chips or the tools that make them; null for neither in particular (a foundry). */
  makes?: EventTopic | null;
}

export interface ProductInput {
  vendor: string | null;
  name: string;
  category: Category;
  hsCodes?: string[];
  notes?: string | null;
}

export interface BuyerInput {
  name: string;
  country?: string | null;
  notes?: string | null;
}

/**
 * Finds or creates the rows behind dimension names, caching ids so an import of millions of rows
 * asks the database once per distinct name.
 */
export class DimensionIds {
  private readonly vendors = new Map<string, number>();
  private readonly products = new Map<string, { id: number; category: Category }>();
  private readonly buyers = new Map<string, number>();
  private readonly sources = new Map<string, number>();
  private readonly stmts;

  constructor(db: WritableDb) {
    this.stmts = {
      vendorByName: db.prepare("SELECT id FROM vendors WHERE name = ?").pluck(),
      insertVendor: db.prepare(
        `INSERT INTO vendors (slug, name, hq_country, notes, makes) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET hq_country = coalesce(excluded.hq_country, hq_country),
           notes = coalesce(excluded.notes, notes), makes = coalesce(excluded.makes, makes)
         RETURNING id`,
      ),
      productByName: db.prepare("SELECT id, category FROM products WHERE ifnull(vendor_id, 0) = ? AND name = ?"),
      insertProduct: db.prepare(
        "INSERT INTO products (slug, vendor_id, name, category, hs_codes, notes, path) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      ),
      updateProduct: db.prepare("UPDATE products SET category = ?, hs_codes = ?, notes = ? WHERE id = ?"),
      buyerByName: db.prepare("SELECT id FROM buyers WHERE name = ?").pluck(),
      insertBuyer: db.prepare(
        `INSERT INTO buyers (slug, name, country, notes) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET country = coalesce(excluded.country, country), notes = coalesce(excluded.notes, notes)
         RETURNING id`,
      ),
      insertSource: db.prepare(
        `INSERT INTO sources (publisher, title, url, published_on, locator, type) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (url, title, publisher, published_on, locator) DO UPDATE SET type = coalesce(excluded.type, type)
         RETURNING id`,
      ),
    };
  }

  /** The id of a vendor, creating it when `input` says more than its name or it is new. */
  vendor(input: VendorInput | string): number {
    const v = typeof input === "string" ? { name: input } : input;
    const key = v.name.toLowerCase();
    const cached = this.vendors.get(key);
    if (cached !== undefined && typeof input === "string") return cached;
    const existing =
      typeof input === "string" ? (this.stmts.vendorByName.get(v.name) as number | undefined) : undefined;
    const id =
      existing ??
      (
        this.stmts.insertVendor.get(slugOf(v.name), v.name, v.hqCountry ?? null, v.notes ?? null, v.makes ?? null) as {
          id: number;
        }
      ).id;
    this.vendors.set(key, id);
    return id;
  }

  /**
   * The id and category of a product of a vendor (or of no vendor). A new product is created with `category`;
   * an existing one keeps its own unless `hsCodes` is given, which marks a full description that updates it.
   */
  product(input: ProductInput): { id: number; category: Category } {
    const vendorId = input.vendor === null ? 0 : this.vendor(input.vendor);
    const key = `${vendorId}\u0000${input.name.toLowerCase()}`;
    const cached = this.products.get(key);
    if (cached !== undefined && input.hsCodes === undefined) return cached;
    const hs = input.hsCodes?.length ? input.hsCodes.join(";") : null;
    const found = this.stmts.productByName.get(vendorId, input.name) as { id: number; category: Category } | undefined;
    let id = found?.id;
    let category = found?.category ?? input.category;
    if (id === undefined) {
      const slug = slugOf(input.vendor === null ? input.name : `${input.vendor} ${input.name}`);
      const row = this.stmts.insertProduct.get(
        slug,
        vendorId || null,
        input.name,
        input.category,
        hs,
        input.notes ?? null,
        `/${slug}/`,
      ) as { id: number };
      id = row.id;
    } else if (input.hsCodes !== undefined) {
      this.stmts.updateProduct.run(input.category, hs, input.notes ?? null, id);
      category = input.category;
    }
    const product = { id, category };
    this.products.set(key, product);
    return product;
  }

  buyer(input: BuyerInput | string): number {
    const b = typeof input === "string" ? { name: input } : input;
    const key = b.name.toLowerCase();
    const cached = this.buyers.get(key);
    if (cached !== undefined && typeof input === "string") return cached;
    const existing = typeof input === "string" ? (this.stmts.buyerByName.get(b.name) as number | undefined) : undefined;
    const id =
      existing ??
      (this.stmts.insertBuyer.get(slugOf(b.name), b.name, b.country ?? null, b.notes ?? null) as { id: number }).id;
    this.buyers.set(key, id);
    return id;
  }

  source(s: SourceRef): number {
    const locator = s.locator ?? "";
    const key = `${s.url}\u0000${s.title}\u0000${s.publisher}\u0000${s.date}\u0000${locator}`;
    let id = this.sources.get(key);
    if (id === undefined) {
      id = (this.stmts.insertSource.get(s.publisher, s.title, s.url, s.date, locator, s.type) as { id: number }).id;
      this.sources.set(key, id);
    }
    return id;
  }
}

/** Slugs are the ids the API and URLs use; names are unique per table, so are their slugs in practice. */
function slugOf(name: string): string {
  return toSlug(name) || "unnamed";
}
