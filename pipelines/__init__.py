"""The item pipeline stages, in order. A stage that rejects an item quarantines it first.

SEO text comes after the store because it is written for the *job* (all its notices merged),
and only when the job's facts changed.

Scrapy runs the stages through ``pipelines.stage_process``: in a process of their own beside
the crawl, so that storing never slows crawling. ``JOBS_PIPELINE_PROCESS=0`` runs them in the
crawl process instead (the same stages, e.g. to step through one in a debugger).
"""

import os

STAGES = {
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.validate.ValidatePipeline": 200,
    "pipelines.dedupe.DedupePipeline": 300,
    "pipelines.store.StorePipeline": 400,
    "pipelines.seo_text.SeoTextPipeline": 500,
}

if os.environ.get("JOBS_PIPELINE_PROCESS", "1") != "0":
    ITEM_PIPELINES = {"pipelines.stage_process.StageProcessPipeline": 100}
else:
    ITEM_PIPELINES = dict(STAGES)
