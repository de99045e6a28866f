/** electron-vite bundles a `?modulePath` import as its own entry and gives back its path (for worker threads). */
declare module '*?modulePath' {
  const path: string
  export default path
}
