// What the embedded font can print, and how text is fitted to it.
import { describe, expect, it } from 'vitest';
import { TextFitter, fontCoverage, toBase64 } from '../../../shared/report';
import { reportFonts } from './fixture';

describe('font coverage', () => {
  const coverage = fontCoverage(reportFonts().regular);

  it('covers Latin, Latin Extended, Greek and Cyrillic, and not CJK or math letters', () => {
    for (const text of ['Zürich', 'Łódź Ærø', 'Ελλάδα', 'Москва', '□', '→ × …']) {
      for (const c of text) expect(coverage.has(c.codePointAt(0)!), c).toBe(true);
    }
    for (const c of ['漢', '𝔘', '🦀', 'क']) expect(coverage.has(c.codePointAt(0)!), c).toBe(false);
  });

  it('refuses a file that is not a TrueType font', () => {
    expect(() => fontCoverage(new TextEncoder().encode('not a font at all'))).toThrow(/not a TrueType font/);
  });
});

describe('text fitting', () => {
  const fitter = () => new TextFitter(fontCoverage(reportFonts().regular));

  it('keeps what the font has and replaces the rest with a visible box, counting each', () => {
    const f = fitter();
    expect(f.fit('Zürich Ελλάδα Москва')).toBe('Zürich Ελλάδα Москва');
    expect(f.replaced).toBe(0);
    expect(f.fit('Spoofed 𝔘 badge 漢字')).toBe('Spoofed □ badge □□');
    expect(f.replaced).toBe(3);
    // The same text printed again counts again: the count is of characters on the page.
    f.fit('Spoofed 𝔘 badge 漢字');
    expect(f.replaced).toBe(6);
    expect(f.samples).toEqual(['𝔘', '漢', '字']);
  });

  it('turns tabs and control characters into spaces and drops format characters the font lacks', () => {
    // A font with printable ASCII and the box only, so what is missing is known.
    const ascii = new Set([...Array.from({ length: 95 }, (_, i) => i + 32), '□'.codePointAt(0)!]);
    const f = new TextFitter(ascii);
    expect(f.fit('a\tb\u0007c\nd')).toBe('a b c\nd');
    expect(f.fit('x\ufe0f y\u200d')).toBe('x y');
    expect(f.replaced).toBe(0);
    expect(f.fit('é')).toBe('□');
    expect(f.replaced).toBe(1);
  });

  it('falls back to ? when the font has no box either', () => {
    const f = new TextFitter(new Set([...'abc '].map((c) => c.codePointAt(0)!)));
    expect(f.fit('a é b')).toBe('a ? b');
  });
});

describe('base64', () => {
  it('matches node for every padding length', () => {
    for (const bytes of [[], [1], [1, 2], [1, 2, 3], [255, 0, 128, 64, 32]]) {
      const u = Uint8Array.from(bytes);
      expect(toBase64(u)).toBe(Buffer.from(u).toString('base64'));
    }
    const font = reportFonts().bold;
    expect(toBase64(font)).toBe(Buffer.from(font).toString('base64'));
  });
});
