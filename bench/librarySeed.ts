/**
 * A realistic 100,000-paper library for the library benchmark: generated titles, abstracts and
 * authors from a fixed vocabulary (deterministic PRNG), ≥ 20 tags incl. children, notes on 5%,
 * HF days with upvotes on a fifth of the papers. Seeded with prepared statements in one
 * transaction and cached as a file in the temp dir (keyed by SEED_VERSION and migrations).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMigrationsFolder, openLibrary } from '../src/main/db/client';
import { DB_FILE } from '../src/main/library/home';
import { prng } from '../src/shared/prng';
export { prng };

const SEED_VERSION = 4;


const FIRST = `Wei Li Jun Yang Ana Maria Sofia Lukas Emma Noah Aarav Priya Hiroshi Yuki Olga Ivan Fatima Omar Chen Xin Min
  Jae Sara David Maria Carlos Lucia Pierre Camille Giulia Marco Anna Jonas Elif Mehmet Ayesha Rahul Kenji Mina Tom Alice
  Bob Grace Alan Ada Yann Geoffrey Yoshua Fei Andrew Daphne Percy Chelsea Sergey Ilya Oriol Quoc Kaiming Ross Jitendra`.split(/\s+/);
const LAST = `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Smith Johnson Brown Garcia Miller Davis Martinez Lopez Gonzalez
  Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
  Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell
  Carter Roberts Kim Park Choi Tanaka Suzuki Sato Ivanov Petrov Schmidt Schneider Fischer Weber Meyer Rossi Russo Ferrari
  Dubois Moreau Laurent Silva Santos Oliveira Kumar Singh Sharma Patel Gupta Khan Ali Hassan Yilmaz Kaya Novak Horvat`.split(/\s+/);
const METHOD = `Diffusion Transformer Mixture-of-Experts Contrastive Self-Supervised Graph Neural Variational Bayesian Sparse
  Hierarchical Recurrent Convolutional Adversarial Federated Causal Equivariant Autoregressive Retrieval-Augmented
  Multimodal Low-Rank Quantized Distilled Energy-Based Neural-Symbolic Kernel Spectral Implicit Latent Masked
  Curriculum Meta-Learned Prompt-Tuned Instruction-Tuned Preference-Optimized Reinforcement Physics-Informed`.split(/\s+/);
const OBJECT = `Models Networks Agents Policies Representations Embeddings Priors Planners Tokenizers Encoders Decoders Fields
  Operators Critics Rewards Benchmarks Datasets Pipelines Simulators Retrievers`.split(/\s+/);
const TASK = `Image Generation|Protein Folding|Code Synthesis|Machine Translation|Speech Recognition|Robot Manipulation|
  Video Understanding|Mathematical Reasoning|Weather Forecasting|Drug Discovery|3D Reconstruction|Semantic Segmentation|
  Question Answering|Text Summarization|Time Series Forecasting|Molecule Design|Autonomous Driving|Music Generation|
  Medical Imaging|Recommendation|Theorem Proving|Graph Classification|Anomaly Detection|Dialogue Systems|
  Visual Navigation|Quantum Chemistry|Materials Discovery|Document Layout Analysis|Tabular Learning|Object Detection|
  Pose Estimation|Novel View Synthesis|Language Modeling|Program Repair|Knowledge Graph Completion|Sign Language Translation`
  .split('|')
  .map((s) => s.trim());
const TITLE_FORMS = [
  (m: string, o: string, t: string) => `${m} ${o} for ${t}`,
  (m: string, o: string, t: string) => `Scaling ${m} ${o} to ${t}`,
  (m: string, o: string, t: string) => `On the Limits of ${m} ${o} in ${t}`,
  (m: string, o: string, t: string) => `${t} with ${m} ${o}`,
  (m: string, o: string, t: string) => `Towards Robust ${t}: ${m} ${o} at Scale`,
  (m: string, o: string, t: string) => `A Survey of ${m} ${o} for ${t}`,
  (m: string, o: string, t: string) => `Rethinking ${t} through ${m} ${o}`,
];
const SENT = [
  'We study the problem of {t} and show that {m} {o} outperform strong baselines.',
  'Unlike prior work on {x}, we focus on {y} and {z} in {t}.',
  'We identify {y} as a key bottleneck and address it with a {x}-aware objective.',
  'Our analysis connects {y} to {z}, explaining failures observed in {t}.',
  'The approach relies on {y} rather than {z}, which makes it simple to deploy.',
  'Existing approaches to {t} rely on hand-crafted features and fail to generalise beyond the training distribution.',
  'We propose a {m} framework that learns {o} directly from data with a {x} objective.',
  'Our method achieves state-of-the-art results on {n} benchmarks while using {k}x less compute.',
  'Experiments on {t} demonstrate improvements of {p}% over prior work.',
  'We further analyse the {x} behaviour of the learned {o} and find that scale alone does not explain the gains.',
  'Code and pretrained checkpoints are publicly available.',
  'Theoretical analysis shows that the {x} bound is tight under mild assumptions.',
  'We release a new dataset of {k} million examples for {t}.',
  'Ablations reveal that the {m} component is critical for {t}.',
];
const EXTRA = `calibration robustness generalisation efficiency interpretability stability sample-efficiency alignment
  uncertainty fairness compositional zero-shot few-shot long-context multilingual open-vocabulary streaming on-device
  sparsity convergence expressivity identifiability privacy memorisation hallucination faithfulness grounding
  controllability diversity fidelity latency throughput scalability modularity transferability plasticity forgetting
  exploration credit-assignment overfitting underfitting smoothness curvature invariance equivariance symmetry
  disentanglement causality counterfactual distribution-shift covariate-shift label-noise imbalance long-tail
  adversarial-robustness certification verification monotonicity consistency coherence factuality toxicity bias
  reproducibility variance bandwidth quantisation pruning distillation tokenisation vocabulary context-length
  positional-encoding attention-sink kv-cache speculative-decoding beam-search sampling temperature entropy
  perplexity calibration-error reward-hacking sycophancy jailbreaking watermarking provenance deduplication
  contamination annotation crowdsourcing active-learning semi-supervision pseudo-labelling augmentation mixup
  cutmix dropout normalisation initialisation warmup scheduling momentum preconditioning second-order
  hessian jacobian lipschitz spectral-norm manifold topology homology persistence wasserstein optimal-transport
  kernel gaussian-process bayesian-optimisation hyperparameters nas evolutionary swarm annealing lattice
  combinatorial submodular matroid graph-cut message-passing oversmoothing oversquashing rewiring hypergraph
  simplicial sheaf geometric topological molecular crystalline protein-ligand docking retrosynthesis assay
  genomics single-cell transcriptomics proteomics microscopy histopathology radiology ultrasound mri ct ecg eeg
  lidar radar event-camera stereo monocular depth optical-flow tracking slam odometry grasping locomotion
  legged humanoid quadruped drone navigation mapping planning scheduling routing logistics forecasting nowcasting
  downscaling emulation surrogate pde navier-stokes turbulence climate hydrology seismic astronomy cosmology
  particle-physics jets calorimeter lattice-qcd materials alloys catalysis batteries photovoltaics semiconductors`.split(/\s+/);
export const TAGS = [
  'ml', 'ml/rl', 'ml/rl/offline', 'ml/diffusion', 'ml/llm', 'ml/llm/agents', 'ml/llm/reasoning', 'ml/vision',
  'ml/vision/3d', 'ml/graphs', 'bio', 'bio/proteins', 'chem', 'robotics', 'theory', 'to-read', 'reading-group',
  'survey', 'benchmark', 'dataset', 'cite-in-thesis', 'reproduce', 'important', 'weekly/2026-w47',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** Seed `n` papers into a fresh library at `dir`. */
