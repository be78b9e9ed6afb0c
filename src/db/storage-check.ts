/**
 * Private browsing or a sandboxed iframe may have no IndexedDB at all (Enketo and Safari
 * users hit this). Detected at start so the agent is told plainly, before typing anything.
 */
export async function canUseIndexedDB(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('dernier-km-probe');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    return true;
  } catch {
    return false;
  }
}
