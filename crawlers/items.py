"""RawJob: what a spider saw, as raw text and URLs. Parsing happens in ``pipelines.normalise``."""

import scrapy


class RawJob(scrapy.Item):
    # Where it came from
    source = scrapy.Field()  # spider name (slug)
    source_kind = scrapy.Field()  # "official" | "aggregator"
    source_url = scrapy.Field()  # absolute URL of the page (or feed entry) the notice is on
    organisation = scrapy.Field()  # as the source names it
    department = scrapy.Field()
    state = scrapy.Field()  # state code (UP, HR…) or None for central bodies
    category = scrapy.Field()  # SSC, UPSC, Railway, Bank, Defence, Police, Teaching, State PSC…

    # The notice, as raw text
    title = scrapy.Field()
    notice_kind = scrapy.Field()  # the source's own label for the kind of notice, if it has one
    notice_date = scrapy.Field()  # raw date text ("17-03-2018")
    expires = scrapy.Field()  # raw "visible upto" text
    advt_no = scrapy.Field()  # raw advertisement / CEN number text
    summary = scrapy.Field()  # short description text
    body_text = scrapy.Field()  # the rest of the notice's text (a detail page, a PDF)
    # The notice's documents as followed (its detail page, its notification PDF): a list of
    # records {"url", "kind", "pages", "tables", "problem", …} (core.domain.extract.document)
    documents = scrapy.Field()
    pdf_text = scrapy.Field()  # older crawls only: the notice PDF's text, now in documents

    # Sections as the source splits them (aggregator detail pages)
    important_dates = scrapy.Field()  # list of "Label : value" lines
    application_fee = scrapy.Field()  # list of lines
    age_limit = scrapy.Field()  # list of lines
    vacancy_tables = scrapy.Field()  # list of {"headers": [...], "rows": [{...}]}
    other_details = scrapy.Field()  # list of lines

    # Links
    links = scrapy.Field()  # list of {"label": str, "url": absolute URL}
    pdf_url = scrapy.Field()  # the notice PDF, if any

    scraped_at = scrapy.Field()  # ISO date the item was seen (JOBS_TODAY)
