// Build step (`npm run build`): packs a fresh PGlite cluster for new warehouse folders (see warehouse-template.ts).
import { buildWarehouseTemplate, warehouseTemplateFile } from './warehouse-template.js';

const bytes = await buildWarehouseTemplate();
process.stdout.write(`warehouse template: ${warehouseTemplateFile()} (${(bytes / 1e6).toFixed(1)} MB)\n`);
