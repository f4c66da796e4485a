// Sound and speech for gift alerts, made in the browser: a short chime from Web Audio oscillators (no
// audio files to host) and the system's text-to-speech. OBS browser sources may play audio without a
// click; an ordinary browser tab may refuse until the page is clicked, which is harmless.

import type { Locale } from '@/lib/i18n/locales';
import { pickVoice, SPEECH_TAGS } from '@/lib/overlays/speech';

let audio: AudioContext | null = null;

/** A rising three-note chime at `volume` (0–1). */
export function playChime(volume: number): void {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function' || volume <= 0) return;
  try {
    audio ??= new window.AudioContext();
    const ctx = audio;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.03;
    const master = ctx.createGain();
    master.gain.value = Math.min(1, volume) * 0.45;
    master.connect(ctx.destination);
    for (const [frequency, delay] of [
      [880, 0],
      [1318.5, 0.11],
      [1760, 0.22],
    ] as const) {
      const oscillator = ctx.createOscillator();
      const envelope = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      envelope.gain.setValueAtTime(0.0001, start + delay);
      envelope.gain.exponentialRampToValueAtTime(1, start + delay + 0.02);
      envelope.gain.exponentialRampToValueAtTime(0.0001, start + delay + 0.9);
      oscillator.connect(envelope).connect(master);
      oscillator.start(start + delay);
      oscillator.stop(start + delay + 1);
    }
  } catch {
    // No audio device, or audio blocked: the alert still shows.
  }
}

export type SpeechOptions = { locale: Locale; voice: string; rate: number; volume: number };

/** Reads `text` aloud in `locale` (queued after anything still being spoken), with the chosen voice when this browser has it. */
export function speak(text: string, options: SpeechOptions): void {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || options.volume <= 0 || !text) return;
  try {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = SPEECH_TAGS[options.locale];
    const voice = pickVoice(window.speechSynthesis.getVoices(), options.locale, options.voice);
    if (voice) utterance.voice = voice;
    utterance.rate = Math.min(2, Math.max(0.5, options.rate));
    utterance.volume = Math.min(1, options.volume);
    window.speechSynthesis.speak(utterance);
  } catch {
    // Speech unavailable: the alert still shows.
  }
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
}
