import { LocalBackend } from '../../src/backends/local-backend.js';
import { describeBackendContract } from './backend-contract.js';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Blocked only while a connection is open; dispose() closes it, so the deletion completes after.
    request.onblocked = () => undefined;
  });
}

describeBackendContract('LocalBackend', async ({ tier, registrations }) => {
  const name = `lrw-contract-${crypto.randomUUID()}`;
  const backend = new LocalBackend({ tier, name });
  await backend.replaceAll(registrations);
  return {
    backend,
    async teardown() {
      backend.dispose();
      await deleteDatabase(name);
    },
  };
});
