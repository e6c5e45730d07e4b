import { DEFAULT_VIEW } from "../view/view-state.js";
import { filters, type CuratedView } from "./curated-view.js";

/** Views of what chip makers report selling to China and elsewhere, each from its own filings. */
export const COMPANY_VIEWS: readonly CuratedView[] = [
  {
    slug: "h20-and-china",
    title: "H20 and China",
    paragraphs: [
      "The H20 is a Hopper accelerator NVIDIA cut down to meet the October 2023 US export rules; Reuters reported in " +
        "January 2024 that its mass production would start in the second quarter. Analysts estimated that about 1 " +
        "million H20 went to China in 2024, for about $12 billion (the Financial Times citing SemiAnalysis; CNBC gave " +
        "$12–15 billion). NVIDIA never disclosed H20 units or revenue for 2024: these figures are estimates and are " +
        "marked so.",
      "In April 2025 the US government told NVIDIA that H20 exports to China needed a licence. NVIDIA reported " +
        "$4.6 billion of H20 sales in Q1 FY2026, a $4.5 billion charge for H20 inventory and purchase obligations, and " +
        "$2.5 billion of H20 it could not ship; in Q2 FY2026 it sold no H20 to China-based customers. Licences began to " +
        "be issued in August 2025, against 15% of the revenue paid to the US government.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_usd",
      groupBy: "destination",
      interval: "quarter",
      rankBy: "product",
      filters: filters({ product: ["nvidia-h20"] }),
      from: "2023-01-01",
    },
  },
  {
    slug: "china-in-chip-makers-sales",
    title: "China in US chip makers' sales",
    paragraphs: [
      "What six US chip makers sell to China, each as its own 10-K reports it: Qualcomm's revenue from China rose " +
        "from $13.4 billion in fiscal 2023 to $20.3 billion in fiscal 2025; NVIDIA's, by customer headquarters, was " +
        "$25.0 billion in fiscal 2025 and $19.7 billion in fiscal 2026, the year the H20 needed a licence; Intel's fell " +
        "from $17.1 billion in 2022 to $12.7 billion in 2025, while AMD's rose to $7.8 billion.",
      "Each company counts China its own way, so the lines are not one measure: Intel and AMD by where the customer " +
        "is billed, NVIDIA and Qualcomm by where it is headquartered (Hong Kong included), Micron by headquarters with " +
        "Hong Kong apart (mainland China: $2.6 billion in fiscal 2025), Marvell by where its products are shipped " +
        "($3.0 billion in fiscal 2026, most of it, Marvell says, for customers based elsewhere). Fiscal years end in " +
        "different months, and no figure is converted or split.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_usd",
      groupBy: "vendor",
      interval: "year",
      rankBy: "vendor",
      filters: filters({
        vendor: ["nvidia", "qualcomm", "intel", "amd", "micron", "marvell"],
        destination: ["CHN"],
        // One NVIDIA basis (see bases.ts), and each other maker's own filings.
        dataset: ["nvidia-geo-hq", "qualcomm-sales", "intel-sales", "amd-sales", "micron-sales", "marvell-sales"],
      }),
      from: "2019-01-01",
      // Whole fiscal years only: AMD's MI308 forecast for its first quarter of 2026 (from 2025-12-28) and Marvell's
      // first quarters of fiscal 2027 would be drawn in a yearly chart as a fall.
      to: "2025-12-27",
    },
  },
  {
    slug: "china-in-tsmcs-revenue",
    title: "China in TSMC's revenue",
    paragraphs: [
      "TSMC's revenue from customers headquartered in China was NT$208.1 billion in 2019 and NT$233.8 billion in " +
        "2020, the year of the United States' rules of May and August on foreign-made items for Huawei; it fell to " +
        "NT$164.6 billion in 2021, then rose to NT$245.2 billion in 2022, NT$267.2 billion in 2023 and NT$331.7 " +
        "billion in 2024. The half years show the break: NT$133.6 billion in January–June 2020, NT$78.2 billion in " +
        "January–June 2021.",
      "These are TSMC's own figures, by the country where each customer is headquartered, from its annual reports " +
        "to the SEC (Form 20-F) and its half-year financial statements (Form 6-K), in New Taiwan dollars, never " +
        "converted. Chips that US companies order count as the United States', wherever they are shipped: customers " +
        "headquartered there brought NT$634.7 billion in 2019 and NT$1,992.3 billion in 2024, of a total of " +
        "NT$1,070.0 billion and NT$2,894.3 billion. The chart draws each country's share of that total; for 2025 only " +
        "the total has been read (NT$3.81 trillion).",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_twd",
      groupBy: "destination",
      interval: "year",
      rankBy: "destination",
      filters: filters({ vendor: ["tsmc"], dataset: ["foundry-memory"] }),
      from: "2019-01-01",
      to: "2024-12-31",
      mode: "share",
    },
  },
  {
    slug: "sk-hynix-sales-by-region",
    title: "SK hynix's sales by region",
    paragraphs: [
      "SK hynix, the memory maker, booked ₩32.8 trillion of revenue in 2023, ₩66.2 trillion in 2024 and ₩97.1 " +
        "trillion in 2025. Its entities in the United States booked ₩15.4 trillion, ₩42.0 trillion and ₩66.9 trillion " +
        "of it; those in China ₩10.1 trillion, ₩15.5 trillion and ₩19.1 trillion. In the second quarter of 2026 alone " +
        "it booked ₩79.3 trillion: ₩50.6 trillion in the United States and ₩19.7 trillion in China.",
      "These are SK hynix's own figures, from the financial statements in its Nasdaq listing prospectus (July 2026) and " +
        "its half-year report (August 2026), in Korean won, never converted. They are by the location of the SK " +
        "hynix entity that booked each sale, not of the customer: a chip booked in the United States may be shipped " +
        "anywhere. Korea booked ₩1.9–2.0 trillion a year; the other regions of its table (Asia other than China, " +
        "Europe) are not single countries and are not drawn.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_krw",
      groupBy: "destination",
      interval: "year",
      rankBy: "destination",
      filters: filters({ vendor: ["sk-hynix"], dataset: ["sk-hynix-sales"] }),
      from: "2023-01-01",
      to: "2025-12-31",
    },
  },
];
