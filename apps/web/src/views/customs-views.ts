import { customsView, type CuratedView } from "./curated-view.js";

/** Views of chip trade as customs offices report it to UN Comtrade. */
export const CUSTOMS_VIEWS: readonly CuratedView[] = [
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
];
