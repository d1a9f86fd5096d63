/** Vite turns imported CSS into a separate file; TypeScript only needs to know the import is fine. */
declare module '*.css';
