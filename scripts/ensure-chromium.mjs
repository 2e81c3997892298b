// Browser tests use the system's Chromium and never download one. Where it is
// missing, root installs Debian's package; anyone else is told how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`No Chromium at ${path}; installing Debian's chromium package with apt-get…`);
    execSync('apt-get update -qq && apt-get install -y -qq chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      `The browser tests need Chromium at ${path}, and it is not there.\n` +
        'Install it with:  sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at another Chromium binary.',
    );
    process.exit(1);
  }
}
if (!existsSync(path)) {
  console.error(`Installing Chromium did not produce ${path}.`);
  process.exit(1);
}
