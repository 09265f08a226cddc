import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN';
import en from './en';
import { ALL_PERMISSIONS, MENU } from '@xiaoban/shared';
import { i18n, setLocale, LOCALES } from '../i18n';

type Messages = { [key: string]: string | Messages };

function leafKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function messageAt(messages: Messages, path: string): string {
  return path.split('.').reduce<string | Messages>((node, key) => (node as Messages)[key]!, messages) as string;
}

const HAN = /\p{Script=Han}/u;

describe('locales', () => {
  it('PLT-10 zh-CN and en have exactly the same keys, none of them empty', () => {
    const zhKeys = leafKeys(zhCN).sort();
    const enKeys = leafKeys(en).sort();
    expect(enKeys).toEqual(zhKeys);
    for (const key of zhKeys) {
      expect(messageAt(zhCN, key).trim(), `zh-CN ${key}`).not.toBe('');
      expect(messageAt(en, key).trim(), `en ${key}`).not.toBe('');
    }
  });

  it('PLT-10 every message compiles and fills all its placeholders in both languages', () => {
    for (const locale of LOCALES) {
      setLocale(locale);
      for (const key of leafKeys(zhCN)) {
        const source = messageAt(locale === 'en' ? en : zhCN, key);
        const named = Object.fromEntries([...source.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 1]));
        const rendered = i18n.global.t(key, named);
        expect(rendered, `${locale} ${key}`).not.toBe(key);
        expect(rendered, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('PLT-10 every menu label and permission area of the shared catalogue has a text in both languages', () => {
    const keys = [
      ...MENU.flatMap((module) => [module.labelKey, ...module.items.map((item) => item.labelKey)]),
      ...new Set(ALL_PERMISSIONS.map((permission) => `permissionAreas.${permission.split('.')[0]}`)),
    ];
    const known = new Set(leafKeys(zhCN));
    expect(keys.filter((key) => !known.has(key))).toEqual([]);
  });

  it('PLT-10 English text carries no Chinese except the names of languages', () => {
    for (const key of leafKeys(en)) {
      if (key.startsWith('language.')) continue;
      expect(messageAt(en, key), key).not.toMatch(HAN);
    }
  });

  it('PLT-10 no component or script holds a Chinese literal: all text goes through vue-i18n', () => {
    const sources = import.meta.glob(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts', '!../locales/**', '!../**/*.d.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const offenders = Object.entries(sources)
      .filter(([, text]) => HAN.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
