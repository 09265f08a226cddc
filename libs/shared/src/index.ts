export * from './permissions.js';
export * from './roles.js';
export * from './secrecy.js';
export * from './menu.js';
export * from './errors.js';
export * from './paging.js';
export * from './approvals.js';
export * from './dates.js';
export * from './calendar.js';
export * from './print.js';
export * from './webhooks.js';
export * from './visibility.js';
export * from './documents.js';
export * from './meetings.js';
export * from './meeting-attendance.js';
export * from './retention.js';
export * from './inventory.js';
export * from './outgoing.js';
export * from './gbt9704.js';
export * from './administration.js';
export * from './desensitise.js';
export * from './notices.js';
export * from './archives.js';
export * from './training.js';
export * from './lending.js';
export * from './meeting-minutes.js';
<<<<<<< HEAD
export * from './purchasing.js';
=======
export * from './supplies.js';
>>>>>>> wt-stock
