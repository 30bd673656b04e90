import type { Plugin } from 'vite';

/** The one export that carries what the lazily loaded chunks share with the entry. */
export const INTERNAL_EXPORT: '__internal';
/** Keeps the self-contained entry's exports to its public API (see internal-exports.mjs). */
export function internalExports(options: { entryFileName: string }): Plugin;
