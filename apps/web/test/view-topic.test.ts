import type { Dimensions } from "@chipflow/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, FILTER_KEYS, type FilterKey, type ViewState } from "../src/view/view-state.js";
import { viewTopic } from "../src/view/view-topic.js";

const product = (id: string, vendorId: string | null, category: Dimensions["products"][number]["category"]) => ({
  id,
  vendorId,
  name: id,
  category,
  hsCodes: [],
});

/** Only the products and what the vendors make matter to a view's topic. */
const vendor = (id: string, makes: "chips" | "tools" | null) => ({ id, name: id, hqCountry: null, makes });
const dimensions = {
  vendors: [
    vendor("chipco", null),
    vendor("memco", null),
    vendor("toolco", null),
    vendor("inspectco", "tools"),
    vendor("fabco", null),
    vendor("designco", "chips"),
  ],
  products: [
    product("synthetic-gpu", "chipco", "ai_accelerator"),
    product("synthetic-hbm", "memco", "memory"),
    product("synthetic-scanner", "toolco", "lithography"),
    product("synthetic-etcher", "toolco", "deposition_etch"),
    product("synthetic-service", "toolco", "other"),
    product("hs-8486", null, "semiconductor_equipment"),
    product("hs-8542", null, "integrated_circuits"),
  ],
  countries: [],
  buyers: [],
  datasets: [],
  metrics: [],
  periodRange: { from: null, to: null },
} satisfies Dimensions;

const view = (set: Partial<Record<FilterKey, string[]>>, groupBy: ViewState["groupBy"] = "destination"): ViewState => ({
  ...DEFAULT_VIEW,
  groupBy,
  filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, set[k] ?? []])) as ViewState["filters"],
});

describe("what a view is about, for the events its chart shows first", () => {
  it("is tools for chip-making machines, by product, category or the vendors that make them", () => {
    expect(viewTopic(view({ product: ["hs-8486"] }), dimensions)).toBe("tools");
    expect(viewTopic(view({ category: ["semiconductor_equipment"] }), dimensions)).toBe("tools");
    // A toolmaker's services say nothing either way; its machines do.
    expect(viewTopic(view({ vendor: ["toolco"] }), dimensions)).toBe("tools");
  });

  it("is chips for accelerators, memory and integrated circuits", () => {
    expect(viewTopic(view({ vendor: ["chipco", "memco"] }), dimensions)).toBe("chips");
    expect(viewTopic(view({ product: ["hs-8542"] }), dimensions)).toBe("chips");
    expect(viewTopic(view({}, "product"), dimensions, ["synthetic-gpu", "synthetic-hbm"])).toBe("chips");
  });

  it("is what its vendors make, when the data holds no products of theirs", () => {
    expect(viewTopic(view({ vendor: ["inspectco"] }), dimensions)).toBe("tools");
    expect(viewTopic(view({}, "vendor"), dimensions, ["inspectco", "toolco"])).toBe("tools");
    expect(viewTopic(view({}, "vendor"), dimensions, ["designco", "chipco"])).toBe("chips");
    // A foundry makes neither in particular, so it does not decide the view's topic.
    expect(viewTopic(view({ vendor: ["fabco", "inspectco"] }), dimensions)).toBe("tools");
    expect(viewTopic(view({}, "vendor"), dimensions, ["designco", "inspectco"])).toBeNull();
  });

  it("is nothing in particular when the view names no product, or both kinds", () => {
    expect(viewTopic(view({}), dimensions)).toBeNull();
    expect(viewTopic(view({ vendor: ["chipco", "toolco"] }), dimensions)).toBeNull();
    expect(viewTopic(view({ product: ["hs-8486", "hs-8542"] }), dimensions)).toBeNull();
    // The drawn lines count only when they are products.
    expect(viewTopic(view({}, "destination"), dimensions, ["synthetic-gpu"])).toBeNull();
  });
});
