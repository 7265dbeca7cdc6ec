// Validates a Teams app manifest against the schema bundled in @microsoft/app-manifest (offline).
// Usage: node check-manifest.js manifest.json   Output: {"errors": [...]}; exit code 1 when there are errors.
'use strict';
const fs = require('fs');
const { AppManifestUtils } = require('@microsoft/app-manifest');

(async () => {
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  process.stdout.write(JSON.stringify({ errors }) + '\n');
  process.exit(errors.length > 0 ? 1 : 0);
})().catch((e) => {
  process.stdout.write(JSON.stringify({ errors: [String(e && e.stack || e)] }) + '\n');
  process.exit(2);
});
