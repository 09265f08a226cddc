import {
  EVENT_LOGISTICS_ERRORS,
  EVENT_STATUS_LABELS,
  EVENT_MATERIAL_STATUS_LABELS,
  type EventStatus,
  type EventMaterialStatus,
} from '@xiaoban/shared';
import { conflict } from '../../../platform/http/api-error';

export const eventIllegalStatus = (from: EventStatus, to: EventStatus) =>
  conflict(
    EVENT_LOGISTICS_ERRORS.EVENT_ILLEGAL_STATUS,
    `An event that is ${EVENT_STATUS_LABELS[from].en.toLowerCase()} cannot become ${EVENT_STATUS_LABELS[to].en.toLowerCase()}`,
  );

export const eventLocked = () =>
  conflict(EVENT_LOGISTICS_ERRORS.EVENT_LOCKED, 'This part of the event no longer changes in its present status');

export const materialIllegalAction = (action: string, line: EventMaterialStatus, event: EventStatus) =>
  conflict(
    EVENT_LOGISTICS_ERRORS.EVENT_MATERIAL_ILLEGAL_ACTION,
    `A ${EVENT_MATERIAL_STATUS_LABELS[line].en.toLowerCase()} line of a ${EVENT_STATUS_LABELS[event].en.toLowerCase()} event cannot take "${action}"`,
  );

/** 409 listing the lines still to be accounted for, under `materials`. */
export const linesUnaccounted = (lines: string[]) =>
  conflict(EVENT_LOGISTICS_ERRORS.EVENT_LINES_UNACCOUNTED, `${lines.length} line(s) are not accounted for`, { materials: lines });

export const cellTaken = (row: number, col: number) =>
  conflict(EVENT_LOGISTICS_ERRORS.EVENT_LAYOUT_CELL_TAKEN, `The cell at row ${row}, column ${col} holds a piece already`, {
    col: ['this cell is taken'],
  });
