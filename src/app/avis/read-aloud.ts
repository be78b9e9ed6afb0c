/** Whether this browser can read text aloud (Web Speech API); the button shows only then. */
export function canReadAloud(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/** Reads `text` aloud in French, stopping what was being read. */
export function readAloud(text: string): void {
  if (!canReadAloud()) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'fr-FR';
  utterance.rate = 0.9; // a little slower than default: easier to follow
  window.speechSynthesis.speak(utterance);
}
