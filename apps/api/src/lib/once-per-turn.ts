/**
 * `read`, asked at most once per turn of the event loop: later calls in the same turn get the answer of the first.
 * The requests handled in one turn were read from their sockets in that turn's poll phase: they were sent before it
 * began (all but, at most, bytes that came in while it ran). Answering them all from what the first saw is answering
 * them as of a moment when they were already on their way: a change completed before the turn's first check is seen
 * by every one of them, and one completed while the turn ran by the requests of the next. What a request sees is at
 * most one turn old (under load, some hundreds of microseconds). Under load, one check serves every request that
 * came in together.
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
