import { defineConfig } from 'vite';

// No React plugin: Vite's own transform compiles the JSX (the automatic runtime); the plugin adds Fast
// Refresh for development, which this build does not need.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { sourcemap: false },
});
