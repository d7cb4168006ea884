"""Facts from a notice's official documents, each with its evidence (document, page, quote).

Pure: bytes or text in, data out.

- ``document``: the JSON record a document travels in (RawJob ``documents``);
  ``pdf_reader``, ``html_reader``, ``reader`` make one; ``readable`` says when text cannot be used.
- ``facts``: a fact with its evidence, and the views of a document the rules read.
- the rules, one concern each: ``advertisement``, ``dates_window``, ``ages``, ``fees``, ``pay``,
  ``posts``, ``qualification``, ``selection``, ``links``; ``notice_facts`` runs them all.
- ``overlay``: the document facts over the listing's in ``normalise_job``.
- ``llm_answer``: the prompt and the check of an LLM's answer (the client is in ``core.llm``).
- ``heading``: the line a document is known by when no listing names it.
"""
