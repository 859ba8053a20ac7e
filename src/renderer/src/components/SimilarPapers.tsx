/** "Similar papers" in the detail pane: the closest papers in the library and the Inbox, with why. */
import { useEffect } from 'react';
import { loadSimilar, useRecsStore } from '../stores/recsStore';
import { select } from '../stores/libraryStore';
import { Reason, ScoreMeter, STATE_LABEL } from './RecBits';

export function SimilarPapers({ paperId }: { paperId: number }) {
  const similar = useRecsStore((s) => (s.similarFor === paperId ? s.similar : null));
  const error = useRecsStore((s) => (s.similarFor === paperId ? s.similarError : null));
  useEffect(() => {
    void loadSimilar(paperId);
  }, [paperId]);

  return (
    <section className="detail__section similar" aria-labelledby="similar-heading">
      <h2 id="similar-heading">Similar papers</h2>
      {error ? (
        <p className="similar__note" role="alert">
          {error}
        </p>
      ) : similar === null ? (
        <div className="similar__loading" aria-busy>
          <span className="skeleton" style={{ width: '80%' }} />
          <span className="skeleton" style={{ width: '60%' }} />
          <span className="skeleton" style={{ width: '70%' }} />
        </div>
      ) : similar.length === 0 ? (
        <p className="similar__note">Nothing in the library or the Inbox is close to this paper yet.</p>
      ) : (
        <ol className="similar__list" aria-label="Similar papers">
          {similar.map((p) => (
            <li key={p.id}>
              <button type="button" className="similar__item" onClick={() => select(p.id)} data-paper-id={p.id}>
                <span className="similar__top">
                  <span className="similar__title">{p.title}</span>
                  <ScoreMeter value={p.strength} label="Similarity" title={`Cosine similarity ${p.score.toFixed(3)}`} />
                </span>
                <span className="similar__meta">
                  <span className={`rec-state rec-state--${p.state}`}>{STATE_LABEL[p.state]}</span>
                  <Reason p={p} verb="shared" />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
