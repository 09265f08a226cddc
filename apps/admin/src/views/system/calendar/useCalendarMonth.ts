import { computed, reactive, ref } from 'vue';
import { schoolDateOf, type IsoDate } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { CalendarDay, TeachingWeek } from '../../../api/platformTypes';
import { dayMarking, markedByDate, monthStart, monthViewRange } from './calendarPresentation';

/** The month view (PLT-10): the month shown, its marked days, the teaching week of today, the day dialog. */
export function useCalendarMonth() {
  const today = schoolDateOf(new Date());
  /** Any date of the month shown, YYYY-MM-DD. */
  const month = ref<IsoDate>(monthStart(today));
  const days = ref<CalendarDay[]>([]);
  const marked = computed(() => markedByDate(days.value));
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/calendar/days', { params: { query: monthViewRange(month.value) } });
      if (!data) {
        notifyApiError(error);
        return;
      }
      days.value = data;
    } finally {
      loading.value = false;
    }
  }

  function showMonth(date: IsoDate): void {
    const start = monthStart(date);
    if (start === month.value) return;
    month.value = start;
    void load();
  }

  function step(months: number): void {
    showMonth(monthStart(month.value, months));
  }

  function marking(date: IsoDate) {
    return dayMarking(date, marked.value);
  }

  /** Merges what PUT /calendar/days answered (the marked days across the span touched). */
  function applySaved(span: { from: IsoDate; to: IsoDate }, answer: CalendarDay[]): void {
    const outside = days.value.filter((day) => day.date < span.from || day.date > span.to);
    days.value = [...outside, ...answer.filter((day) => day.date >= span.from && day.date <= span.to)];
  }

  const todayWeek = ref<TeachingWeek | null>(null);

  async function loadTeachingWeek(): Promise<void> {
    const { data } = await api.GET('/api/v1/calendar/teaching-week');
    todayWeek.value = data ?? null;
  }

  const dayEditor = reactive({ visible: false, date: today as IsoDate });

  function openDay(date: IsoDate): void {
    dayEditor.date = date;
    dayEditor.visible = true;
  }

  return {
    today,
    month,
    days,
    marked,
    loading,
    load,
    showMonth,
    step,
    marking,
    applySaved,
    todayWeek,
    loadTeachingWeek,
    dayEditor,
    openDay,
  };
}
