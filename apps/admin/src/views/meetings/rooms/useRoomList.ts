import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { Room } from '../meetingTypes';

export interface RoomQuery {
  q: string;
  page: number;
  pageSize: number;
}

/** The rooms list (MTG-1): search, paging and the form dialog's state. */
export function useRoomList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList<Room, RoomQuery>(
    { q: '', page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (q) => api.GET('/api/v1/meetings/rooms', { params: { query: { page: q.page, pageSize: q.pageSize, q: q.q.trim() || undefined } } }),
  );
  const dialog = reactive<{ visible: boolean; room: Room | null }>({ visible: false, room: null });

  function openCreate(): void {
    dialog.room = null;
    dialog.visible = true;
  }

  function openEdit(room: Room): void {
    dialog.room = room;
    dialog.visible = true;
  }

  return { query, rows, total, totalCapped, loading, load, search, dialog, openCreate, openEdit };
}
