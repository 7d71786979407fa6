// The app lives behind sign-in, so it is a client-rendered SPA that Nitro serves; Nitro also proxies /api/* to the backend.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  ssr: false,
  telemetry: false,
  devtools: { enabled: false },
  css: ['~/assets/css/main.css'],
  app: {
    head: {
      title: 'Churnlens',
      htmlAttrs: { lang: 'en' },
      meta: [
        { name: 'description', content: 'See which customers are drifting toward churn, and why.' },
        { name: 'color-scheme', content: 'light' },
      ],
    },
  },
  // Server-only; override at run time with NUXT_BACKEND_URL and NUXT_TRUSTED_PROXIES (addresses or CIDR
  // ranges of the proxies in front of this server, comma-separated; empty trusts none).
  runtimeConfig: { backendUrl: 'http://127.0.0.1:3001', trustedProxies: '' },
  typescript: { strict: true },
})
