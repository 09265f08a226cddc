import { onMounted, onUnmounted, ref, type Ref } from 'vue';

/**
 * Whether the panel is shown on a phone-sized screen. Teachers open repair requests, meeting
 * sign-in and questionnaires on their phones, where a fixed 208-pixel sidebar would leave little
 * room for the page; the layout folds the menu into a drawer below this width.
 */
export const NARROW_SCREEN_QUERY = '(max-width: 768px)';

export function useNarrowScreen(): Ref<boolean> {
  const narrow = ref(typeof window !== 'undefined' && window.matchMedia(NARROW_SCREEN_QUERY).matches);
  let media: MediaQueryList | undefined;
  const update = (event: MediaQueryListEvent): void => {
    narrow.value = event.matches;
  };
  onMounted(() => {
    media = window.matchMedia(NARROW_SCREEN_QUERY);
    narrow.value = media.matches;
    media.addEventListener('change', update);
  });
  onUnmounted(() => media?.removeEventListener('change', update));
  return narrow;
}
