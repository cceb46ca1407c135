// pyfaq.searchFaq results → QuickPick items.

export interface SearchResult {
  title: string;
  doc: string;
  section: string;
  anchor: string;
  url: string;
  score?: number;
}

export interface SearchItem {
  label: string;
  description: string;
  detail?: string;
  /** `doc#anchor`, what pyfaq.openEntry takes. */
  reference: string;
  /** Results are ranked by the server: the picker must not hide or re-filter them. */
  alwaysShow: true;
}

function isResult(value: unknown): value is SearchResult {
  const item = value as Partial<SearchResult> | null;
  return (
    !!item &&
    typeof item.title === "string" &&
    typeof item.doc === "string" &&
    typeof item.anchor === "string" &&
    item.doc !== "" &&
    item.anchor !== ""
  );
}

/** Items for the picker; anything that is not a well-formed result is skipped. */
export function searchItems(results: unknown): SearchItem[] {
  if (!Array.isArray(results)) return [];
  return results.filter(isResult).map((result) => ({
    label: result.title,
    description: result.section ? `${result.doc} · ${result.section}` : result.doc,
    reference: `${result.doc}#${result.anchor}`,
    alwaysShow: true,
  }));
}

/** The query sent to the server, or undefined when there is nothing to search for. */
export function searchQuery(text: string): string | undefined {
  const query = text.trim();
  return query === "" ? undefined : query;
}
