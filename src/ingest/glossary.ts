import { parse as parseYaml } from "yaml";
import { z } from "zod";

// The policy glossary (content/glossary.yml): loading, validation and term matching.
// The phrase matcher below is also used by annotate.ts for keyword counts:
// a trie walk costs one Map lookup per character for non-matching positions, so a
// 10k-character paragraph is matched in a fraction of a millisecond regardless of
// how many phrases the lexicon holds.

export interface PhraseHit<T> {
  start: number;
  end: number;
  surface: string;
  value: T;
}

export interface PhraseSpec<T> {
  surface: string;
  value: T;
  /** Only a match when the phrase stands inside quotation marks (“两新”), for short ambiguous jargon. */
  quotedOnly?: boolean;
  /** A longer string that contains the phrase but means something else (三资企业 vs “三资”): consumed, never reported. */
  block?: boolean;
}

interface Terminal<T> {
  value: T;
  quotedOnly: boolean;
  block: boolean;
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  terminal?: Terminal<T>;
}

const OPEN_QUOTES = new Set(["“", '"', "‘", "'", "「", "『", "《"]);
const CLOSE_QUOTES = new Set(["”", '"', "’", "'", "」", "』", "》"]);
const ASCII_WORD = /[A-Za-z0-9]/;

function isQuoted(text: string, start: number, end: number): boolean {
  return OPEN_QUOTES.has(text.charAt(start - 1)) && CLOSE_QUOTES.has(text.charAt(end));
}

/** ASCII phrases ("GDP", "PPP") must not match inside a longer ASCII word. */
function asciiBoundaryOk(text: string, surface: string, start: number, end: number): boolean {
  if (ASCII_WORD.test(surface.charAt(0)) && ASCII_WORD.test(text.charAt(start - 1))) return false;
  if (ASCII_WORD.test(surface.charAt(surface.length - 1)) && ASCII_WORD.test(text.charAt(end))) {
    return false;
  }
  return true;
}

/**
 * Builds a matcher. Throws when two specs share a surface (the caller decides what that means).
 */
export function createPhraseMatcher<T>(specs: readonly PhraseSpec<T>[]): (text: string) => PhraseHit<T>[] {
  const root: TrieNode<T> = { next: new Map() };
  for (const spec of specs) {
    if (spec.surface.length === 0) throw new Error("empty phrase");
    let node = root;
    for (let i = 0; i < spec.surface.length; i++) {
      const code = spec.surface.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.terminal) throw new Error(`duplicate phrase "${spec.surface}"`);
    node.terminal = {
      value: spec.value,
      quotedOnly: spec.quotedOnly === true,
      block: spec.block === true,
    };
  }

  return (text: string): PhraseHit<T>[] => {
    const hits: PhraseHit<T>[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      let node = root.next.get(text.charCodeAt(i));
      if (!node) {
        i++;
        continue;
      }
      let bestEnd = -1;
      let best: Terminal<T> | undefined;
      let j = i + 1;
      while (node) {
        const t = node.terminal;
        if (t) {
          const surface = text.slice(i, j);
          if ((!t.quotedOnly || isQuoted(text, i, j)) && asciiBoundaryOk(text, surface, i, j)) {
            bestEnd = j;
            best = t;
          }
        }
        if (j >= n) break;
        node = node.next.get(text.charCodeAt(j));
        j++;
      }
      if (!best) {
        i++;
        continue;
      }
      if (!best.block) {
        hits.push({ start: i, end: bestEnd, surface: text.slice(i, bestEnd), value: best.value });
      }
      i = bestEnd;
    }
    return hits;
  };
}

