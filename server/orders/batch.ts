/**
 * Calls made in one turn of the event loop, written together: many webhooks answered at once
 * make one statement, not one each. Each call resolves (or rejects) with its batch.
 */
export function batched<T>(
  flush: (items: T[]) => Promise<void>
): (item: T) => Promise<void> {
  let items: T[] = [];
  let pending: Promise<void> | undefined;
  return (item) => {
    items.push(item);
    pending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(
      () => {
        const batch = items;
        items = [];
        pending = undefined;
        return flush(batch);
      }
    );
    return pending;
  };
}

/** `items` grouped by `key`, in the order first seen. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K) {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
