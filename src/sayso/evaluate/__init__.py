"""Scoring predicted analyses against gold ones: attribution pairing, exact spans, field accuracies, denial links
and dates, with the metric definitions of the shared reference scorer (`../shared/tools/score.py`).

    score_documents(gold, pred, text)   counts for one document
    score_paths(gold, pred)             files or folders -> summarised scores
    format_scores(result)               the summary as text, one line per metric
"""

from sayso.evaluate.counts import score_documents
from sayso.evaluate.files import score_paths
from sayso.evaluate.report import format_scores, summarise

__all__ = ["format_scores", "score_documents", "score_paths", "summarise"]
