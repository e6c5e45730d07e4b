import { DEFAULT_VIEW } from "../view/view-state.js";
import { filters, type CuratedView } from "./curated-view.js";

/** The chip-tool makers whose China share the data holds. */
const TOOL_MAKERS = ["asml", "tokyo-electron", "applied-materials", "lam-research", "kla", "screen-holdings"];

/** Views of chip-making tools sold to China: the makers' own figures and the exporters' statistics. */
export const TOOL_VIEWS: readonly CuratedView[] = [
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
];
