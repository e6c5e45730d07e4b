import { findCountryByM49, REST_OF_WORLD, WORLD } from "@chipflow/core";

/**
 * Codes that UN Comtrade uses where they differ from UN M49 or name no ISO country: 490 "Other Asia, nes" is how
 * Taiwan is reported; 842, 251, 381, 579, 699 and 757 are the reporter codes of the USA, France, Italy, Norway, India and
 * Switzerland including their territories; 0 / W00 is the world; 899 "Areas, nes" is trade not allocated to a
 * country, kept as ROW.
 */
const COMTRADE_CODES: Record<string, string> = {
  "0": WORLD,
  W00: WORLD,
  "490": "TWN",
  "842": "USA",
  "251": "FRA",
  "579": "NOR",
  "699": "IND",
  "757": "CHE",
  "381": "ITA",
  "899": REST_OF_WORLD,
};

/** The ISO3 code (or WLD / ROW) of a Comtrade reporter or partner code; undefined when it names no country. */
export function toIso3FromComtrade(code: string): string | undefined {
  const trimmed = code.trim().replace(/^0+(?=\d)/, "");
  return COMTRADE_CODES[trimmed] ?? findCountryByM49(trimmed)?.iso3;
}

/**
 * Comtrade partner areas that name no country and no residual of the world: "not elsewhere specified" regions
 * (473 LAIA, 492 Europe EU, 527 Oceania, 568 Other Europe, 577 Other Africa, 636 Rest of America, 637 North and
 * Central America, 697 Europe EFTA, 879 Western Asia), 837 ship stores and bunkers, 838 free zones and 839 special
 * categories. Their rows are left out (and counted), never guessed into a country.
 */
const UNPLACED_AREAS = new Set(["473", "492", "527", "568", "577", "636", "637", "697", "837", "838", "839", "879"]);

export function isUnplacedComtradeArea(code: string): boolean {
  return UNPLACED_AREAS.has(code.trim().replace(/^0+(?=\d)/, ""));
}
