"""The Hugo baseline of bench_site: a Hugo site with the same jobs, facts and listings as ours.

``write_hugo_site(snapshot, root, today, site_url)`` writes one content file per job (JSON front
matter with the facts the job page shows, the listing terms and the JSON-LD), a config with the
same listings as taxonomies (organisation, category, state, qualification, stage, and the
archive) paginated by 50 like ours, and a minimal theme of Go templates: a job page with the
same sections (dates, fees, age, vacancies, eligibility, links, updates, questions, five related
jobs of the organisation from Hugo's related-content index), list pages, the term indexes and the
home page. Hugo adds its own RSS
feeds per list page, the sitemap and robots.txt.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site" / "plugins"))

from jobsite.jsonld import jobposting_jsonld  # noqa: E402
from jobsite.views import job_view  # noqa: E402

TAXONOMIES = {"organisation": "organisations", "category": "categories", "state": "states",
              "qualification": "qualifications", "stage": "stages", "archive": "archive"}

CONFIG = """\
baseURL = "{site_url}/"
title = "Sarkari Jobs"
languageCode = "en-in"
paginate = 50
rssLimit = 30
enableRobotsTXT = true
disableKinds = []
timeZone = "Asia/Kolkata"

[taxonomies]
{taxonomies}

# related jobs: the same organisation (Hugo's own index, built once per build)
[related]
includeNewer = true
threshold = 0
toLower = false
[[related.indices]]
name = "related_org"
weight = 100

