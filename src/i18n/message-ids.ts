/**
 * Every message id, sorted: the order in which a built locale chunk lists its messages, which then
 * holds no ids of its own (some 750 bytes gzipped each). The build writes the list here
 * (vite.config.ts, positionalCatalogs); in the sources it is empty, and a locale module is a keyed object.
 * Loaded beside a locale's chunk, never by an English page.
 */
export default [] as readonly string[];
