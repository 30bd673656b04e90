import { createApp } from 'vue';
// The package defines the elements when it loads.
import 'lead-registration-widget';
import App from './App.vue';

createApp(App).mount('#app');
