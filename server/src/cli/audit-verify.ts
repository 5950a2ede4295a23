import { loadConfig } from '../core/config.ts';
import { connect } from '../core/db/connect.ts';
import { keySource, loadKeys, MissingKeyError, type Keys } from '../core/crypto/keys.ts';
import { verifyAuditChain } from '../core/audit/audit-verify.ts';
import { readAnchors } from '../core/audit/audit-anchors.ts';
import { keyMatchesAuditLog } from '../core/audit/key-check.ts';

/**
 * `npm run audit:verify`: exits 1 and names the first altered, removed or inserted entry, the
 * truncation of the newest entries against the latest anchor, or a forged anchor; exits 2 when the
 * master key is missing or is not the one the log was written with (issue 15 findings 7, 14). It never
 * creates a key.
 */
const config = loadConfig();
let keys: Keys;
try {
  keys = loadKeys(config.keyFile);
} catch (err) {
  if (!(err instanceof MissingKeyError)) throw err;
  console.error(`${err.message}. The audit chain can only be checked with the key it was written with; no key was created.`);
  process.exit(2);
}
const connection = await connect(config);
try {
  if ((await keyMatchesAuditLog(connection.db, keys.audit)) === 'mismatch') {
    console.error(
      `${keySource(config.keyFile)} does not match this audit log: neither its first nor its newest entry verifies with it. Use the master key the data was written with.`,
    );
    process.exitCode = 2;
  } else {
    const anchors = readAnchors(config.auditAnchorFile, keys.anchor);
    if (!anchors.ok) {
      console.error(`audit anchors broken: ${anchors.message}`);
      process.exitCode = 1;
    } else {
      const result = await verifyAuditChain(connection.db, keys.audit, anchors.anchors);
      if (result.ok) {
        console.log(`audit chain intact: ${result.checked} entries (${anchors.anchors.length} anchors checked)`);
      } else {
        console.error(`audit chain broken at entry ${result.problem?.seq}: ${result.problem?.kind} — ${result.problem?.message}`);
        process.exitCode = 1;
      }
    }
  }
} finally {
  await connection.close();
}
