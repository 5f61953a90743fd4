// npm run contract: writes the types and validators generated from docs/schema.
import { writeFileSync } from 'node:fs';
import { generatedFiles, repoPath } from './generated-files';

for (const file of await generatedFiles()) {
  writeFileSync(repoPath(file.path), file.text);
  console.log(`wrote ${file.path}`);
}
