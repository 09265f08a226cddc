import { computed, ref } from 'vue';
import { schoolDateOf } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Availability } from '../meetingTypes';
import { shiftDate, viewDates, type CalendarView } from '../calendarGrid';

/** The booking calendar's state (MTG-1): the day or week shown, the room of the week view, the rooms' bookings. */
export function useAvailability() {
  const view = ref<CalendarView>('day');
  const date = ref<string>(schoolDateOf(new Date()));
  const roomId = ref<string | null>(null);
  const availability = ref<Availability | null>(null);
  const loading = ref(false);

  const dates = computed(() => viewDates(date.value, view.value));
  /** The day view shows every room side by side; the week view one room's seven days. */
  const rooms = computed(() => availability.value?.rooms ?? []);
  const weekRoom = computed(() => rooms.value.find((r) => r.room.id === roomId.value) ?? rooms.value[0] ?? null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/meetings/availability', { params: { query: { date: date.value, view: view.value } } });
      if (!data) {
        notifyApiError(error);
        return;
      }
      availability.value = data;
      if (!roomId.value && data.rooms[0]) roomId.value = data.rooms[0].room.id;
    } finally {
      loading.value = false;
    }
  }

  function move(direction: 1 | -1): void {
    date.value = shiftDate(date.value, view.value, direction);
    void load();
  }

  function today(): void {
    date.value = schoolDateOf(new Date());
    void load();
  }

  return { view, date, roomId, availability, loading, dates, rooms, weekRoom, load, move, today };
}
