import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The widget's tags are custom elements, not Vue components (docs/embedding.md, "In Vue").
const WIDGET_TAGS = /^(lead-registration-card|capacity-(manager|meter|provider))$/;

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => WIDGET_TAGS.test(tag) } } })],
  build: { sourcemap: false },
});
