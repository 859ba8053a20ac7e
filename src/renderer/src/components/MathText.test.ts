import { describe, expect, it } from 'vitest';
import { plainTeX } from './MathText';

describe('plainTeX', () => {
  it('shows escaped characters of arXiv abstracts as themselves', () => {
    expect(plainTeX('achieving 95.8\\% reproduction, R\\&D and a\\_b')).toBe('achieving 95.8% reproduction, R&D and a_b');
  });
  it('leaves other backslashes alone', () => {
    expect(plainTeX('\\emph{x} and \\alpha')).toBe('\\emph{x} and \\alpha');
  });
});
