import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import elementEn from 'element-plus/es/locale/lang/en';
import zhCN, { type MessageSchema } from '../locales/zh-CN';
import en from '../locales/en';

/** The panel's languages, first one the default (ARCHITECTURE.md: zh-CN first, en second). */
export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';

const LOCALE_STORAGE_KEY = 'xiaoban.locale';

const ELEMENT_LOCALES = { 'zh-CN': elementZhCn, en: elementEn } as const;

function isAppLocale(value: unknown): value is AppLocale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The language chosen earlier on this browser, else the default. */
export function storedLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    // Storage may be unavailable (private mode, sandboxed frames): fall back to the default.
    return DEFAULT_LOCALE;
  }
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
});

/** Switches the whole panel, Element Plus included, and remembers the choice. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch itself still applies.
  }
  document.documentElement.lang = locale;
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value;
}

/** Reactive locale state for components. */
export function useAppLocale() {
  const locale = computed(() => i18n.global.locale.value);
  const elementLocale = computed(() => ELEMENT_LOCALES[locale.value]);
  return { locale, elementLocale, setLocale, locales: LOCALES };
}
