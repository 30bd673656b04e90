// Server rendering in Node as it is: no `document`, no `window` (React's renderToString, most frameworks).
// `npm run test:ssr`; see server-rendering.mjs.
import { serverRenderingTests } from './server-rendering.mjs';

serverRenderingTests();
