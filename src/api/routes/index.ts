import type { RegisterRoutes } from '../route-context.js';
import { registerMeRoutes } from './me.js';
import { registerWorkRoutes } from './works.js';

/** Every route module of the API. */
export const ROUTES: readonly RegisterRoutes[] = [registerMeRoutes, registerWorkRoutes];
