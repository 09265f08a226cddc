import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.ts'],
      // Element Plus ships .mjs files that import its .css; let Vite transform them.
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
);