[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
taxonomy = ["HTML"]
term = ["HTML", "RSS"]
"""

BASEOF = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
<meta name="description" content="{{ block "description" . }}{{ .Site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:site_name" content="{{ .Site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta name="twitter:card" content="summary">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
{{ block "head" . }}{{ end }}
<link rel="stylesheet" href="{{ "site.css" | absURL }}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="{{ .Site.BaseURL }}">{{ .Site.Title }}</a>
<nav aria-label="Main"><a href="{{ .Site.BaseURL }}">Latest</a> <a href="{{ "categories/" | absURL }}">Categories</a>
<a href="{{ "states/" | absURL }}">States</a> <a href="{{ "organisations/" | absURL }}">Organisations</a>
<a href="{{ "archive/closed/" | absURL }}">Archive</a></nav></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="foot"><p>Facts are taken from official notices and checked daily.</p>
<p><a href="{{ "index.xml" | absURL }}">RSS</a> · <a href="{{ "qualifications/" | absURL }}">By qualification</a> · <a href="{{ "stages/" | absURL }}">By stage</a></p></footer>
</body>
</html>
"""

ROW = """\
<li class="row"><a href="{{ .Permalink }}">{{ .Title }}</a>
<span class="meta">{{ .Params.org }} · <span class="badge badge-{{ .Params.stage_value }}">{{ .Params.stage_label }}</span>
{{ with .Params.apply_last }} · Last date {{ . }}{{ end }}{{ with .Params.days }} ({{ . }} days left){{ end }}</span></li>
"""

SINGLE = """\
{{ define "title" }}{{ .Params.seo_title | default .Title }} | {{ .Site.Title }}{{ end }}
{{ define "description" }}{{ .Params.seo_description | default .Title }}{{ end }}
{{ define "head" }}{{ range .Params.jsonld }}<script type="application/ld+json">{{ . | jsonify | safeJS }}</script>
{{ end }}{{ end }}
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><span class="badge badge-{{ .Params.stage_value }}">{{ .Params.stage_label }}</span> <span class="org">{{ .Params.organisation }}</span>{{ with .Params.department }} · {{ . }}{{ end }}{{ with .Params.advt_no }} · <span class="advt">Advt. No. {{ . }}</span>{{ end }}</p>
{{ if .Params.archived }}<p class="notice">This job is closed{{ with .Params.apply_last }}: the last date was {{ . }}{{ end }}. It is kept here for reference.</p>
{{ else }}{{ with .Params.days }}<p class="open"><strong>{{ . }} days left</strong> to apply (last date {{ $.Params.apply_last }}).</p>{{ end }}{{ end }}
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .Params.dates }}<section aria-labelledby="dates"><h2 id="dates">Important dates</h2>
<table class="facts">{{ range . }}<tr><th scope="row">{{ index . 0 }}</th><td>{{ index . 1 }}{{ with index . 2 }} – {{ . }}{{ end }}</td></tr>
{{ end }}</table></section>{{ end }}
{{ with .Params.fees }}<section aria-labelledby="fees"><h2 id="fees">Application fee</h2>
<table class="facts"><tr><th scope="col">Category</th><th scope="col">Fee</th></tr>{{ range . }}<tr><th scope="row">{{ index . 0 }}</th><td>{{ if eq (index . 1) 0 }}Nil (exempt){{ else }}₹{{ lang.FormatNumber 0 (index . 1) }}{{ end }}</td></tr>{{ end }}</table>
{{ with $.Params.payment_modes }}<p>Pay by: {{ delimit . ", " }}</p>{{ end }}
{{ with $.Params.fee_notes }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}</section>{{ end }}
{{ with .Params.age }}<section aria-labelledby="age"><h2 id="age">Age limit</h2><p>{{ . }}</p>
{{ with $.Params.age_notes }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with $.Params.age_relaxation }}<p class="relax">Relaxation: {{ . }}</p>{{ end }}</section>{{ end }}
{{ if or .Params.posts .Params.total_posts }}<section aria-labelledby="posts"><h2 id="posts">Vacancies{{ with .Params.total_posts }}: {{ lang.FormatNumber 0 . }} posts{{ end }}</h2>
{{ with .Params.posts }}<div class="scroll"><table class="facts"><tr><th scope="col">Post</th><th scope="col">Posts</th><th scope="col">Qualification</th></tr>
{{ range . }}<tr><td>{{ .name }}</td><td class="num">{{ with .count }}{{ lang.FormatNumber 0 . }}{{ else }}—{{ end }}</td><td>{{ .qualification }}</td></tr>{{ end }}</table></div>{{ end }}</section>{{ end }}
{{ if or .Params.eligibility .Params.qualification }}<section aria-labelledby="elig"><h2 id="elig">Eligibility</h2>
{{ with .Params.qualification }}<p>Qualification: {{ delimit . ", " }}</p>{{ end }}{{ with .Params.eligibility }}<p>{{ . }}</p>{{ end }}</section>{{ end }}
{{ with .Params.selection_process }}<section aria-labelledby="sel"><h2 id="sel">Selection process</h2><ol>{{ range . }}<li>{{ . }}</li>{{ end }}</ol></section>{{ end }}
{{ with .Params.links }}<section aria-labelledby="links"><h2 id="links">Important links</h2><ul class="links">
{{ range . }}<li>{{ if .url }}<a rel="nofollow noopener" href="{{ .url }}">{{ .label }}</a>{{ else }}{{ .label }}{{ end }}</li>{{ end }}</ul></section>{{ end }}
{{ with .Params.updates }}<section aria-labelledby="timeline"><h2 id="timeline">Updates</h2><ol class="timeline">
{{ range . }}<li>{{ with .date }}<time datetime="{{ . }}">{{ . }}</time> · {{ end }}<span class="badge badge-{{ .stage }}">{{ .stage }}</span> {{ if .link }}<a rel="nofollow noopener" href="{{ .link }}">{{ .title }}</a>{{ else }}{{ .title }}{{ end }}</li>{{ end }}</ol></section>{{ end }}
{{ with .Params.faq }}<section aria-labelledby="faq"><h2 id="faq">Questions</h2>{{ range . }}<details><summary>{{ .q }}</summary><p>{{ .a }}</p></details>{{ end }}</section>{{ end }}
<p class="source">Source: <a rel="nofollow noopener" href="{{ .Params.source_url }}">{{ .Params.source }}</a> · Last checked <time datetime="{{ .Params.last_seen }}">{{ .Params.last_seen }}</time></p>
{{ with first 5 (.Site.RegularPages.Related .) }}<section aria-labelledby="related"><h2 id="related">Related jobs</h2><ul class="list">
{{ range . }}{{ partial "row.html" . }}{{ end }}</ul></section>{{ end }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
<ul class="list">{{ range $pager.Pages }}{{ partial "row.html" . }}{{ end }}</ul>
{{ if gt $pager.TotalPages 1 }}<nav class="pager" aria-label="Pages">{{ if $pager.HasPrev }}<a rel="prev" href="{{ $pager.Prev.URL | absURL }}">← Newer</a>{{ end }}
<span>Page {{ $pager.PageNumber }} of {{ $pager.TotalPages }}</span>{{ if $pager.HasNext }}<a rel="next" href="{{ $pager.Next.URL | absURL }}">Older →</a>{{ end }}</nav>{{ end }}
{{ end }}
"""

TERMS = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="list">{{ range .Data.Terms.Alphabetical }}<li class="row"><a href="{{ .Page.Permalink }}">{{ .Page.Title }}</a> <span class="meta">{{ .Count }} open</span></li>{{ end }}</ul>
{{ end }}
"""

HOME = """\
{{ define "main" }}
<h1>Latest government jobs</h1>
{{ $live := where .Site.RegularPages "Params.archived" false }}
<section><h2>Latest jobs</h2><ul class="list">{{ range first 30 $live }}{{ partial "row.html" . }}{{ end }}</ul></section>
<section><h2>By category</h2><p class="chips">{{ range .Site.Taxonomies.categories.Alphabetical }}<a href="{{ .Page.Permalink }}">{{ .Page.Title }} ({{ .Count }})</a> {{ end }}</p></section>
<section><h2>By state</h2><p class="chips">{{ range .Site.Taxonomies.states.Alphabetical }}<a href="{{ .Page.Permalink }}">{{ .Page.Title }} ({{ .Count }})</a> {{ end }}</p></section>
{{ end }}
"""

NOT_FOUND = """\
{{ define "main" }}<h1>Page not found</h1><p>This page does not exist or has moved.</p>{{ end }}
"""

DATE_ROWS = (("Notification", "notice_date", None), ("Apply online from", "apply_start", None),
             ("Last date to apply", "apply_last", None), ("Last date for fee", "fee_last", None),
             ("Correction window", "correction_start", "correction_end"),
             ("Exam", "exam_date", "exam_date_end"), ("Admit card", "admit_card_date", None),
             ("Answer key", "answer_key_date", None), ("Result", "result_date", None))
FEE_ROWS = (("General", "general"), ("OBC", "obc"), ("EWS", "ews"), ("SC / ST", "sc_st"),
            ("Female", "female"), ("PwD", "pwd"))


def _day(value) -> str:
    return value.strftime("%d %b %Y") if value else ""


def front_matter(view: dict, site_url: str) -> dict:
    """The facts one job page shows, for a Hugo content file."""
    job = view["job"]
    dates = [[label, _day(getattr(job, start)), _day(getattr(job, end)) if end else ""]
             for label, start, end in DATE_ROWS if getattr(job, start)]
    dates += [[e.label, _day(e.date) if e.date else e.text, _day(e.end_date)] for e in job.events]
    fees = [[label, getattr(job.fees, name)] for label, name in FEE_ROWS
            if getattr(job.fees, name) is not None]
    age = ", ".join(filter(None, (f"Minimum {job.age_min} years" if job.age_min is not None else "",
                                  f"maximum {job.age_max} years" if job.age_max is not None else "")))
    days = view["days_left"] if view["days_left"] is not None and view["days_left"] >= 0 else None
    terms = {} if view["archived"] else {
        "organisations": [view["org"]], "categories": [view["category"]], "states": [view["state"]],
        "qualifications": list(job.qualification), "stages": [view["stage_label"]]}
    if view["archived"]:
        terms["archive"] = ["closed"]
    url = f"{site_url}/{view['url']}"
    return {
        "title": job.title, "date": view["date_posted"], "slug": view["slug"], "url": view["url"],
        "related_org": [view["org_slug"]],
        "org": view["org"], "organisation": job.organisation, "department": job.department,
        "advt_no": job.advt_no, "stage_value": job.stage.value, "stage_label": view["stage_label"],
        "archived": view["archived"], "days": days, "apply_last": _day(job.apply_last),
        "summary": view["seo"].get("summary") or job.description,
        "seo_title": view["seo"].get("title"), "seo_description": view["seo"].get("description"),
        "dates": dates, "fees": fees, "payment_modes": job.fees.payment_modes,
        "fee_notes": job.fees.notes, "age": age, "age_notes": job.age_notes,
        "age_relaxation": job.age_relaxation, "total_posts": job.total_posts,
        "posts": [p.model_dump(mode="json") for p in job.posts],
        "qualification": job.qualification, "eligibility": job.eligibility,
        "selection_process": job.selection_process,
        "links": [{"label": link.label, "url": link.url} for link in job.links],
        "updates": list(reversed(view["events"])), "faq": view["seo"].get("faq") or [],
        "source": job.source, "source_url": job.source_url, "last_seen": view["last_seen"],
        "jsonld": [jobposting_jsonld(job, url=url, date_posted=view["date_posted"],
                                     identifier=view["slug"], summary=view["seo"].get("summary"),
                                     state=view["state"])],
        **terms,
    }


def write_hugo_site(snapshot: dict, root: Path, today: dt.date, site_url: str) -> int:
    """Write the Hugo site for ``snapshot`` into ``root``; returns the number of content files."""
    site_url = site_url.rstrip("/")
    layouts = root / "layouts"
    for path, text in {"_default/baseof.html": BASEOF, "_default/single.html": SINGLE,
                       "_default/list.html": LIST, "_default/terms.html": TERMS,
                       "index.html": HOME, "404.html": NOT_FOUND,
                       "partials/row.html": ROW}.items():
        (layouts / path).parent.mkdir(parents=True, exist_ok=True)
        (layouts / path).write_text(text, encoding="utf-8")
    taxonomies = "\n".join(f'{singular} = "{plural}"' for singular, plural in TAXONOMIES.items())
    (root / "config.toml").write_text(CONFIG.format(site_url=site_url, taxonomies=taxonomies),
                                      encoding="utf-8")
    (root / "static").mkdir(exist_ok=True)
    css = (ROOT / "templates" / "static" / "site.css").read_text(encoding="utf-8")
    (root / "static" / "site.css").write_text(css, encoding="utf-8")
    content = root / "content" / "jobs"
    content.mkdir(parents=True, exist_ok=True)
    count = 0
    for record in snapshot["jobs"]:
        try:
            view = job_view(record, today)
        except ValueError:  # the site build skips invalid records too
            continue
        text = json.dumps(front_matter(view, site_url), ensure_ascii=False, default=str)
        (content / f"{view['slug']}.md").write_text(text + "\n", encoding="utf-8")
        count += 1
    return count
