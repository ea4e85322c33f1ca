"""The accurate mode: a cue model learned from PolNeAR's attributions, combined with the rule pipeline.

features (candidate cue tokens and what the parse says about them) -> model (hashed logistic regression, numpy
only at run time) -> votes for `extract_attributions`; data + train rebuild the model from the shared data.
"""

from sayso.learn.model import CueModel, load_cue_model

__all__ = ["CueModel", "load_cue_model"]
