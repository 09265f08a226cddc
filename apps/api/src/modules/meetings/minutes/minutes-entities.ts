import { CoordinationDepartment, CoordinationSeries } from '../coordination/coordination.entity';
import { MeetingResolution, MeetingResolutionTask, MeetingResolutionTaskUpdate } from '../resolutions/resolution.entity';
import { MeetingMinutes, MeetingMinutesFeedback } from './minutes.entity';

/** The tables of minutes (MTG-8), resolutions (MTG-9) and coordination meetings (ADM-1), for ENTITIES. */
export const MEETING_MINUTES_ENTITIES = [
  MeetingMinutes,
  MeetingMinutesFeedback,
  MeetingResolution,
  MeetingResolutionTask,
  MeetingResolutionTaskUpdate,
  CoordinationSeries,
  CoordinationDepartment,
];
