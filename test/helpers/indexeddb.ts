import { createStore, entries } from 'idb-keyval';

/** Everything in the LocalBackend database `name`, read through a connection of its own that is closed afterwards. */
export async function storedEntries(name: string): Promise<Map<IDBValidKey, unknown>> {
  const store = createStore(name, 'registrations');
  const rows = await entries<IDBValidKey, unknown>(store);
  await store('readonly', (objects) => objects.transaction.db.close());
  return new Map(rows);
}

/** The keys of the stored registrations (strings; the store's other records have keys of other types), sorted. */
export function storedRegistrationIds(rows: Map<IDBValidKey, unknown>): string[] {
  return [...rows.keys()].filter((key): key is string => typeof key === 'string').sort();
}

/**
 * Runs `run` and records the keys that IndexedDB object stores are asked to write meanwhile (a
 * `clear()` fails the run: a change must touch only its own keys). Returns `run`'s result with them.
 */
export async function writesDuring<T>(
  run: () => Promise<T>,
): Promise<{ result: T; puts: IDBValidKey[]; deletes: IDBValidKey[] }> {
  const puts: IDBValidKey[] = [];
  const deletes: IDBValidKey[] = [];
  const proto = IDBObjectStore.prototype;
  const { put, delete: remove, clear } = Object.getOwnPropertyDescriptors(proto);
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (key !== undefined) puts.push(key);
    return put.value!.call(this, value, key);
  };
  proto.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    deletes.push(query as IDBValidKey);
    return remove.value!.call(this, query);
  };
  proto.clear = () => {
    throw new Error('A change must not clear the store');
  };
  try {
    return { result: await run(), puts, deletes };
  } finally {
    Object.defineProperties(proto, { put, delete: remove, clear });
  }
}
