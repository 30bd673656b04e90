// Server rendering with Lit's global DOM shim installed first (a minimal `document` and `window`, as some
// integrations install it): code that looks for `document` finds one, with little in it. See server-rendering.mjs.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { serverRenderingTests } from './server-rendering.mjs';

serverRenderingTests();
