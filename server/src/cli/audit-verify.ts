import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/connect.ts';
import { loadKeys } from '../core/crypto/keys.ts';
import { verifyAuditChain } from '../core/audit/audit-verify.ts';

/** `npm run audit:verify`: exits 1 and names the first altered, removed or inserted entry. */
const config = loadConfig();
const connection = await connect(config);
const result = await verifyAuditChain(connection.db, loadKeys(config.keyFile).audit);
await connection.close();
if (result.ok) {
  console.log(`audit chain intact: ${result.checked} entries`);
} else {
  console.error(`audit chain broken at entry ${result.problem?.seq}: ${result.problem?.kind} — ${result.problem?.message}`);
  process.exit(1);
}
