import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; both drivers apply the same folder at start-up (storage/warehouse/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './schemas/warehouse.schema.ts',
  out: './schemas/migrations',
});
