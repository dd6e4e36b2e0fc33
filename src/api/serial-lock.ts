/**
 * Runs tasks one at a time per key object, in call order. The audit chain reads the last hash and
 * appends the next entry; two requests doing that at once on the shared connection would fork
 * the chain, so appends go through this lock.
 */
export function createSerialLock(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
