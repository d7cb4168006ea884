"""Any official notice board, from one row of configuration (``crawlers/notice_boards.json``).

    scrapy crawl notice_board                                   # every configured board
    scrapy crawl notice_board -a board=<key>                    # one configured board
    scrapy crawl notice_board -a url=URL -a organisation=NAME [-a state=CODE] [-a category=C]

A row with ``selectors`` (``rows``, and optionally ``title``, ``date``, ``link``: CSS) is read
with them; a row without, or an ad-hoc URL, is read by link scoring
(``crawlers.engines.link_scoring``), which keeps recruitment notices and drops menus, footers,
tenders, RTI and app links.
"""

from __future__ import annotations

import json
from pathlib import Path

from core.domain.urls import absolute_url, is_pdf
from crawlers.base import JobSpider, clean_text
from crawlers.engines.link_scoring import DATE, board_notices

BOARDS_FILE = Path(__file__).resolve().parent.parent / "notice_boards.json"


def load_boards(path: Path = BOARDS_FILE) -> dict[str, dict]:
    return {row["key"]: row for row in json.loads(path.read_text(encoding="utf-8"))["boards"]}


class NoticeBoardSpider(JobSpider):
    name = "notice_board"
    category = None
    may_be_empty = False

    def __init__(self, board: str | None = None, url: str | None = None,
                 organisation: str | None = None, state: str | None = None,
                 category: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if url:
            self.boards = [{"key": "adhoc", "url": url, "organisation": organisation or url,
                            "state": state, "category": category}]
        else:
            configured = load_boards()
            self.boards = [configured[board]] if board else list(configured.values())

    async def start(self):
        for board in self.boards:
            yield self.request(board["url"], callback=self.parse, cb_kwargs={"board": board})

    def parse(self, response, board: dict | None = None):
        redirect = self.soft_redirect(response)
        if redirect is not None:
            yield redirect
            return
        board = board or self.board_for(response.url)
        rows = (self.rows_by_selectors(response, board["selectors"]) if board.get("selectors")
                else self.rows_by_scoring(response))
        for row in rows:
            yield self.make_job(
                response,
                organisation=board.get("organisation"),
                state=board.get("state"),
                category=board.get("category"),
                source_url=row["link"] or f"{response.url}#{row['fragment']}",
                title=row["title"],
                notice_date=row["date"],
                links=row["links"],
                pdf_url=row["pdf_link"],
            )

    def board_for(self, url: str) -> dict:
        """The board a response belongs to (when parse is called without its cb_kwargs)."""
        key = url.rstrip("/")
        return next((b for b in self.boards if b["url"].rstrip("/") == key), {"url": url})

    def rows_by_scoring(self, response):
        for notice in board_notices(response.selector.root, response.url):
            yield {"title": notice.title, "date": notice.date, "link": notice.link,
                   "pdf_link": notice.pdf_link, "links": notice.links,
                   "fragment": notice.fragment}

    def rows_by_selectors(self, response, selectors: dict):
        for number, row in enumerate(response.css(selectors["rows"]), start=1):
            title_node = row.css(selectors["title"]) if selectors.get("title") else row
            title = clean_text(title_node.css("::text").getall())
            if not title:
                continue
            if selectors.get("date"):
                date = clean_text(row.css(selectors["date"]).css("::text").getall()) or None
            else:
                found = DATE.search(clean_text(row.css("::text").getall()))
                date = found.group(0) if found else None
            links = self.links_in(response, row)
            link_node = row.css(selectors["link"]) if selectors.get("link") else row.css("a")
            link = absolute_url(response.url, link_node.attrib.get("href")) if link_node else None
            yield {"title": title, "date": date, "link": link or None,
                   "pdf_link": next((lk["url"] for lk in links if is_pdf(lk["url"])), None),
                   "links": links, "fragment": f"row-{number}"}
