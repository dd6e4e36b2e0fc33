import type { RegisterRoutes } from '../route-context.js';
import { registerAuditRoutes } from './audit.js';
import { registerClaimRoutes } from './claims.js';
import { registerDistributionRoutes } from './distributions.js';
import { registerIdentificationRoutes } from './identification.js';
import { registerMeRoutes } from './me.js';
import { registerRepertoireLinkRoutes } from './repertoire-links.js';
import { registerReportRoutes } from './reports.js';
import { registerReviewRoutes } from './review.js';
import { registerUploadRoutes } from './uploads.js';
import { registerWorkRoutes } from './works.js';
import { registerQuarantineRoutes } from './quarantine.js';
import { registerStatementPdfRoutes } from './statement-pdf.js';
import { registerWorkRegistrationRoutes } from './work-registrations.js';

/** Every route module of the API. */
export const ROUTES: readonly RegisterRoutes[] = [
  registerMeRoutes,
  registerWorkRoutes,
  registerRepertoireLinkRoutes,
  registerReportRoutes,
  registerIdentificationRoutes,
  registerReviewRoutes,
  registerClaimRoutes,
  registerDistributionRoutes,
  registerAuditRoutes,
  registerUploadRoutes,
  registerQuarantineRoutes, // the web console's routes (issue 9)
  registerStatementPdfRoutes,
  registerWorkRegistrationRoutes,
];
