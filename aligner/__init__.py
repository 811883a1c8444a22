"""aligner: sentence alignment of a document's language editions.

Import is cheap: models load on first use. The public API:

- :func:`align_texts`, :func:`align_sentences` -> pandas DataFrame, one row per link;
- :func:`read_document`, :func:`align_documents` for the stages one by one;
- :func:`aligner.encoders.load_encoder` for any supported model.
"""

__version__ = "0.1.0"

from .pipeline import align_documents, align_sentences, align_texts, read_document  # noqa: E402

__all__ = ["align_documents", "align_sentences", "align_texts", "read_document", "__version__"]
