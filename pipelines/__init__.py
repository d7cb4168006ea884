"""The item pipeline stages, in order. A stage that rejects an item quarantines it first.

SEO text comes after the store because it is written for the *job* (all its notices merged),
and only when the job's facts changed.
"""

ITEM_PIPELINES = {
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.dedupe.DedupePipeline": 300,
    "pipelines.store.StorePipeline": 400,
    "pipelines.seo_text.SeoTextPipeline": 500,
}
