import { describe, expect, it } from 'vitest';
import { authorToken, docTerms, normalize, stem } from './tokenize';
import { hashTerm, hashedCounts } from './vectors';

describe('tokenizer', () => {
  it('folds case and accents', () => {
    expect(normalize('Schrödinger’s CAFÉ')).toBe('schrodinger’s cafe');
  });

  it('stems plurals only', () => {
    expect(['networks', 'policies', 'classes', 'analysis', 'gaussians', 'bus'].map(stem)).toEqual([
      'network', 'policy', 'class', 'analysis', 'gaussian', 'bus',
    ]);
  });

  it('makes unigrams and bigrams of content words, never across stopwords or punctuation', () => {
    const t = docTerms({ title: 'Graph Neural Networks for the Molecules. Diffusion', abstract: null, authorsText: '', keywords: [] });
    expect([...t.keys()].sort()).toEqual(
      ['diffusion', 'graph', 'graph neural', 'molecule', 'network', 'neural', 'neural network'].sort(),
    );
  });

  it('keeps hyphenated phrases together and drops numbers and stopwords', () => {
    const t = docTerms({ title: '', abstract: "Flow-matching samplers' 2024 results with the model’s priors", authorsText: '', keywords: [] });
    expect(t.has('flow matching')).toBe(true);
    expect(t.has('matching sampler')).toBe(true);
    expect(t.has('2024')).toBe(false);
    expect(t.has('the')).toBe(false);
    expect(t.get('model')).toBe(1); // model’s → models → model
    expect(t.has('prior')).toBe(true);
  });

  it('weighs titles and keywords above abstract words, and adds author tokens', () => {
    const t = docTerms({ title: 'Diffusion', abstract: 'diffusion', authorsText: 'Yann LeCun, José Álvarez', keywords: ['Diffusion'] });
    expect(t.get('diffusion')).toBe(3 + 1 + 2);
    expect(t.has('a:lecun')).toBe(true);
    expect(t.has('a:alvarez')).toBe(true);
    expect(authorToken('  ')).toBeNull();
  });

  it('hashes bigrams in the fast path exactly as their strings', () => {
    const doc = { title: 'Denoising diffusion models', abstract: null, authorsText: 'Jonathan Ho', keywords: [] };
    const fast = [...hashedCounts(doc).cols];
    const slow = [...new Set([...docTerms(doc).keys()].map(hashTerm))].sort((a, b) => a - b);
    expect(fast).toEqual(slow);
  });
});
