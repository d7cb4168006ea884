"""Write the official-domain registry (core/domain/data/official_domains.json) from captured data.

    python -m tests.crawlers.crawl_all /tmp/items.json             # every spider, pipelines off
    python -m tests.crawlers.crawl_all /tmp/items_ssc.json ssc     # (the browser spider alone)
    .venv/bin/python bench/seed_official_domains.py /tmp/items.json /tmp/items_ssc.json

Run once; the data file is committed and reviewed like code. Its evidence, per domain:

- ``official__multi_org_scraped_notice_links.json`` (shared/realpages): 1,278 official
  organisations with the URL of their site;
- the official spiders: each source's organisation and the site it crawls;
- links on official boards to another site, with the label the board gives them (HSSC's
  per-advertisement portals on hryssc.in, RRB Chandigarh's apply portals and its files on
  satshritech.com): the board itself says the site is its own. Links an aggregator gives are no
  evidence;
- the canonical organisations (``core.domain.fields.organisations``), whose names join the entry
  of the site they name;
- the aggregator spiders' sites, the aggregator domain their pages link as their own (meraup.com
  from rojgarresult.com) and the dataset's (freejobalert.com).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.domain.fields.links import is_promotional  # noqa: E402
from core.domain.fields.organisations import ORGANISATIONS  # noqa: E402
from core.domain.official_domains import (  # noqa: E402
    REGISTRY_PATH,
    host_of,
    is_restricted,
    normalised_name,
    site_domain,
)

# A parenthesis that names a sector, not the organisation: "IIITBH (Elite Academic/Research)".
SECTORS = {"elite academic/research", "public sector banking/insurance", "ministry/research lab", "state psu",
           "state commission", "central psu"}
# The aggregators' own second sites, as the captured pages show them.
AGGREGATOR_EVIDENCE = {
    "meraup.com": "rojgarresult.com links its CGPSC Civil Judge result there as one of its own rows",
    "freejobalert.com": "every job_link of dataset__freejobalert_scraped_jobs_data_qualitywise7_2024.js",
}


def names_of(name: str) -> list[str]:
    """``"UPSC (Union Public Service Commission)"`` → the whole, ``UPSC`` and the long name."""
    names = [name]
    if match := re.match(r"^(.*?)\s*\((.*)\)\s*$", name):
        short, inside = match.group(1).strip(), match.group(2).strip()
        names.append(short)
        if inside.casefold() not in SECTORS:
            names.append(inside)
    return names


class Seed:
    def __init__(self):
        self.entries: dict[str, dict] = {}  # a name key → {"names": [...], "domains": {domain: evidence}}

    def entry(self, names: list[str]) -> dict:
        """The entry of the first name (made if new); the other names join it where no other
        entry holds them already (APPSC is Andhra Pradesh's in the scrape and Arunachal's on its
        own board: a short name never merges two organisations)."""
        primary = normalised_name(names[0])
        found = self.entries.setdefault(primary, {"names": [], "domains": {}})
        for name in names:
            key = normalised_name(name)
            if self.entries.setdefault(key, found) is found and name not in found["names"]:
                found["names"].append(name)
        return found

    def add(self, names: list[str], url: str, evidence: str) -> None:
        host = host_of(url)
        if not host or re.fullmatch(r"[\d.]+", host):
            return
        self.entry(names)["domains"].setdefault(site_domain(host), evidence)

    def organisations(self) -> list[dict]:
        unique = {id(e): e for e in self.entries.values()}.values()
        rows = [{"names": e["names"], "domains": sorted(e["domains"]),
                 "evidence": dict(sorted(e["domains"].items()))} for e in unique if e["domains"]]
        return sorted(rows, key=lambda r: normalised_name(r["names"][0]))


def seed_from_scrape(seed: Seed, scrape: Path) -> None:
    data = json.loads(scrape.read_text(encoding="utf-8"))
    for org in data["orgs"].values():
        seed.add(names_of(org["name"]), org["url"], f"{scrape.name}: {org['url']}")


def seed_from_spiders(seed: Seed) -> dict[str, str]:
    """Official spiders' sites; returns the aggregator spiders' sites (domain → evidence)."""
    import os

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    loader = SpiderLoader.from_settings(get_project_settings())
    aggregators = {}
    for name in sorted(loader.list()):
        spider = loader.load(name)
        for url in getattr(spider, "start_urls", []):
            if getattr(spider, "source_kind", "official") == "aggregator":
                aggregators[site_domain(host_of(url))] = f"the {name} spider crawls it (an aggregator)"
            elif spider.organisation:
                seed.add(names_of(spider.organisation), url, f"the {name} spider crawls it")
    return aggregators


def seed_from_boards(seed: Seed, items_files: list[Path]) -> None:
    """Sites an official board links as its own (apply portals, file hosts): links from an
    official source's notices to a site other than the organisation's known ones."""
    for path in items_files:
        for source, result in json.loads(path.read_text(encoding="utf-8")).items():
            for item in result["items"]:
                if item.get("source_kind", "official") != "official" or not item.get("organisation"):
                    continue
                entry = seed.entry(names_of(item["organisation"]))
                for link in item.get("links") or []:
                    host = host_of(link.get("url"))
                    if not host or is_restricted(host) or site_domain(host) in entry["domains"]:
                        continue
                    if is_promotional(link.get("label") or "", link["url"]):
                        continue
                    label = " ".join((link.get("label") or "").split())[:80]
                    seed.add(names_of(item["organisation"]), link["url"],
                             f"linked from the {source} board's notice {item.get('title', '')[:60]!r} as {label!r}")


def seed_canonical_names(seed: Seed) -> None:
    for short, (full, _aliases) in ORGANISATIONS.items():
        if normalised_name(full) in seed.entries:
            seed.entry([full, short])


def main(argv: list[str]) -> int:
    from crawlers.mirror_boards import (
        source_file,  # the shared scrape, found where the mirror builder finds it
    )

    seed = Seed()
    seed_from_scrape(seed, source_file())
    aggregators = seed_from_spiders(seed)
    seed_from_boards(seed, [Path(a) for a in argv])
    seed_canonical_names(seed)
    aggregators.update(AGGREGATOR_EVIDENCE)
    data = {
        "about": "Official domains per organisation and aggregator domains, each with its evidence. "
                 "Written by bench/seed_official_domains.py from the captured data; see core/domain/official_domains.py.",
        "organisations": seed.organisations(),
        "aggregators": dict(sorted(aggregators.items())),
    }
    REGISTRY_PATH.parent.mkdir(parents=True, exist_ok=True)
    REGISTRY_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['organisations'])} organisations, "
          f"{sum(len(o['domains']) for o in data['organisations'])} domains, "
          f"{len(data['aggregators'])} aggregators → {REGISTRY_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
