export * from './permissions.js';
export * from './roles.js';
export * from './secrecy.js';
export * from './menu.js';
export * from './errors.js';
export * from './paging.js';
export * from './approvals.js';
