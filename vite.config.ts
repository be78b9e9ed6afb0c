import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The PWA build. The service worker (src/sw.ts) is our own code with the precache manifest
 * injected, so offline behaviour is written and tested here, not generated. Registration and
 * the update prompt live in src/pwa/ (workbox-window), never automatic reloads.
 */
/** Shown in the app's footer; a test builds two versions to check updates keep the outbox. */
const BUILD_ID = process.env.DK_BUILD_ID ?? new Date().toISOString().slice(0, 16).replace('T', ' ');

export default defineConfig({
  define: {
    __APP_BUILD__: JSON.stringify(BUILD_ID),
  },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,json}'],
      },
      manifest: {
        id: '/',
        name: 'Dernier Kilomètre — Maisons des Solidarités',
        short_name: 'Dernier Km',
        description: 'Visites à domicile, dossiers et orientations, même sans réseau.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#005f73',
        categories: ['government', 'productivity', 'medical'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
