import { DEFAULT_VIEW, FILTER_KEYS, type FilterKey, type ViewState } from "../view/view-state.js";

/** A named view with its own URL (`/views/<slug>`): a preset of the dashboard and what it shows, in words. */
export interface CuratedView {
  slug: string;
  title: string;
  /** Two paragraphs written from the data and its sources; every figure in them is a fact of the seed data. */
  paragraphs: [string, string];
  view: ViewState;
}

const filters = (set: Partial<Record<FilterKey, string[]>>) =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, set[k] ?? []])) as Record<FilterKey, string[]>;

/** A view of customs figures (UN Comtrade) year by year, drawn and ranked by partner on one side of the trade. */
const customsView = (
  groupBy: "origin" | "destination",
  set: Partial<Record<FilterKey, string[]>>,
  years?: { from: string; to: string },
): ViewState => ({
  ...DEFAULT_VIEW,
  metric: "revenue_usd",
  groupBy,
  interval: "year",
  rankBy: groupBy,
  filters: filters(set),
  ...years,
});

/** The chip-tool makers whose China share the data holds. */
const TOOL_MAKERS = ["asml", "tokyo-electron", "applied-materials", "lam-research", "kla", "screen-holdings"];

export const CURATED_VIEWS: readonly CuratedView[] = [
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
  {
    slug: "chip-tools-to-china",
    title: "Chip tools to China",
    paragraphs: [
      "China's share of the leading chip-tool makers' sales rose steeply after the US rules of October 2022 and " +
        "October 2023 and the Dutch and Japanese controls of 2023: ASML's share of system sales reached 46% in Q3 " +
        "2023 and 49% in the first half of 2024, Tokyo Electron's share of equipment sales 49.9% in April–June 2024, " +
        "Lam Research's 48% in the quarter to September 2023.",
      "The shares eased as the rules widened: ASML's fell to 27% in Q4 2024, Tokyo Electron's to 34.3% in " +
        "January–March 2025, Applied Materials' to 25% in its second fiscal quarter of 2025. Applied Materials' and KLA's " +
        "shares, and Lam Research's from 2024, come from their own filings and releases; ASML's and Tokyo Electron's mostly from press reports of their " +
        "results (secondary sources, marked so); the coverage tables of the data list what is still missing.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_share_pct",
      groupBy: "vendor",
      interval: "quarter",
      rankBy: "vendor",
      // The tool makers only: a foundry's or a chip maker's share of its own sales is another story.
      filters: filters({ vendor: TOOL_MAKERS, destination: ["CHN"] }),
      from: "2019-01-01",
    },
  },
  {
    slug: "dutch-tools-to-china",
    title: "Dutch chip tools to China",
    paragraphs: [
      "The Netherlands reports its exports of chip-making machines (HS 8486) to China to Eurostat month by month; " +
        "the heading holds ASML's lithography systems. Between €56 million and €397 million a month in 2021 and 2022, " +
        "they reached €1.04 billion in August 2023, the month before the Dutch licence requirement for advanced " +
        "chip-making equipment took effect, then €1.31 billion in March 2024 and €1.40 billion in December 2025.",
      "In 2026 they fell to €30 million in January and €58 million in May (June: €445 million, the last month " +
        "published). Germany's exports are drawn beside them. These are the exporters' own reports, in euros as " +
        "Eurostat publishes them: never converted, and never added to China's import reports or to Japan's and the " +
        "United States' reports of the same trade, which chipflow keeps in yen and dollars.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_eur",
      groupBy: "origin",
      interval: "month",
      rankBy: "origin",
      filters: filters({
        destination: ["CHN"],
        product: ["hs-8486"],
        dataset: ["eurostat-nl-de-exports-to-china-hs8486-8542-monthly"],
      }),
      from: "2021-01-01",
    },
  },
  {
    slug: "japanese-tools-to-china",
    title: "Japanese chip tools to China",
    paragraphs: [
      "Japan reports its exports to China month by month (Ministry of Finance, Trade Statistics of Japan). Its " +
        "exports of HS 8486.20, machines for making semiconductor devices or integrated circuits, ran at ¥34.6–88.5 " +
        "billion a month in 2021 and 2022; after Japan's licence requirement for 23 kinds of chip-making equipment " +
        "took effect in July 2023, they reached ¥158.8 billion in December 2023 and ¥171.6 billion in March 2024.",
      "In 2026 they were ¥48.9 billion in January, ¥46.4 billion in February and ¥112.2 billion in June. The lines " +
        "are the five subheadings of HS 8486, in yen as Japan's tables print them: never converted, and never added " +
        "to China's import reports or to the Netherlands' and the United States' reports of the same trade.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_jpy",
      groupBy: "product",
      interval: "month",
      rankBy: "product",
      filters: filters({
        origin: ["JPN"],
        destination: ["CHN"],
        category: ["semiconductor_equipment"],
        dataset: ["japan-exports-to-china-hs8486-8542-monthly"],
      }),
      from: "2021-01-01",
    },
  },
  {
    slug: "us-tools-to-china",
    title: "US chip tools to China",
    paragraphs: [
      "The United States reports its exports of chip-making machines (HS 8486) to China month by month (Census " +
        "Bureau). They ran at $321–777 million a month in 2021 and fell after the October 2022 rules, to $246 million " +
        "in November 2022 and $249 million in January 2023, then rose again to $576 million in October 2023.",
      "From August 2025 they stayed below $150 million a month: $60 million in November 2025, $66–97 million a month " +
        "from January to June 2026. These are the exporter's own reports, in dollars: never added to China's import " +
        "reports, or to the Netherlands' and Japan's reports of the same trade, which chipflow keeps in euros and yen.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_usd",
      groupBy: "origin",
      interval: "month",
      rankBy: "origin",
      filters: filters({
        origin: ["USA"],
        destination: ["CHN"],
        product: ["hs-8486"],
        dataset: ["us-exports-to-china-hs8486-8542-monthly"],
      }),
      from: "2021-01-01",
    },
  },
  {
    slug: "chinas-own-toolmakers",
    title: "China's own toolmakers",
    paragraphs: [
      "While the US, Dutch and Japanese rules narrowed what China could buy, its own chip-equipment makers grew: " +
        "NAURA's revenue rose from ¥9.68 billion in 2021 to ¥29.84 billion in 2024 and ¥39.35 billion in 2025, AMEC's " +
        "from ¥3.11 billion to ¥12.38 billion, Piotech's from ¥0.76 billion to ¥6.52 billion (2021 to 2025).",
      "The figures are the companies' own A-share reports on cninfo, in renminbi as reported: never converted, and " +
        "never added to the dollar, euro and yen figures of ASML, Applied Materials, Lam Research, KLA or Tokyo " +
        "Electron. The reports read give no split by region, so the data says how much these makers sold, not where.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_cny",
      groupBy: "vendor",
      interval: "year",
      rankBy: "vendor",
      filters: filters({ dataset: ["china-toolmakers"] }),
      // Whole years only: 2026 has only its first quarter and half so far, which a yearly chart would draw as a fall.
      from: "2021-01-01",
      to: "2025-12-31",
    },
  },
  {
    slug: "chinas-chip-imports",
    title: "China's chip imports",
    paragraphs: [
      "China reported $350.1 billion of imports of integrated circuits (HS 8542) for 2023 in UN Comtrade. Its largest " +
        "partner was Taiwan, which Comtrade lists as “Other Asia, nes”, at $134.9 billion, then Korea at $65.6 billion; " +
        "$46.5 billion came back from China itself, as re-imports.",
      "These are China's own import reports, as UN Comtrade publishes them. The exporters report the same trade " +
        "differently, so chipflow keeps each side of a trade apart and never adds them; World is China's reported " +
        "total, drawn as its own line and never stacked with the partners.",
    ],
    view: customsView("origin", {
      destination: ["CHN"],
      product: ["hs-8542"],
      dataset: ["comtrade-china-imports-by-partner"],
    }),
  },
  {
    slug: "malaysias-chip-trade",
    title: "Malaysia's chip trade",
    paragraphs: [
      "Malaysia reported $78.6 billion of exports of integrated circuits (HS 8542) for 2022 in UN Comtrade, up from " +
        "$33.0 billion in 2017. Singapore took the most ($8.5 billion, then $20.0 billion); exports to China rose " +
        "from $7.7 billion to $14.0 billion, to Hong Kong from $5.5 billion to $13.3 billion and to the United States " +
        "from $2.0 billion to $6.2 billion. Taiwan, which Comtrade lists as “Other Asia, nes”, was Malaysia's largest " +
        "supplier in both years ($7.5 billion, then $14.7 billion).",
      "These are Malaysia's own reports, as UN Comtrade publishes them; the extract holds 2017 and 2022 only, so the " +
        "years between are drawn as a gap. China reports the same trade differently (it counted $29.6 billion of " +
        "chips from Malaysia in 2022), so chipflow keeps each side of a trade apart and never adds them. Vietnam's " +
        "reports of the same two years are in the same dataset: its imports from Malaysia are drawn beside Malaysia's " +
        "exports to Vietnam as a competing figure, never added.",
    ],
    view: customsView(
      "destination",
      {
        origin: ["MYS"],
        product: ["hs-8542"],
        dataset: ["comtrade-mys-vnm-hs8542-by-partner-2017-2022"],
      },
      { from: "2017-01-01", to: "2022-12-31" },
    ),
  },
  {
    slug: "koreas-chip-trade",
    title: "Korea's chip trade",
    paragraphs: [
      "Korea reported $112.8 billion of exports of integrated circuits (HS 8542) for 2022 in UN Comtrade, up from " +
        "$86.1 billion in 2017. China took the most ($35.2 billion, then $48.8 billion); exports to Hong Kong fell " +
        "from $25.3 billion to $17.2 billion, while those to Vietnam rose from $8.6 billion to $15.5 billion and those " +
        "to Taiwan, which Comtrade lists as “Other Asia, nes”, from $4.0 billion to $11.8 billion. Korea's imports of " +
        "ICs rose from $33.4 billion to $62.4 billion, most of them from China ($23.5 billion in 2022) and Taiwan " +
        "($19.4 billion).",
      "These are Korea's own reports, as UN Comtrade publishes them; the extract holds 2017 and 2022 only, so the " +
        "years between are drawn as a gap. Japan, Singapore, Germany and the other reporters of the same dataset " +
        "report their imports from Korea differently, so where both sides of a trade are there, one is drawn and the " +
        "other beside it as a competing figure, never added.",
    ],
    view: customsView(
      "destination",
      {
        origin: ["KOR"],
        product: ["hs-8542"],
        dataset: ["comtrade-hs8542-by-partner-2017-2022"],
      },
      { from: "2017-01-01", to: "2022-12-31" },
    ),
  },
  {
    slug: "who-buys-taiwans-chips",
    title: "Who buys Taiwan's chips",
    paragraphs: [
      "China reported $37.1 billion of imports of integrated circuits (HS 8542) from Taiwan for 2010 in UN Comtrade, " +
        "and $159.0 billion for 2022. Hong Kong's rose from $14.1 billion to $58.7 billion over the same years, " +
        "Singapore's from $11.1 billion to $47.1 billion, Korea's from $5.6 billion to $19.4 billion and Japan's from " +
        "$6.9 billion to $18.5 billion; Vietnam's, from $0.2 billion, reached $9.6 billion.",
      "These are the buyers' own import reports, 46 of them, in which Comtrade lists Taiwan as “Other Asia, nes”: " +
        "what each customs office recorded as coming from Taiwan, not Taiwan's export figures. The figures for 2022 " +
        "and 2023 come from an earlier download of the same extract, which lacks Belgium, India and the United " +
        "States, so those three are missing from the Other line in those two years.",
    ],
    view: customsView(
      "destination",
      {
        origin: ["TWN"],
        product: ["hs-8542"],
        dataset: ["comtrade-imports-from-taiwan-hs8542-2010-2023"],
      },
      { from: "2010-01-01", to: "2023-12-31" },
    ),
  },
  {
    slug: "who-buys-americas-chips",
    title: "Who buys America's chips",
    paragraphs: [
      "The United States reported $33.8 billion of exports of processors, memories and other integrated circuits " +
        "(HS 8542.31, 8542.32 and 8542.39) for 2018 in UN Comtrade, $49.5 billion for 2021 and $47.8 billion for " +
        "2024. Mexico took the most in every year but 2021 ($6.6 billion in 2018, $11.2 billion in 2024). Exports to " +
        "China rose from $5.6 billion in 2018 to $11.8 billion in 2021, when China took the most, fell to $8.9 " +
        "billion in 2022 and $4.7 billion in 2023, the first full year after the rules of October 2022, and came back " +
        "to $8.3 billion in 2024. Of them, processors (HS 8542.31) came to $9.7 billion in 2021, $2.5 billion in 2023 " +
        "and $5.8 billion in 2024.",
      "These are the United States' own export reports, as UN Comtrade publishes them: chips leaving the United " +
        "States, by the country they were bound for, for every partner. The buyers report the same trade " +
        "differently, so chipflow keeps each side apart and never adds them; World is the United States' reported " +
        "total, drawn as its own line. Exports to Malaysia rose from $3.0 billion to $7.2 billion and to Vietnam " +
        "from $0.9 billion to $2.9 billion between 2018 and 2024. The same extract holds the United States' imports: " +
        "in 2024, $8.06 billion of processors came from Taiwan, which Comtrade lists as “Other Asia, nes”, and $7.70 " +
        "billion from Malaysia.",
    ],
    view: customsView(
      "destination",
      {
        origin: ["USA"],
        product: ["hs-8542-31", "hs-8542-32", "hs-8542-39"],
        dataset: ["comtrade-usa-hs854231-854239-by-partner-2018-2024"],
      },
      { from: "2018-01-01", to: "2024-12-31" },
    ),
  },
  {
    slug: "who-sells-chip-making-machines",
    title: "Who sells chip-making machines",
    paragraphs: [
      "Japan reported $19.1 billion of exports of machines for making semiconductors (HS 8486) for 2010 in UN " +
        "Comtrade and $30.9 billion for 2022; the United States $12.3 billion and $26.8 billion; the Netherlands, " +
        "home of ASML, $6.4 billion and $21.4 billion. In 2023 the Netherlands' exports rose again, to $24.1 " +
        "billion, while Japan's fell to $25.2 billion and the United States' to $20.1 billion.",
      "These are each exporter's own reports of its exports to the world, for the OECD members and China. " +
        "Singapore, whose exports of HS 8486 came to $21.24 billion in 2022 in another extract, is not among the " +
        "reporters of this one. China's own exports of such machines grew from $1.0 billion in 2010 to $4.1 billion " +
        "in 2022, small beside its imports of them ($39.6 billion in 2023, in the same extract).",
    ],
    view: customsView(
      "origin",
      {
        destination: ["WLD"],
        product: ["hs-8486"],
        dataset: ["comtrade-world-trade-hs8542-hs8486-2010-2023"],
      },
      { from: "2010-01-01", to: "2023-12-31" },
    ),
  },
  {
    slug: "chinas-chip-tool-imports-by-month",
    title: "China's chip-tool imports, month by month",
    paragraphs: [
      "China reported $34.72 billion of imports of machines for making semiconductors (HS 8486) for 2022 in UN " +
        "Comtrade, $39.62 billion for 2023 and $47.07 billion for 2024. From October 2022, when the United States' " +
        "rules of October 7 on chips and chip-making tools took effect, to February 2023 they ran at $2.0–2.4 " +
        "billion a month; they reached $5.26 billion in September 2023 and $5.86 billion in December 2024.",
      "These are China's own import reports, month by month, from fifteen Comtrade+ downloads that also hold the " +
        "United States' side. Imports from the United States came to $4.49 billion in 2024 by China's count; for " +
        "2020–2023, where China's reports of its trade with the USA are missing, the US export reports stand in " +
        "($4.41–6.81 billion a year), drawn as the United States' figure, never added to China's.",
    ],
    view: {
      ...customsView(
        "origin",
        {
          destination: ["CHN"],
          product: ["hs-8486"],
          dataset: ["comtrade-usa-china-chip-trade-monthly-2018-2025"],
        },
        { from: "2018-01-01", to: "2024-12-31" },
      ),
      interval: "month",
    },
  },
  {
    slug: "export-control-timeline",
    title: "Export-control timeline",
    paragraphs: [
      "US controls moved from listing companies (Huawei in May 2019, SMIC in December 2020) to controlling chips and " +
        "chip-making tools by what they can do: the rules of October 2022, October 2023 and December 2024. The " +
        "Netherlands and Japan put their own licence requirements on advanced chip-making equipment in 2023; China " +
        "answered with export controls on gallium and germanium from August 2023, then on graphite, antimony and rare " +
        "earths.",
      "In 2025 the US required licences for NVIDIA's H20 and AMD's MI308 (April), rescinded the AI Diffusion Rule " +
        "(May), then licensed H20 sales against 15% of the revenue (August); in December 2025 it allowed H200 sales to " +
        "approved customers in China with 25% to the US. In February 2026 Applied Materials agreed to pay $253 million " +
        "to settle BIS's inquiry into shipments to customers in China. Every event below carries its source; the chart " +
        "shows all of them over NVIDIA's revenue from China.",
    ],
    view: {
      ...DEFAULT_VIEW,
      metric: "revenue_usd",
      groupBy: "destination",
      interval: "quarter",
      filters: filters({ vendor: ["nvidia"], destination: ["CHN"], dataset: ["nvidia-geo-billing"] }),
      allEvents: true,
    },
  },
];

/** The curated view a path names (`/views/<slug>`), if any. */
export function findCuratedView(pathname: string): CuratedView | undefined {
  const slug = /^\/views\/([a-z0-9-]+)\/?$/.exec(pathname)?.[1];
  return CURATED_VIEWS.find((v) => v.slug === slug);
}
