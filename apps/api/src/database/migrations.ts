import { Foundation1796401340772 } from './migrations/1796401340772-Foundation';
import { WorkflowPlatform1796402758704 } from './migrations/1796402758704-WorkflowPlatform';

/** Every migration, in order. A new migration is added here as well as in migrations/. */
export const MIGRATIONS = [Foundation1796401340772, WorkflowPlatform1796402758704];
