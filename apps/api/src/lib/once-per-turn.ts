/**
 * `read`, asked at most once per turn of the event loop: later calls in the same turn get the answer of the first.
 * Every request handled in one turn arrived before the turn began (its bytes were read from its socket in that
 * turn's poll), so all of them may be answered from what the first saw: a change completed before the turn began is
 * seen by every one, and one completed while the turn ran is seen by the next turn's requests, as it would be if
 * they had been answered a moment sooner. Under load, one check then serves every request that came in together.
 */
export function oncePerTurn<T>(read: () => T): () => T {
  let fresh = false;
  let value: T;
  const expire = () => {
    fresh = false;
  };
  return () => {
    if (fresh) return value;
    value = read();
    fresh = true;
    setImmediate(expire);
    return value;
  };
}
