// Generates library_days.json: 24 HF Daily Papers entries over three days, for the triage e2e.
// Run: node e2e/data/make-library-days.mjs
import { writeFileSync } from 'node:fs';

const papers = [
  ['Sparse Mixture-of-Experts Scale Reasoning in Small Language Models', 'Wei Zhang, Laura Chen, Omar Haddad', 'We show that sparse mixture-of-experts layers let small language models reason over long chains. With $k=2$ experts per token and a load-balancing loss $\\mathcal{L}_{bal}$, a 1.3B model matches dense 7B baselines on GSM8K.'],
  ['Diffusion Policies for Dexterous Robot Manipulation', 'Ana Garcia, Kenji Tanaka', 'Diffusion policies model multimodal action distributions for dexterous manipulation.\nWe train on 40 hours of teleoperation and deploy on a five-fingered hand.'],
  ['Protein Structure Prediction with Equivariant Transformers', 'Priya Sharma, David Kim, Elif Kaya', 'Equivariant transformers predict protein structure from sequence alone, improving TM-score by 4% over prior work.'],
  ['Retrieval-Augmented Generation Without a Retriever', 'Lukas Weber, Sofia Rossi', 'We replace the retriever in retrieval-augmented generation with the model\'s own key-value cache, cutting latency by half.'],
  ['Scaling Laws for Vision-Language Pretraining Data Quality', 'Jun Yang, Maria Santos, Tom Baker', 'Data quality, not quantity, dominates vision-language scaling: filtering 70% of pairs improves zero-shot accuracy.'],
  ['Contrastive Representation Learning for Time Series Forecasting', 'Hiroshi Sato, Grace Hopper', 'Contrastive pretraining on unlabeled series improves forecasting on eleven benchmarks.'],
  ['Agents That Browse: A Benchmark for Web Navigation', 'Carlos Lopez, Mina Park', 'A benchmark of 2,000 web tasks for language agents, with a reproducible offline browser.'],
  ['Offline Reinforcement Learning from Human Preferences', 'Alan Turing, Ada Lovelace', 'We learn reward models from human preferences and optimise policies offline, avoiding costly online rollouts.'],
  ['Neural Radiance Fields in Real Time on Mobile Devices', 'Pierre Dubois, Camille Laurent', 'Baked neural radiance fields render at 60 fps on phones with a compact hash grid.'],
  ['Graph Neural Networks Meet Large Language Models', 'Xin Li, Ivan Petrov', 'We align graph neural network embeddings with language model tokens for molecule property prediction.'],
  ['Self-Supervised Speech Recognition for 1,000 Languages', 'Fatima Ali, Jonas Fischer', 'A self-supervised speech model covering 1,000 languages with less than one hour of labels each.'],
  ['Weather Forecasting with Graph Transformers at 0.25° Resolution', 'Emma Wilson, Noah Brown', 'Graph transformers forecast global weather ten days ahead, beating operational systems on 90% of targets.'],
  ['Quantized Low-Rank Adapters for On-Device Fine-Tuning', 'Rahul Gupta, Chen Wang', 'Quantized low-rank adapters fine-tune 7B models on a laptop GPU in under an hour.'],
  ['Theorem Proving with Language Models and Lean 4', 'Yuki Suzuki, Marco Ferrari', 'A language model proves 41% of competition problems in Lean 4 using search over tactic states.'],
  ['Video Generation with Latent Diffusion Transformers', 'Olga Ivanova, Jae Choi', 'Latent diffusion transformers generate minute-long videos with consistent characters.'],
  ['Calibrated Uncertainty for Medical Image Segmentation', 'Lucia Martinez, Andrew Scott', 'Conformal prediction gives calibrated uncertainty for segmentation masks in radiology.'],
  ['Open-Vocabulary Object Detection from Captions', 'Ayesha Khan, Mehmet Yilmaz', 'Training detectors from image captions yields open-vocabulary detection without box labels.'],
  ['Program Repair with Execution Feedback', 'Giulia Russo, Sara Nguyen', 'Language models repair programs better when shown execution traces of failing tests.'],
  ['Materials Discovery with Generative Crystal Models', 'Anna Novak, Bob Allen', 'A generative model proposes stable crystals, 12% of which are confirmed by DFT.'],
  ['Long-Context Attention with Linear Memory', 'Daphne Moore, Percy Hall', 'A linear-memory attention kernel processes one million tokens on a single accelerator.'],
  ['Federated Learning under Heavy Client Drift', 'Oriol King, Quoc Young', 'A drift-corrected optimiser makes federated learning converge with non-IID clients.'],
  ['Music Generation from Text with Hierarchical Tokens', 'Kaiming Green, Ross Adams', 'Hierarchical audio tokens let a text-to-music model keep structure over three minutes.'],
  ['Benchmarking Mathematical Reasoning in Multimodal Models', 'Ilya Nelson, Sergey Baker', 'A benchmark of diagram-based math problems exposes gaps in multimodal reasoning.'],
  ['Causal Representation Learning from Interventions', 'Yoshua Campbell, Geoffrey Mitchell', 'We identify causal latent variables from paired interventional data with guarantees.'],
];
const days = ['2026-11-25', '2026-11-26', '2026-11-27'];
const out = papers.map(([title, authors, summary], i) => {
  const day = days[i % 3];
  return {
    paper: {
      id: `2611.${String(10001 + i).padStart(5, '0')}`,
      authors: authors.split(', ').map((name, k) => ({ _id: `a${i}-${k}`, name, hidden: false })),
      publishedAt: `${day}T00:00:00.000Z`,
      submittedOnDailyAt: `${day}T08:00:00.000Z`,
      title,
      summary,
      upvotes: (i * 37) % 140 + 3,
      discussionId: `d${i}`,
      ai_keywords: title.toLowerCase().split(/\s+/).filter((w) => w.length > 6).slice(0, 3),
    },
    publishedAt: `${day}T08:00:00.000Z`,
    title,
    numComments: i % 5,
  };
});
writeFileSync(new URL('./library_days.json', import.meta.url), JSON.stringify(out, null, 1));
