/**
 * The governor only accepts descriptions that name their proposer: `...#proposer=0x<address>` at the very end,
 * the address in lower-case hex (OpenZeppelin's suffix, mandatory here), so nobody can front-run a proposal with
 * a copy and cancel it. Returns `description` with `proposer`'s suffix appended, unless it already ends with it.
 */
export function boundDescription(description: string, proposer: string): string {
  const suffix = `#proposer=${proposer.toLowerCase()}`;
  return description.endsWith(suffix) ? description : description + suffix;
}
