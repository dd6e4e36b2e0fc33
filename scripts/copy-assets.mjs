// Copies the non-TypeScript assets the compiled code reads at run time (SQL migrations, JSON tables).
import { cpSync, existsSync } from 'node:fs';

for (const dir of ['src/warehouse/migrations', 'src/warehouse/sql', 'src/domain/territory/data']) {
  if (existsSync(dir)) cpSync(dir, `dist/${dir}`, { recursive: true, filter: (p) => !p.endsWith('.ts') });
}
