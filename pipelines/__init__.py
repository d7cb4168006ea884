"""The item pipeline stages, in order: thin Scrapy classes over ``core.ingest``.

A stage that rejects an item quarantines it first. SEO text comes after the store because it is
written for the *job* (all its notices merged), and only when the job's facts changed. The item
itself passes through unchanged (``scrapy crawl X -O file`` exports what the spider yielded);
what the stages make of it travels beside it (``pipelines.stage``) and ends in stats and logs.
"""

ITEM_PIPELINES = {
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.llm_facts.LlmFactsPipeline": 150,  # only with OPENAI_BASE_URL / OPENAI_API_KEY
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.dedupe.DedupePipeline": 300,
    "pipelines.store.StorePipeline": 400,
    "pipelines.seo_text.SeoTextPipeline": 500,
}
