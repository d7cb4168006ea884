"""Meilisearch index settings for the job documents (see ``search_index.documents``)."""

from __future__ import annotations

INDEX_UID = "jobs"
PRIMARY_KEY = "id"

# Order matters: Meilisearch ranks a match in an earlier attribute higher.
SEARCHABLE = ["title", "organisation_short", "organisation", "advt_no", "posts", "qualification",
              "department", "state", "category", "stage_label", "summary"]
FILTERABLE = ["organisation", "organisation_short", "state", "category", "stage",
              "qualification", "last_date", "notice_date", "exam_year"]
SORTABLE = ["last_date", "notice_date", "updated", "total_posts"]
DISPLAYED = ["id", "url", "title", "organisation", "organisation_short", "state", "category",
             "stage", "stage_label", "advt_no", "total_posts", "summary", "last_date",
             "last_date_iso", "content_hash"]


def index_settings() -> dict:
    """The settings body for ``PATCH /indexes/jobs/settings`` (Meilisearch's camelCase keys)."""
    return {
        "searchableAttributes": list(SEARCHABLE),
        "filterableAttributes": list(FILTERABLE),
        "sortableAttributes": list(SORTABLE),
        "displayedAttributes": list(DISPLAYED),
        "rankingRules": ["words", "typo", "proximity", "attribute", "sort", "exactness",
                         "last_date:desc"],
        # Advertisement numbers and years must match exactly, not "nearly".
        "typoTolerance": {"disableOnAttributes": ["advt_no"]},
        "pagination": {"maxTotalHits": 1000},
    }


def settings_differ(current: dict, wanted: dict) -> bool:
    """Whether the server's settings lack any of ours (Meilisearch returns every setting)."""
    for key, value in wanted.items():
        have = current.get(key)
        if isinstance(value, dict):
            have = have or {}
            if any(have.get(k) != v for k, v in value.items()):
                return True
        elif have != value:
            return True
    return False
