"""Which web sites are an organisation's own: the official-domain registry and the judgement of a link.

The registry (``core/domain/data/official_domains.json``, written by
``bench/seed_official_domains.py`` from the captured data) holds, per organisation, its names and
its domains with the evidence for each, and the aggregators' domains. A link is official for a
notice when its host is

- a domain of the notice's organisation or of the board that published it (a registered domain,
  ``ibps.in`` covering ``ibpsreg.ibps.in``, or a government host such as ``rpsc.rajasthan.gov.in``),
- the official source's own site (the board the notice was read on), or
- a government or institutional domain (``.gov.in``, ``.nic.in``, ``.ac.in``, ``.res.in``…): only
  public bodies can register those, so no aggregator sits there.

An aggregator's domain is never official; a domain that imitates a known one (``sarkariafsar.com.cm``
for ``sarkariafsar.com``, one letter off ``sarkariresult.com``) is a look-alike and is never shown;
any other domain is unknown and is not shown as official.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import tldextract
from rapidfuzz.distance import Levenshtein

REGISTRY_PATH = Path(__file__).resolve().parent / "data" / "official_domains.json"

# Second-level domains that only public bodies (and, for ac/edu/res, academic and research
# institutions) can register in India, and their equivalents elsewhere.
RESTRICTED_SUFFIXES = ("gov.in", "nic.in", "mil.in", "ac.in", "edu.in", "res.in", "ernet.in", "gov", "mil")
# Government hosts live under state or department zones (bpsc.bihar.gov.in, bpsc.bih.nic.in): the
# registrable domain (bihar.gov.in) is not the organisation's, the host is.
_GOVERNMENT = re.compile(r"\.(gov|nic)\.in$|\.(gov|mil)$")

Verdict = Literal["official", "government", "aggregator", "lookalike", "unknown", "invalid"]

# the bundled public-suffix snapshot: never fetched over the network
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    domain: str  # the site as the registry names sites (see ``site_domain``)
    reason: str

    @property
    def official(self) -> bool:
        return self.verdict in ("official", "government")


def host_of(url: str | None) -> str:
    host = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


@lru_cache(maxsize=8192)
def site_domain(host: str) -> str:
    """The site a host belongs to, as the registry names it: the registered domain
    (``adv12018.hryssc.in`` → ``hryssc.in``), but the whole host under a government zone
    (``apps.bpsc.bih.nic.in`` → ``bpsc.bih.nic.in``; ``www.`` dropped)."""
    host = host.lower().removeprefix("www.")
    parts = _EXTRACT(host)
    if not parts.suffix:
        return host
    registered = f"{parts.domain}.{parts.suffix}" if parts.domain else host
    if _GOVERNMENT.search(host) and host.count(".") > registered.count("."):
        # keep the organisation's label under the zone: rpsc.rajasthan.gov.in, not rajasthan.gov.in
        labels = host.split(".")
        return ".".join(labels[-(registered.count(".") + 2):])
    return registered


def is_restricted(host: str) -> bool:
    return any(host == s or host.endswith("." + s) for s in RESTRICTED_SUFFIXES)


def normalised_name(name: str) -> str:
    """``"IIITBH (Elite Academic/Research)"`` and ``"iiitbh"`` give one key."""
    return re.sub(r"[^a-z0-9]+", " ", name.casefold()).strip()


@dataclass(frozen=True)
class Registry:
    domains_by_name: dict[str, frozenset[str]]
    aggregators: frozenset[str]
    known: tuple[str, ...]  # every registered domain, for look-alike checks

    def domains_of(self, *parties: tuple[str | None, ...]) -> frozenset[str]:
        """The domains of each party (an organisation's names, the fullest first): a party's
        first registered name gives its domains, so a short name shared by two bodies (APPSC)
        counts only when the full name is unknown."""
        found: set[str] = set()
        for names in parties:
            for name in names:
                if domains := self._named(name):
                    found |= domains
                    break
        return frozenset(found)

    def _named(self, name: str | None) -> frozenset[str]:
        if not name:
            return frozenset()
        key = normalised_name(name)
        if key in self.domains_by_name:
            return self.domains_by_name[key]
        return self.domains_by_name.get(normalised_name(re.sub(r"\s*\(.*\)\s*$", "", name)), frozenset())


@cache
def registry() -> Registry:
    data = json.loads(REGISTRY_PATH.read_text(encoding="utf-8"))
    by_name: dict[str, set[str]] = {}
    for organisation in data["organisations"]:
        domains = set(organisation["domains"])
        for name in organisation["names"]:
            by_name.setdefault(normalised_name(name), set()).update(domains)
    aggregators = frozenset(data["aggregators"])
    known = sorted({d for o in data["organisations"] for d in o["domains"]} | aggregators)
    return Registry({k: frozenset(v) for k, v in by_name.items()}, aggregators, tuple(known))


def _covers(domain: str, host: str) -> bool:
    return host == domain or host.endswith("." + domain)


def judge_url(url: str | None, parties: tuple[tuple[str | None, ...], ...] = (), source_url: str | None = None,
              source_kind: str = "official") -> Judgement:
    """Whether ``url`` is an official site for a notice of ``parties``: each the names of one
    organisation, fullest first (the employer, the board that published the notice), read at
    ``source_url``."""
    host = host_of(url)
    if not host:
        return Judgement("invalid", "", f"not a web address: {url!r}")
    parties = tuple(tuple(n for n in names if n) for names in parties)
    return _judge(host, tuple(p for p in parties if p), host_of(source_url) if source_kind == "official" else "")


@lru_cache(maxsize=16384)
def _judge(host: str, parties: tuple[tuple[str, ...], ...], official_source_host: str) -> Judgement:
    reg = registry()
    domain = site_domain(host)
    owner = parties[0][0] if parties else "the organisation"
    if any(_covers(a, host) for a in reg.aggregators):
        return Judgement("aggregator", domain, f"{domain} is an aggregator")
    for own in sorted(reg.domains_of(*parties)):
        if _covers(own, host):
            return Judgement("official", domain, f"{own} is a registered site of {owner}")
    if official_source_host and (host == official_source_host or _covers(site_domain(official_source_host), host)):
        return Judgement("official", domain, f"{domain} is the site of the board the notice was read on")
    if is_restricted(host):
        return Judgement("government", domain, f"{domain} is a government or institutional domain")
    imitated = lookalike_of(host)
    if imitated:
        return Judgement("lookalike", domain, f"{domain} imitates {imitated}")
    if re.fullmatch(r"[\d.]+|\[[0-9a-f:]+\]", host):
        return Judgement("unknown", domain, f"{host} is a bare IP address")
    return Judgement("unknown", domain, f"{domain} is not a registered site of {owner}")


@lru_cache(maxsize=8192)
def lookalike_of(host: str) -> str | None:
    """The known domain ``host`` imitates, or None: the same name under another suffix
    (``sarkariafsar.com.cm``), a name one or two edits from a known one (``sarkarirseult.com``), or
    a known domain buried in a longer host (``upsc.gov.in.example.com``)."""
    reg = registry()
    domain = site_domain(host)
    if domain in reg.known:
        return None
    parts = _EXTRACT(host)
    name = parts.domain.lower()
    dotted = f".{host}."
    for known in reg.known:
        if f".{known}." in dotted and not _covers(known, host):
            return known
    for known in reg.known:
        known_name = _EXTRACT(known).domain.lower()
        if _GOVERNMENT.search(known):
            continue  # government sites are many and alike (rrbcdg, rrbjammu); their hosts cannot be imitated
        if name == known_name and parts.suffix != _EXTRACT(known).suffix:
            return known
        if len(known_name) >= 8 and name != known_name and Levenshtein.distance(name, known_name) <= (
                1 if len(known_name) < 10 else 2):
            return known
    return None
