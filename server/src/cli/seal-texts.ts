import { loadConfig } from '../core/config.ts';
import { createContext } from '../core/bootstrap.ts';
import { sealStoredTexts } from '../core/db/seal-stored-texts.ts';
import { MODULES } from '../modules/index.ts';

/** `npm run pii:seal-texts`: seals numbers typed into free text by rows older than sealing (SECURITY.md 30); idempotent. */
const { ctx, connection } = await createContext(loadConfig(), MODULES);
console.log(JSON.stringify(await sealStoredTexts(ctx, MODULES)));
await connection.close();
