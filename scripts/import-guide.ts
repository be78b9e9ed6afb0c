/**
 * `npm run import:guide -- <fichier.json|fichier.csv>`: imports a data·inclusion file into the
 * service guide and prints the report. Environment as the server: DATABASE_URL (PostgreSQL, any
 * time) or DATA_DIR (the embedded database, only while the server is stopped: its lock file
 * refuses a second process with a clear message). Exit code 0 when the file was read (even
 * with refused rows), 1 when it was refused whole or could not be imported.
 */
import { readFileSync } from 'node:fs';
import { installFrenchValidationMessages } from '../shared/zod-locale';
import { apiErrorCodes } from '../shared/errors';
import { migrate } from '../server/src/db/migrate';
import { openDatabase } from '../server/src/db/open-database';
import { GuideFileError } from '../server/src/guide/guide-file-error';
import { formatImportReport } from '../server/src/guide/format-import-report';
import { importGuide } from '../server/src/guide/import-guide';

const path = process.argv[2];
if (!path) {
  console.error('Usage : npm run import:guide -- <fichier.json|fichier.csv>');
  process.exit(2);
}

installFrenchValidationMessages();
let bytes: Uint8Array;
try {
  bytes = readFileSync(path);
} catch (error) {
  console.error(`Lecture impossible de ${path} : ${(error as Error).message}`);
  process.exit(1);
}

try {
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR || './data',
  });
  try {
    await migrate(db);
    const report = await importGuide(db, bytes, new Date());
    console.info(formatImportReport(report));
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof GuideFileError) {
    console.error(`${apiErrorCodes[error.code]} (${error.code})\n${error.detail}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
