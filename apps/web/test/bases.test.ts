import { describe, expect, it } from "vitest";
import { NVIDIA_BASES, basisOf, basisOfView, showsNvidiaGeography, withBasis } from "../src/view/bases.js";
import { DEFAULT_VIEW } from "../src/view/view-state.js";

describe("geographic bases", () => {
  it("opens on NVIDIA's customer-headquarters basis, a view that must hold one basis", () => {
    expect(showsNvidiaGeography(DEFAULT_VIEW)).toBe(true);
    expect(basisOfView(DEFAULT_VIEW)?.label).toBe("Customer headquarters");
  });

  it("switches basis by replacing one basis dataset with the other, keeping any other dataset", () => {
    const both = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, dataset: ["nvidia-geo-hq", "asml-sales"] } };
    const billing = withBasis(both, NVIDIA_BASES[1]!);
    expect(billing.filters.dataset).toEqual(["asml-sales", "nvidia-geo-billing"]);
    expect(basisOfView(billing)?.dataset).toBe("nvidia-geo-billing");
  });

  it("names the basis of each NVIDIA geography dataset, and none for others", () => {
    expect(basisOf("nvidia-geo-billing")).toMatch(/billing location/);
    expect(basisOf("nvidia-geo-hq")).toMatch(/headquarters/);
    expect(basisOf("asml-sales")).toBeNull();
  });

  it("leaves views of other metrics or companies alone", () => {
    expect(showsNvidiaGeography({ ...DEFAULT_VIEW, metric: "units" })).toBe(false);
    expect(
      showsNvidiaGeography({ ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, vendor: ["asml"], dataset: [] } }),
    ).toBe(false);
  });
});