export function seedLibrary(dir: string, n: number): void {
  const lib = openLibrary(dir);
  const s = lib.sqlite;
  const r = prng(20261128);
  const insPaper = s.prepare(
    `INSERT INTO papers (arxiv_id, latest_version, title, abstract, authors_text, published_at, year, primary_category,
       categories, hf_upvotes, hf_featured_on, hf_ai_keywords, state, starred, added_at)
     VALUES (?, 1, ?, ?, ?, ?, ?, 'cs.LG', '["cs.LG"]', ?, ?, ?, ?, ?, ?)`,
  );
  const insTag = s.prepare('INSERT INTO tags (name, path, parent_id, color) VALUES (?, ?, ?, ?)');
  const insPaperTag = s.prepare('INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) VALUES (?, ?)');
  const insNote = s.prepare('INSERT INTO notes (paper_id, body) VALUES (?, ?)');
  const insSource = s.prepare('INSERT OR IGNORE INTO paper_sources (paper_id, source_key) VALUES (?, ?)');
  const colors = ['#3d6df2', '#e5484d', '#30a46c', '#f76b15', '#8e4ec6', '#12a594', '#d6409f', '#ffb224'];
  const start = Date.UTC(2015, 0, 1);
  const end = Date.UTC(2026, 10, 27);
  const day = 86_400_000;
  s.transaction(() => {
    const tagIds = new Map<string, number>();
    TAGS.forEach((path, i) => {
      const parent = path.includes('/') ? tagIds.get(path.slice(0, path.lastIndexOf('/')))! : null;
      tagIds.set(path, Number(insTag.run(path.split('/').pop(), path, parent, colors[i % colors.length]).lastInsertRowid));
    });
    const tagList = [...tagIds.values()];
    for (let i = 0; i < n; i++) {
      const m = pick(r, METHOD);
      const o = pick(r, OBJECT);
      const t = pick(r, TASK);
      const title = pick(r, TITLE_FORMS)(m, o, t);
      const abstract = Array.from({ length: 5 + Math.floor(r() * 4) }, () =>
        pick(r, SENT)
          .replaceAll('{t}', t.toLowerCase())
          .replaceAll('{m}', m.toLowerCase())
          .replaceAll('{o}', o.toLowerCase())
          .replaceAll('{x}', pick(r, EXTRA))
          .replaceAll('{y}', pick(r, EXTRA))
          .replaceAll('{z}', pick(r, EXTRA))
          .replaceAll('{n}', String(2 + Math.floor(r() * 12)))
          .replaceAll('{k}', String(2 + Math.floor(r() * 40)))
          .replaceAll('{p}', (r() * 30).toFixed(1)),
      ).join(' ');
      const authors = Array.from({ length: 1 + Math.floor(r() * 7) }, () => `${pick(r, FIRST)} ${pick(r, LAST)}`).join(', ');
      const t0 = start + Math.floor(r() * ((end - start) / day)) * day;
      const published = new Date(t0).toISOString();
      const featured = r() < 0.2 ? new Date(end - Math.floor(r() * 400) * day).toISOString().slice(0, 10) : null;
      const yy = published.slice(2, 4);
      const mm = published.slice(5, 7);
      const arxivId = `${yy}${mm}.${String(10000 + i).padStart(5, '0')}`;
      const state = pick(r, ['inbox', 'inbox', 'inbox', 'library', 'library', 'reading', 'read', 'read', 'dismissed']);
      const id = Number(
        insPaper.run(arxivId, title, abstract, authors, published, Number(published.slice(0, 4)),
          featured ? Math.floor(r() * r() * 400) : null, featured, JSON.stringify([m.toLowerCase(), t.toLowerCase()]),
          state, r() < 0.06 ? 1 : 0, new Date(end - Math.floor(r() * 900) * day).toISOString()).lastInsertRowid,
      );
      insSource.run(id, featured ? `hf:${featured}` : `arxiv:cat:${pick(r, ['cs.LG', 'cs.CV', 'cs.CL', 'stat.ML'])}`);
      if (r() < 0.35) for (let k = 0; k < 1 + Math.floor(r() * 3); k++) insPaperTag.run(id, pick(r, tagList));
      if (r() < 0.05)
        insNote.run(id, `Key idea: ${m.toLowerCase()} ${o.toLowerCase()} for ${t.toLowerCase()}. Compare with ${pick(r, LAST)} et al.; check the ${pick(r, EXTRA)} ablation.`);
    }
  })();
  s.pragma('optimize');
  lib.close();
}

/** A library folder holding the cached seeded DB (copied, so each run may take the writer lock). */
export function seededLibraryCopy(n: number): { dir: string; seededMs: number | null; cleanup: () => void } {
  const folder = findMigrationsFolder();
  const migrations = readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .reduce((n, f) => n + statSync(join(folder, f)).size, 0);
  const cacheDir = join(tmpdir(), `papershelf-bench-library-v${SEED_VERSION}-${n}-${migrations}`);
  let seededMs: number | null = null;
  if (!existsSync(join(cacheDir, DB_FILE))) {
    const building = `${cacheDir}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const t = performance.now();
    seedLibrary(building, n);
    seededMs = performance.now() - t;
    rmSync(cacheDir, { recursive: true, force: true });
    renameSync(building, cacheDir);
  }
  const dir = join(tmpdir(), `papershelf-bench-run-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(cacheDir, DB_FILE), join(dir, DB_FILE));
  return { dir, seededMs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
