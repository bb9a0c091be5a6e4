import { defineConfig } from 'drizzle-kit';

// Generation only needs the schemas (every schemas/*.schema.ts); both drivers apply the same folder at start-up (storage/warehouse/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './schemas/*.schema.ts',
  out: './schemas/migrations',
});
