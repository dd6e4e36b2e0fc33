/**
 * api: the HTTP API (Fastify, OpenAPI 3.1), its accounts and keys, and the audit trail.
 * @module
 */
export { buildApi, type ApiOptions } from './build-api.js';
export { ROLES, isRole, type Role, type Principal } from './principal.js';
export { createUser, findUser, listUsers, revokeUser, type User, type NewUser } from './users.js';
export { createApiKey, listApiKeys, revokeApiKey, authenticate, type ApiKey, type CreatedApiKey, type AuthFailure } from './api-keys.js';
export {
  appendAuditEvent,
  listAuditEvents,
  verifyAuditTrail,
  hashAuditEntry,
  GENESIS_HASH,
  type AuditEvent,
  type NewAuditEvent,
  type AuditFilter,
  type AuditVerification,
} from './audit-trail.js';
export { seedDemoAccounts, type DemoAccount } from './seed-demo-accounts.js';
