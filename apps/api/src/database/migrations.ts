import { Foundation1796401340772 } from './migrations/1796401340772-Foundation';
import { WorkflowPlatform1796402758704 } from './migrations/1796402758704-WorkflowPlatform';
import { Backups1796403659699 } from './migrations/1796403659699-Backups';
import { SchoolCalendar1796403925922 } from './migrations/1796403925922-SchoolCalendar';
import { FilesAndAccess1796403967835 } from './migrations/1796403967835-FilesAndAccess';
import { Integration1796404082161 } from './migrations/1796404082161-Integration';
import { IncomingDocuments1796405432988 } from './migrations/1796405432988-IncomingDocuments';
import { Meetings1796409758788 } from './migrations/1796409758788-Meetings';
import { DocumentTexts1796409789078 } from './migrations/1796409789078-DocumentTexts';
import { Retention1796409932869 } from './migrations/1796409932869-Retention';
import { OutgoingDocuments1796410111573 } from './migrations/1796410111573-OutgoingDocuments';
import { Administration1796412067559 } from './migrations/1796412067559-Administration';
import { IncomingListIndexes1796416500000 } from './migrations/1796416500000-IncomingListIndexes';
import { InformationNameLists1796419875285 } from './migrations/1796419875285-InformationNameLists';
import { Notices1796421775540 } from './migrations/1796421775540-Notices';
import { Archives1796500000000 } from './migrations/1796500000000-Archives';
import { LendingAndTraining1796510000000 } from './migrations/1796510000000-LendingAndTraining';
import { MeetingPreparation1796520000000 } from './migrations/1796520000000-MeetingPreparation';
import { MeetingMinutes1796530000000 } from './migrations/1796530000000-MeetingMinutes';
import { SuppliesLedger1796540000000 } from './migrations/1796540000000-SuppliesLedger';
import { SuppliesDistribution1796545000000 } from './migrations/1796545000000-SuppliesDistribution';
import { Purchasing1796550000000 } from './migrations/1796550000000-Purchasing';
import { Maintenance1796560000000 } from './migrations/1796560000000-Maintenance';
import { EventLogistics1796570000000 } from './migrations/1796570000000-EventLogistics';
import { BulletinBoards1796580000000 } from './migrations/1796580000000-BulletinBoards';
import { Reception1796590000000 } from './migrations/1796590000000-Reception';
import { Suggestions1796610000000 } from './migrations/1796610000000-Suggestions';
import { Questionnaires1796620000000 } from './migrations/1796620000000-Questionnaires';
import { Evaluations1796630000000 } from './migrations/1796630000000-Evaluations';
import { Improvement1796640000000 } from './migrations/1796640000000-Improvement';
import { MonthlySummaries1796650000000 } from './migrations/1796650000000-MonthlySummaries';
import { BodyTextCandidates1796660000000 } from './migrations/1796660000000-BodyTextCandidates';
import { BodyTextMatches1796670000000 } from './migrations/1796670000000-BodyTextMatches';

/** Every migration, in order. A new migration is added here as well as in migrations/. */
export const MIGRATIONS = [
  Foundation1796401340772,
  WorkflowPlatform1796402758704,
  Backups1796403659699,
  SchoolCalendar1796403925922,
  FilesAndAccess1796403967835,
  Integration1796404082161,
  IncomingDocuments1796405432988,
  Meetings1796409758788,
  DocumentTexts1796409789078,
  Retention1796409932869,
  OutgoingDocuments1796410111573,
  Administration1796412067559,
  IncomingListIndexes1796416500000,
  InformationNameLists1796419875285,
  Notices1796421775540,
  Archives1796500000000,
  LendingAndTraining1796510000000,
  MeetingPreparation1796520000000,
  MeetingMinutes1796530000000,
  SuppliesLedger1796540000000,
  SuppliesDistribution1796545000000,
  Purchasing1796550000000,
  Maintenance1796560000000,
  EventLogistics1796570000000,
  BulletinBoards1796580000000,
  Reception1796590000000,
  Suggestions1796610000000,
  Questionnaires1796620000000,
  Evaluations1796630000000,
  Improvement1796640000000,
  MonthlySummaries1796650000000,
  BodyTextCandidates1796660000000,
  BodyTextMatches1796670000000,
];
