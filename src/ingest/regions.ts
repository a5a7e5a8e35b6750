// Region names from the lexicon of real administrative divisions (lexicon/regions.json): a title,
// a meeting line, a file name or the body text can only name a place that exists. The words around
// the names (level words, the address, what makes an occasion national) are in lexicon/region-words.json.
import { createPhraseMatcher, type PhraseHit } from "./glossary.ts";
import documentWords from "./lexicon/document.json" with { type: "json" };
import regionWords from "./lexicon/region-words.json" with { type: "json" };
import lexicon from "./lexicon/regions.json" with { type: "json" };
import { alternation, escapeRegex } from "./text.ts";

type Level = "province" | "city" | "county";

interface Place {
  name: string;
  level: Level;
}

const LEVEL_RANK: Record<Level, number> = { province: 0, city: 1, county: 2 };

const SHORT_FORM = new RegExp(
  `^(\\p{Script=Han}{2,}?)(?:\\p{Script=Han}{1,3}族)*(?:${alternation(regionWords.levelSuffixes)})$`,
  "u",
);

/** "河北省" → "河北", "恩施土家族苗族自治州" → "恩施", "海拉尔区" → "海拉尔": how places are often written. */
function shortForm(name: string): string | undefined {
  // The shortest name before the peoples (布依族苗族) and the level word: 黔南, not 黔.
  const short = SHORT_FORM.exec(name)?.[1] ?? name;
  return short.length >= 2 && short !== name ? short : undefined;
}

const places: Place[] = [];
const seen = new Set<string>();
for (const level of ["province", "city", "county"] as const) {
  for (const name of lexicon[level]) {
    if (seen.has(name)) continue;
    seen.add(name);
    places.push({ name, level });
  }
}

/** Short forms that name exactly one place (吉林 is a province and a city: left out). */
function uniqueShortForms(levels: readonly Level[]): Map<string, Place> {
  const byShort = new Map<string, Place | null>();
  for (const place of places) {
    const short = shortForm(place.name);
    if (!short || seen.has(short) || !levels.includes(place.level)) continue;
    byShort.set(short, byShort.has(short) ? null : place);
  }
  return new Map([...byShort].filter((e): e is [string, Place] => e[1] !== null));
}

function matcher(shortLevels: readonly Level[]): (text: string) => PhraseHit<Place>[] {
  const specs = places.map((place) => ({ surface: place.name, value: place }));
  for (const [surface, place] of uniqueShortForms(shortLevels)) specs.push({ surface, value: place });
  return createPhraseMatcher(specs);
}

// Body text uses full names and the short names of provinces and cities; county short names
// ("清苑", "曲阳") are too often ordinary words, so only file names may use them.
const findInText = matcher(["province", "city"]);
let findInNames: ((text: string) => PhraseHit<Place>[]) | undefined;

/** The most specific place a title or heading names: "保定市满城区2021年…" → 满城区. */
export function regionInTitle(title: string): string | undefined {
  let best: Place | undefined;
  for (const hit of findInText(title)) {
    if (!best || LEVEL_RANK[hit.value.level] > LEVEL_RANK[best.level]) best = hit.value;
  }
  return best?.name;
}

/** A place named by a file name ("三亚.txt", "130608_清苑_2024.txt"). */
export function regionInFileName(stem: string): string | undefined {
  findInNames ??= matcher(["province", "city", "county"]);
  let best: Place | undefined;
  for (const hit of findInNames(stem)) {
    if (!best || LEVEL_RANK[hit.value.level] > LEVEL_RANK[best.level]) best = hit.value;
  }
  return best?.name;
}

/**
 * The place a body of text is about: the one it names most often (at least three times). Ties go
 * to the larger unit, since a city's report names each of its counties but itself most.
 */
export function dominantRegion(text: string): string | undefined {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const counts = new Map<Place, number>();
  for (const hit of findInText(sample)) counts.set(hit.value, (counts.get(hit.value) ?? 0) + 1);
  let best: Place | undefined;
  let bestN = 2;
  for (const [place, n] of counts) {
    const better = n > bestN || (n === bestN && best && LEVEL_RANK[place.level] < LEVEL_RANK[best.level]);
    if (better) {
      best = place;
      bestN = n;
    }
  }
  return best?.name;
}

/** National reports (delivered to the 全国人民代表大会, by the 国务院) are about the whole country. */
export const NATIONAL = "全国";
const NATIONAL_OCCASION = new RegExp(
  regionWords.nationalOccasions
    .map((o) => escapeRegex(o.word) + (o.notBefore === undefined ? "" : `(?!${escapeRegex(o.notBefore)})`))
    .join("|"),
  "u",
);

export const isNationalOccasion = (text: string) => NATIONAL_OCCASION.test(text);

/** What the speaker's address says of the government reporting: "我代表徐水区人民政府", "我代表县政府", "我代表国务院". */
export interface AddressedGovernment {
  /** The place it names in full ("徐水区"), or 全国 for the State Council. */
  place?: string;
  /** The level word alone ("县" in "我代表县人民政府"). */
  levelWord?: string;
}

/** The words an address uses for a government's level, and the level each names. */
const LEVEL_OF_WORD = regionWords.levelWords as Readonly<Record<string, Level>>;

const ADDRESS = new RegExp(
  `(?:${alternation(regionWords.onBehalf)})([\\p{Script=Han}]{0,16}?)(?:${alternation(documentWords.governments)})`,
  "u",
);

export function addressedGovernment(text: string): AddressedGovernment | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return undefined;
  if (m[0].endsWith(regionWords.nationalGovernment)) return { place: NATIONAL };
  const named = m[1] as string;
  if (Object.hasOwn(LEVEL_OF_WORD, named)) return { levelWord: named };
  const place = regionInFileName(named);
  if (!place) return undefined;
  // The name as the speaker states it: 清苑县 in 2008, though it is 清苑区 now.
  return { place: shortForm(named) === shortForm(place) ? named : place };
}

/**
 * A region named as the address says it is governed: "清苑区" addressed as "县人民政府" (before
 * it became a district) is 清苑县. A name already ending in the level word stays as it is.
 */
export function regionAtLevel(region: string, levelWord: string): string {
  if (region === NATIONAL || region.endsWith(levelWord)) return region;
  const short = shortForm(region);
  return short ? `${short}${levelWord}` : region;
}

/** Whether a region is at the level a level word names (市 is also a county-level city's word). */
export function sameLevel(region: string, levelWord: string): boolean {
  const place = places.find((p) => p.name === region);
  const level = LEVEL_OF_WORD[levelWord];
  if (!place || !level) return false;
  return place.level === level || (levelWord === "市" && place.level === "county" && region.endsWith("市"));
}
