"""aligner: sentence alignment of a document's language editions, with divergence findings.

Import is cheap: models load on first use. The library API lives in
:mod:`aligner.api` (what the command line and ``batch`` call too):

- :func:`align_texts`, :func:`align_sentences` (:mod:`aligner.helpers`) -> pandas DataFrame, one row per link;
- :func:`check_texts` (:mod:`aligner.helpers`): a check of texts, ``.frame()`` its findings as a DataFrame;
- :func:`read_editions`, :func:`check`, :func:`check_bitext`, and in :mod:`aligner.api`
  ``align`` and the ``render_*`` functions, for the stages one by one
  (``aligner.align`` is the alignment package, so the API's ``align`` stays in ``api``);
- :class:`InputError` for every problem with the input.
"""

from .api import align_documents, check, check_bitext, read_document, read_editions
from .helpers import align_sentences, align_texts, check_texts
from .errors import InputError
from .version import __version__

__all__ = ["InputError", "__version__", "align_documents", "align_sentences", "align_texts",
           "check", "check_bitext", "check_texts", "read_document", "read_editions"]
