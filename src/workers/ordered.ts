// Ordered concurrent map: items go through an async function several at a time, and come out in
// input order. At most `window` items are read ahead of the one being handed on, so memory stays
// flat however long the input and whatever order the results finish in.

/**
 * Maps `items` through `fn` with up to `window` calls in flight; yields results in input order.
 * `beforeWait` is called each time it stops reading to wait for the oldest result (the window is
 * full or the input ended): a batching `fn` must settle what it holds back then. `whenDone` is
 * called once, when the input has ended and every call has settled, before the results still
 * held are handed on: what made them (worker threads) can be let go while the consumer works.
 */
export async function* orderedMap<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  fn: (item: T) => Promise<R> | R,
  window: number,
  beforeWait?: () => void,
  whenDone?: () => Promise<void> | void,
): AsyncGenerator<R> {
  const limit = Math.max(1, Math.floor(window));
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : toAsync(items as Iterable<T>);
  const pending: Array<Promise<R>> = [];
  let exhausted = false;
  let done = whenDone === undefined;
  try {
    for (;;) {
      while (!exhausted && pending.length < limit) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        let promise: Promise<R>;
        try {
          promise = Promise.resolve(fn(next.value));
        } catch (e) {
          promise = Promise.reject(e);
        }
        // Rejections are handled when their turn comes; until then they must not count as unhandled.
        promise.catch(() => undefined);
        pending.push(promise);
      }
      const head = pending.shift();
      if (head === undefined) return;
      beforeWait?.();
      if (exhausted && !done) {
        done = true;
        await Promise.allSettled([head, ...pending]);
        await whenDone?.();
      }
      yield await head;
    }
  } finally {
    // Stopped early (an error, or the consumer broke off): let the source release its resources.
    if (!exhausted) await iterator.return?.();
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
