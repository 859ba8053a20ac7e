/**
 * A synthetic but realistic corpus for the recommendation tests, the benchmark and e2e seeding:
 * papers from distinct research topics, each written from that topic's vocabulary mixed with
 * generic ML prose, cross-topic noise and long-tail rare words, with topic-specific author pools
 * (a few authors publish across topics). Deterministic for a given seed.
 */
import type { WriteDb } from '../db/client';
import { upsertListings, type Listing } from '../library/listings';
import { prng } from './classifier';

export interface Topic {
  tag: string;
  /** Title patterns; `{X}`/`{Y}` are replaced with topic phrases. */
  titles: string[];
  phrases: string[];
  words: string[];
  authors: string[];
}

export const TOPICS: Topic[] = [
  {
    tag: 'diffusion',
    titles: ['{X} for {Y}', 'Scaling {X} with {Y}', 'Fast {X} via {Y}', 'Towards Better {X}: {Y}', 'Rethinking {X} in {Y}'],
    phrases: ['denoising diffusion', 'score matching', 'latent diffusion', 'text-to-image generation', 'classifier-free guidance',
      'noise schedule', 'image synthesis', 'consistency models', 'flow matching', 'sampling steps', 'image editing', 'video generation'],
    words: ['diffusion', 'denoising', 'generative', 'sampler', 'noise', 'pixel', 'image', 'images', 'synthesis', 'guidance',
      'unet', 'latent', 'fidelity', 'fid', 'inpainting', 'reverse', 'stochastic', 'ode', 'sde', 'prior', 'texture', 'resolution'],
    authors: ['Jonathan Ho', 'Yang Song', 'Robin Rombach', 'Patrick Esser', 'Tim Salimans', 'Prafulla Dhariwal',
      'Chenlin Meng', 'Jiaming Song', 'Tero Karras', 'Miika Aittala'],
  },
  {
    tag: 'rl',
    titles: ['{X} with {Y}', 'Offline {X} through {Y}', 'Sample-Efficient {X}', 'On the Stability of {X}', '{X} Meets {Y}'],
    phrases: ['policy gradient', 'reinforcement learning', 'value function', 'reward shaping', 'offline reinforcement learning',
      'model-based planning', 'exploration bonus', 'actor critic', 'multi-agent coordination', 'q-learning', 'markov decision process', 'continuous control'],
    words: ['agent', 'agents', 'reward', 'rewards', 'policy', 'policies', 'environment', 'episode', 'trajectory', 'trajectories',
      'exploration', 'bellman', 'return', 'mujoco', 'atari', 'robot', 'locomotion', 'critic', 'actor', 'bootstrapping', 'horizon', 'regret'],
    authors: ['Sergey Levine', 'Pieter Abbeel', 'Chelsea Finn', 'David Silver', 'Richard Sutton', 'Aviral Kumar',
      'Tuomas Haarnoja', 'Marc Bellemare', 'Doina Precup', 'Scott Fujimoto'],
  },
  {
    tag: 'llm-reasoning',
    titles: ['{X} Improves {Y}', 'Teaching Language Models {X}', '{X}: Eliciting {Y} in Large Language Models', 'Self-Improving {X}', 'When Does {X} Help {Y}?'],
    phrases: ['chain-of-thought prompting', 'large language models', 'mathematical reasoning', 'instruction tuning', 'in-context learning',
      'process reward models', 'self-consistency', 'tool use', 'test-time compute', 'verifier', 'multi-step reasoning', 'code generation'],
    words: ['llm', 'llms', 'prompt', 'prompting', 'reasoning', 'tokens', 'token', 'gsm8k', 'math', 'benchmark', 'answer', 'answers',
      'rationale', 'instruction', 'decoding', 'pretrained', 'finetuning', 'verifier', 'solution', 'arithmetic', 'logical', 'problem'],
    authors: ['Jason Wei', 'Denny Zhou', 'Xuezhi Wang', 'Quoc Le', 'Percy Liang', 'Noah Goodman', 'Karl Cobbe',
      'Hunter Lightman', 'Shunyu Yao', 'Eric Zelikman'],
  },
  {
    tag: 'graphs',
    titles: ['{X} on {Y}', 'Equivariant {X} for {Y}', 'Expressive {X}', 'Beyond {X}: {Y}', 'Scalable {X} for Molecular {Y}'],
    phrases: ['graph neural networks', 'message passing', 'molecular property prediction', 'node classification', 'graph transformers',
      'over-smoothing', 'protein structure', 'link prediction', 'equivariant networks', 'drug discovery', 'knowledge graphs', 'graph isomorphism'],
    words: ['graph', 'graphs', 'node', 'nodes', 'edge', 'edges', 'molecule', 'molecules', 'molecular', 'atom', 'atoms',
      'protein', 'proteins', 'adjacency', 'neighborhood', 'aggregation', 'chemical', 'topology', 'spectral', 'weisfeiler', 'lehman', 'ligand'],
    authors: ['Petar Velickovic', 'Jure Leskovec', 'Michael Bronstein', 'Thomas Kipf', 'Max Welling', 'William Hamilton',
      'Keyulu Xu', 'Stefanie Jegelka', 'Regina Barzilay', 'Tommi Jaakkola'],
  },
  {
    tag: 'speech',
    titles: ['{X} for {Y}', 'Robust {X} in Noisy {Y}', 'End-to-End {X}', 'Self-Supervised {X} from {Y}', 'Streaming {X}'],
    phrases: ['speech recognition', 'text-to-speech', 'speaker verification', 'self-supervised speech', 'acoustic model',
      'audio tokenizer', 'voice conversion', 'spoken language understanding', 'speech enhancement', 'low-resource languages', 'neural vocoder', 'word error rate'],
    words: ['speech', 'audio', 'acoustic', 'speaker', 'speakers', 'waveform', 'spectrogram', 'mel', 'phoneme', 'phonemes',
      'asr', 'tts', 'utterance', 'utterances', 'prosody', 'vocoder', 'noisy', 'wer', 'librispeech', 'transcription', 'listening', 'voice'],
    authors: ['Alexei Baevski', 'Michael Auli', 'Tara Sainath', 'Navdeep Jaitly', 'Heiga Zen', 'Yu Zhang',
      'James Glass', 'Shinji Watanabe', 'Abdelrahman Mohamed', 'Wei-Ning Hsu'],
  },
];

