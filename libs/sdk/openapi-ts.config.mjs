// Generates the typed Depot client from the committed OpenAPI document (`npm run sdk:generate`).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

export default {
  input: join(here, 'openapi.json'),
  output: { path: process.env.DEPOT_SDK_OUT ?? join(here, 'src', 'generated'), clean: true },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
};
