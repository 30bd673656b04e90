// The host apps of e2e/hosts/ and where build.mjs builds them: outside the repository, so that nothing
// they import can come from the repository's own node_modules.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The apps, each a folder of e2e/hosts/ with its package.json and package-lock.json. */
export const HOST_APPS = ['react-19', 'vue-3'];

/** Where build.mjs puts each app (a copy, installed and built): `<WORK_DIR>/<app>/dist` is its build. */
export const WORK_DIR = process.env.HOST_APPS_DIR || join(tmpdir(), 'lead-registration-widget-hosts');

/** The file name an app's package.json installs the packed package from (`file:` + this). */
export const TARBALL = 'lead-registration-widget.tgz';