const GENERIC = ['model', 'models', 'training', 'performance', 'state-of-the-art', 'framework', 'architecture', 'neural',
  'network', 'networks', 'dataset', 'datasets', 'evaluation', 'experiments', 'baseline', 'baselines', 'efficient', 'scalable',
  'transformer', 'attention', 'representation', 'representations', 'learning', 'deep', 'objective', 'loss', 'benchmarks',
  'generalization', 'robustness', 'analysis', 'theoretical', 'empirical', 'accuracy', 'parameters', 'computational', 'cost'];
const GENERIC_AUTHORS = ['Wei Zhang', 'Li Wang', 'Yi Chen', 'Hao Liu', 'Jun Li', 'Maria Garcia', 'Anna Schmidt', 'Kenji Tanaka',
  'Priya Sharma', 'Omar Hassan', 'Lucas Martin', 'Sofia Rossi'];
const SENTENCES = [
  'We introduce {P} that leverages {W} and {W} to improve {G} {G}.',
  'Existing {P} methods struggle with {W} {W}, limiting {G}.',
  'Our {G} combines {P} with {P}, yielding strong {G} on {W} tasks.',
  'Experiments on {W} {G} show that {P} outperforms prior {G} by a wide margin.',
  'We further analyze the {W} of {P} and provide {G} insights into {W} {W}.',
  'The key idea is to treat {W} as {W}, which makes {P} {G} and {G}.',
  'Code and {G} for {P} are released to support {G} research on {W}.',
  'A {G} study reveals that {W} {W} matters more than {G} {G}.',
];

function pick<T>(xs: readonly T[], rand: () => number): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'tren', 'vax', 'por', 'sel', 'quin', 'dra', 'fu', 'zen', 'bri', 'mol', 'tav', 'rix', 'ne'];
/** A rare pseudo-word (long-tail vocabulary: names of datasets, methods, acronyms). */
function rareWord(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(SYLLABLES, rand);
  return w;
}

