import { describe, expect, it } from 'vitest';
import { asciiFold, citationKeyBase, postfix, surnameOf, uniqueCitationKey } from './citekey';

describe('citation keys', () => {
  it('are surname + year + first significant title word, ASCII-folded and lower-case', () => {
    expect(citationKeyBase('Ashish Vaswani', 2017, 'Attention Is All You Need')).toBe('vaswani2017attention');
    expect(citationKeyBase('Finnur Ágúst Ingimundarson', 2026, 'The Benchmarks of Benchmarks')).toBe('ingimundarson2026benchmarks');
    expect(citationKeyBase('Nguyễn Thị Ngọc Hương', 2024, 'Ước lượng')).toBe('huong2024uoc');
    expect(citationKeyBase('Ludwig van Beethoven', 1808, 'A Symphony')).toBe('vanbeethoven1808symphony');
    expect(citationKeyBase('Plato', null, 'On the $\\alpha$-Republic')).toBe('platorepublic');
    expect(citationKeyBase(null, 2020, 'Untitled')).toBe('anon2020untitled');
  });

  it('fold letters that do not decompose', () => {
    expect(asciiFold('Søren Kierkegaard, Łukasz, Straße')).toBe('Soren Kierkegaard, Lukasz, Strasse');
  });

  it('find surnames in either name order', () => {
    expect(surnameOf('Le, Quoc V.')).toBe('Le');
    expect(surnameOf('Martin Luther King Jr.')).toBe('King');
  });

  it('get a, b, … z, aa on collision', () => {
    expect([1, 2, 26, 27, 28].map(postfix)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
    const taken = new Set(['smith2020deep', 'smith2020deepa']);
    expect(uniqueCitationKey('smith2020deep', (k) => taken.has(k))).toBe('smith2020deepb');
    expect(uniqueCitationKey('jones2020deep', (k) => taken.has(k))).toBe('jones2020deep');
  });
});
