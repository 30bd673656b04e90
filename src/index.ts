// The package's public entry (and the self-contained build's). The element modules add their
// classes and `import './define.js'` here.
export * from './core/index.js';
export { LocalBackend, type LocalBackendOptions } from './backends/local-backend.js';
export { RestBackend, type RestBackendOptions } from './backends/rest-backend.js';
