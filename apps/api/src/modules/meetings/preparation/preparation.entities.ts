import { MeetingMaterial, MeetingMaterialReceipt } from '../materials/material.entity';
import { MeetingNote, MeetingNoteTaker } from '../notes/note.entity';
import { MeetingChecklist, MeetingEquipmentTest } from './preparation.entity';

/** The entities of meeting preparation, materials and notes (MTG-4, MTG-5, MTG-7), for the app's entity list. */
export const MEETING_PREPARATION_ENTITIES = [
  MeetingChecklist,
  MeetingEquipmentTest,
  MeetingMaterial,
  MeetingMaterialReceipt,
  MeetingNoteTaker,
  MeetingNote,
];
