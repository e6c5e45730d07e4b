/** Distinct ids in ascending order (a typed array sorts numbers without a comparator). */
export function sortedIds(ids: Iterable<number>): number[] {
  const distinct = ids instanceof Set ? (ids as Set<number>) : new Set(ids);
  const sorted = new Float64Array(distinct.size);
  let i = 0;
  for (const id of distinct) sorted[i++] = id;
  sorted.sort();
  const list = new Array<number>(sorted.length);
  for (let k = 0; k < sorted.length; k++) list[k] = sorted[k]!;
  return list;
}
