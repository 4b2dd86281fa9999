// Runs `npm ci` only when node_modules does not match package-lock.json (npm keeps a copy of the lock it installed
// in node_modules/.package-lock.json), so repeated Maven builds do not reinstall the same packages.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('pylon-console: npm ci');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
} else {
  console.log('pylon-console: node_modules up to date');
}