const entrySchema = z
  .object({
    term: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).optional(),
    explain: z.string().trim().min(8),
    category: z.string().trim().min(1).optional(),
    /** Longer strings containing the term that mean something else; never reported as hits. */
    avoid: z.array(z.string().trim().min(1)).optional(),
    /**
     * Surfaces that count only between quotation marks (“两新”, “三保”): short jargon that is
     * ambiguous as plain text. May name the term itself or add quoted-only aliases.
     */
    quoted: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof entrySchema>;

export interface TermHit {
  start: number;
  end: number;
  /** The entry's canonical term. */
  term: string;
  /** The text as it stands in the input (the term or one of its aliases). */
  surface: string;
}

/** Term, aliases, then quoted-only surfaces not already listed (a quoted entry may restrict the term). */
function surfacesOf(entry: GlossaryEntry): string[] {
  const plain = [entry.term, ...(entry.aliases ?? [])];
  return [...plain, ...(entry.quoted ?? []).filter((q) => !plain.includes(q))];
}

function describe(raw: unknown, index: number): string {
  const term =
    raw !== null && typeof raw === "object" && "term" in raw && typeof raw.term === "string"
      ? ` "${raw.term}"`
      : "";
  return `glossary entry #${index + 1}${term}`;
}

/**
 * Parses and validates glossary YAML: a list of entries, or `{ terms: [...] }`.
 * Throws an Error naming the offending entry; a surface (term or alias) used twice is an error.
 */
export function loadGlossary(yamlText: string): GlossaryEntry[] {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (err) {
    throw new Error(`glossary: invalid YAML: ${(err as Error).message}`);
  }
  const list =
    doc !== null && typeof doc === "object" && !Array.isArray(doc) && "terms" in doc ? doc.terms : doc;
  if (!Array.isArray(list)) throw new Error("glossary: expected a list of entries (or `terms:` list)");

  const entries: GlossaryEntry[] = [];
  const owner = new Map<string, string>();
  list.forEach((raw: unknown, index) => {
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
      throw new Error(`${describe(raw, index)}${where}: ${issue?.message ?? "invalid"}`);
    }
    const entry = parsed.data;
    for (const surface of surfacesOf(entry)) {
      const prev = owner.get(surface);
      if (prev !== undefined) {
        const what = prev === entry.term ? "is listed twice" : `is already used by "${prev}"`;
        throw new Error(`${describe(raw, index)}: "${surface}" ${what}`);
      }
      owner.set(surface, entry.term);
    }
    entries.push(entry);
  });
  for (const entry of entries) {
    for (const avoid of entry.avoid ?? []) {
      if (owner.has(avoid)) {
        throw new Error(`glossary entry "${entry.term}": avoid "${avoid}" is itself a glossary term`);
      }
      if (!surfacesOf(entry).some((surface) => avoid.includes(surface))) {
        throw new Error(`glossary entry "${entry.term}": avoid "${avoid}" does not contain the term`);
      }
    }
  }
  return entries;
}

/** Leftmost-longest, non-overlapping glossary hits; a term never matches inside a longer term. */
export function createTermMatcher(entries: readonly GlossaryEntry[]): (text: string) => TermHit[] {
  const specs: PhraseSpec<string | null>[] = [];
  const avoided = new Set<string>();
  for (const entry of entries) {
    const quoted = new Set(entry.quoted ?? []);
    for (const surface of surfacesOf(entry)) {
      specs.push({ surface, value: entry.term, quotedOnly: quoted.has(surface) });
    }
    for (const avoid of entry.avoid ?? []) {
      if (avoided.has(avoid)) continue;
      avoided.add(avoid);
      specs.push({ surface: avoid, value: null, block: true });
    }
  }
  const match = createPhraseMatcher(specs);
  return (text: string): TermHit[] => {
    const hits: TermHit[] = [];
    for (const hit of match(text)) {
      if (hit.value !== null) {
        hits.push({ start: hit.start, end: hit.end, term: hit.value, surface: hit.surface });
      }
    }
    return hits;
  };
}

export type FindTerms = (text: string) => TermHit[];

/** The term finder of a glossary file's text, its matcher built on first use (none: finds nothing). */
export function termFinder(source: string | undefined): FindTerms {
  let find: FindTerms | undefined;
  return (text) => {
    find ??= createTermMatcher(source === undefined ? [] : loadGlossary(source));
    return find(text);
  };
}
