"""Rendering a fragment once and reusing it: what every page shares is not rendered per page.

Jinja renders a template's every variable and include again on each page. Two kinds of
fragment come out the same on many pages and are kept for the rest of the build instead:

- a *constant* partial (the header, the footer, the search box) reads only build-wide values
  (``SITEURL``, ``SITENAME``, the editorial pages…): it is rendered once, and reused for as long
  as every variable it reads is the very same object it was rendered with;
- a job's row (``partials/job_row.html``, called as ``job_row(v)``), keyed by the digest of
  what the row shows.

Both are checked against the template source (``meta.find_undeclared_variables``), so a partial
that starts reading a per-page variable is simply rendered on every page again.
"""

from __future__ import annotations

from jinja2 import TemplateNotFound, meta
from markupsafe import Markup

ROW_PARTIAL = "partials/job_row.html"
PARTIALS = "partials/"
_DICT_ATTRIBUTES = frozenset(dir(dict))
_MISSING = object()


def fast_dict_getattr(env) -> None:
    """``view.job`` on a plain dict without the failed ``getattr`` Jinja tries first.

    Jinja reads ``obj.name`` as ``getattr(obj, name)``, then ``obj[name]``. A plain dict has no
    attribute but those of ``dict``, so for any other name the lookup goes straight to the key:
    the same result, without raising and catching an AttributeError on every access.
    """
    slow = env.getattr

    def getattr_(obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        else:
            try:
                return getattr(obj, attribute)  # what Jinja tries first, one call fewer
            except AttributeError:
                pass
        return slow(obj, attribute)

    env.getattr = getattr_


def _free_names(env, name: str, seen: frozenset = frozenset()) -> set[str] | None:
    """The variables ``name`` reads, with those of the templates it includes; None when it
    includes a template chosen at render time."""
    tree = env.parse(env.loader.get_source(env, name)[0])
    names = set(meta.find_undeclared_variables(tree))
    for other in meta.find_referenced_templates(tree):
        if other is None:
            return None
        if other in seen or other == name:
            continue
        try:
            more = _free_names(env, other, seen | {name})
        except TemplateNotFound:  # ``ignore missing``: it renders nothing
            continue
        if more is None:
            return None
        names |= more
    return names


def template_reads(env, names) -> dict[str, list[str] | None]:
    """For each template of ``names``: the variables it reads, with those of the templates it
    includes (None: it includes one chosen at render time). Working this out generates each
    template's code again, so the generator keeps the answer for its theme."""
    return {name: None if (found := _free_names(env, name)) is None else sorted(found)
            for name in names}


def install_job_row(env, base: dict, reads: dict) -> bool:
    """``job_row(v)`` for the templates: a job's row (``partials/job_row.html``), rendered once
    per row and reused on every page that lists the job; returns whether it is memoised.

    A function rather than ``{% include %}`` in the loops of the listings (an include makes a
    new template context, the larger part of a row's cost). The partial reads only its row
    (``v``) and ``SITEURL``, and what a row shows is digested in ``v["_row"]`` (the same digest
    the page keys use), so its text is kept by that digest for the rest of the build. Should the
    partial read anything else, it gets the context every page gets and is rendered each time.
    """
    names = reads.get(ROW_PARTIAL)
    template = env.get_template(ROW_PARTIAL)
    memoised = names is not None and set(names) <= {"v", "SITEURL"}
    site_url = base.get("SITEURL")
    memo: dict[str, Markup] = {}

    def job_row(v) -> Markup:
        key = v.get("_row") if memoised and isinstance(v, dict) else None
        text = memo.get(key) if key is not None else None
        if text is None:
            context = {"v": v, "SITEURL": site_url} if memoised else {**base, "v": v}
            text = Markup(template.render(context))
            if key is not None:
                memo[key] = text
        return text

    env.globals["job_row"] = job_row
    return memoised


def memoize_constant_partials(env, constants: dict, reads: dict) -> list[str]:
    """Render once each partial that reads only names of ``constants`` (the context every page
    gets; ``reads`` as ``template_reads`` gives it); returns the names of the partials kept.

    The kept text is reused while each name the partial reads is bound to the same object as
    when it was rendered (a page that passes its own value for one of them gets a fresh
    render), so the output is the one Jinja would give on every page.
    """
    kept = []
    for name, names in sorted(reads.items()):
        if not name.startswith(PARTIALS) or name == ROW_PARTIAL:
            continue
        if names is None or not set(names) <= set(constants):
            continue
        template = env.get_template(name)
        render = getattr(template.root_render_func, "__wrapped__", template.root_render_func)
        template.root_render_func = _once(render, names)
        kept.append(name)
    return kept


def _once(render, names: list[str]):
    memo: list = []  # [(values it was rendered with, text)]

    def root_render_func(context):
        values = tuple(context.get(n, _MISSING) for n in names)
        if memo and all(a is b for a, b in zip(memo[0][0], values, strict=True)):
            yield memo[0][1]
            return
        text = "".join(render(context))
        memo[:] = [(values, text)]  # holds the values: their ids stay theirs
        yield text

    root_render_func.__wrapped__ = render
    return root_render_func
