"""Stage 150: the facts the rules missed in a notice's official documents, from an LLM (optional).

With neither ``OPENAI_BASE_URL`` nor ``OPENAI_API_KEY`` the stage passes every item on untouched:
the rule-based facts stand alone and no call is made. With one, each readable document is asked
about once — the answer is cached by the document's hash, so an unchanged recrawl makes no call
— off the reactor thread, and only facts the check finds in the document are taken
(``core.llm.fact_filler``).
"""

from __future__ import annotations

import asyncio

from core.llm.fact_filler import FactFiller
from pipelines.stage import PipelineStage


class LlmFactsPipeline(PipelineStage):
    def __init__(self, crawler, filler: FactFiller | None = None):
        super().__init__(crawler)
        self.filler = filler or FactFiller.from_env(self.stats)

    async def process_item(self, item):
        notice = self.notice(item)
        if self.filler is not None and notice.facts is not None and notice.raw.get("documents"):
            notice.facts = await asyncio.to_thread(self.filler.fill, notice.facts, notice.raw)
        return item
