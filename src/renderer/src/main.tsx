import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles load before every component's own, so components can refine them.
import './styles/controls.css';
import './styles/menus.css';
import { App } from './App';
import { applyTheme } from './stores/uiStore';
import './styles/theme.css';
import './styles/app.css';

applyTheme();
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
