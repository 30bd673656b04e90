import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The package defines the elements when it loads: import it before they first render (App imports it too).
import 'lead-registration-widget';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
