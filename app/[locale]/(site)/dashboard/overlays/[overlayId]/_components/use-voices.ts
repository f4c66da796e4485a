'use client';

import { useEffect, useState } from 'react';

/**
 * The voices this browser offers. Chromium fills the list after the page loads (getVoices() is empty at
 * first) and announces it, and any later change, with `voiceschanged`, so the list is read again then.
 */
export function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);
  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const read = () => setVoices(window.speechSynthesis.getVoices());
    read();
    window.speechSynthesis.addEventListener('voiceschanged', read);
    return () => window.speechSynthesis.removeEventListener('voiceschanged', read);
  }, []);
  return voices;
}
