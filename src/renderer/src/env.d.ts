/// <reference types="vite/client" />
import type {} from '../../preload/index.d';