/** Share of a paper's topical phrases and words drawn from another topic. */
export const NOISE = 0.35;

export interface SyntheticPaper {
  listing: Listing;
  topic: number;
}

/** `count` papers spread over the topics (round-robin), arXiv ids `2601.<n>` from `firstNumber`. */
export function syntheticPapers(count: number, seed = 1, firstNumber = 1, noise = NOISE): SyntheticPaper[] {
  const rand = prng(seed);
  const out: SyntheticPaper[] = [];
  for (let i = 0; i < count; i++) {
    const topic = i % TOPICS.length;
    const t = TOPICS[topic]!;
    // Cross-topic noise: a share of phrases and words come from a neighbouring topic.
    const other = TOPICS[(topic + 1 + Math.floor(rand() * (TOPICS.length - 1))) % TOPICS.length]!;
    const phrase = () => (rand() < noise ? pick(other.phrases, rand) : pick(t.phrases, rand));
    const word = () => (rand() < noise ? pick(other.words, rand) : rand() < 0.1 ? rareWord(rand) : pick(t.words, rand));
    const fill = (s: string) =>
      s.replace(/\{P\}/g, phrase).replace(/\{W\}/g, word).replace(/\{G\}/g, () => pick(GENERIC, rand));
    const cap = (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase());
    const title = pick(t.titles, rand).replace('{X}', cap(phrase())).replace('{Y}', cap(phrase()));
    const nSent = 5 + Math.floor(rand() * 4);
    const sentences: string[] = [];
    for (let k = 0; k < nSent; k++) sentences.push(fill(pick(SENTENCES, rand)));
    const names = new Set<string>();
    const nAuthors = 2 + Math.floor(rand() * 4);
    while (names.size < nAuthors) {
      const r = rand();
      names.add(r < 0.45 ? pick(t.authors, rand) : r < 0.6 ? pick(other.authors, rand) : pick(GENERIC_AUTHORS, rand));
    }
    const num = firstNumber + i;
    const day = 1 + (num % 28);
    out.push({
      topic,
      listing: {
        arxivId: `2601.${String(num).padStart(5, '0')}`,
        version: 1,
        title,
        abstract: sentences.map((s) => s[0]!.toUpperCase() + s.slice(1)).join(' '),
        authors: [...names].map((name) => ({ name })),
        publishedAt: `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`,
        hf: { aiKeywords: [phrase(), phrase(), word()] },
        authoritative: true,
      },
    });
  }
  return out;
}

export interface SeededLibrary {
  /** Tag id per topic index. */
  tagIds: number[];
  /** Topic index per paper id. */
  topicOf: Map<number, number>;
  /** Paper ids tagged (training set), per topic. */
  tagged: number[][];
}

/**
 * Insert `perTopic` papers per topic; the first `taggedPerTopic` of each topic are moved to the
 * library and tagged with the topic's tag, the rest stay in the Inbox (the held-out set).
 */
export function seedTopicLibrary(db: WriteDb, perTopic: number, taggedPerTopic: number, seed = 1, noise = NOISE): SeededLibrary {
  const papers = syntheticPapers(perTopic * TOPICS.length, seed, 1, noise);
  const { ids } = upsertListings(db, papers.map((p) => p.listing), { sourceKey: 'test:synthetic' });
  const sqlite = db.$client;
  const insTag = sqlite.prepare('INSERT INTO tags (name, path) VALUES (?, ?)');
  const insPt = sqlite.prepare('INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, ?)');
  const toLibrary = sqlite.prepare("UPDATE papers SET state = 'library' WHERE id = ?");
  const topicOf = new Map<number, number>();
  const tagged: number[][] = TOPICS.map(() => []);
  const tagIds = TOPICS.map((t) => Number(insTag.run(t.tag, t.tag).lastInsertRowid));
  sqlite.transaction(() => {
    papers.forEach((p, i) => {
      const id = ids[i]!;
      topicOf.set(id, p.topic);
      if (tagged[p.topic]!.length < taggedPerTopic) {
        tagged[p.topic]!.push(id);
        insPt.run(id, tagIds[p.topic]!);
        toLibrary.run(id);
      }
    });
  })();
  return { tagIds, topicOf, tagged };
}
