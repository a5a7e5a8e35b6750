// The indicators the figures are annotated with (each stat's `indicator` id, set in ingest), as
// the data pages name and order them: read from the indicator lexicon, in its order.
import lexicon from "../ingest/lexicon/indicators.json" with { type: "json" };

export interface CatalogIndicator {
  id: string;
  name: string;
  /** Base unit of the level figure ("元", "%", "天" …). */
  unit: string;
}

export const indicatorCatalog: readonly CatalogIndicator[] = lexicon.indicators.map(({ id, name, unit }) => ({
  id,
  name,
  unit,
}));

const byId = new Map(indicatorCatalog.map((i) => [i.id, i]));

export const catalogIndicator = (id: string | undefined): CatalogIndicator | undefined =>
  id === undefined ? undefined : byId.get(id);

/** Indicators worth a place in a report's headline panel, in display order (ids). */
export const HEADLINE: readonly string[] = lexicon.headline;
