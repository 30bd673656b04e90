import { LocalBackend } from '../../src/backends/local-backend.js';
import { describeBackendContract } from './backend-contract.js';
import { deleteDatabase } from '../helpers/backends.js';

describeBackendContract('LocalBackend', async ({ tier, registrations, policy }) => {
  const name = `lrw-contract-${crypto.randomUUID()}`;
  const backend = new LocalBackend({ tier, name, ...(policy && { policy }) });
  await backend.replaceAll(registrations);
  return {
    backend,
    async teardown() {
      backend.dispose();
      await deleteDatabase(name);
    },
  };
});
