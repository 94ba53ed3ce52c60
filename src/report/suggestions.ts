/** The suggestions as a reader sees them in one line: quoted, best first; an empty one is a deletion. */
export function describeSuggestions(suggestions: string[]): string {
  return suggestions.map((s) => (s === "" ? "(delete)" : `"${s}"`)).join(" or ");
}
