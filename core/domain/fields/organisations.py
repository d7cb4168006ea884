"""Canonical organisation names and short names, from an alias table."""

from __future__ import annotations

import re
from functools import lru_cache

# short name → (canonical full name, aliases matched as whole words, case-insensitive)
ORGANISATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "UPSC": ("Union Public Service Commission", ("upsc", "union public service commission")),
    "SSC": ("Staff Selection Commission", ("ssc", "staff selection commission")),
    "RRB": ("Railway Recruitment Board", ("rrb", "railway recruitment board", "railway recruitment boards",
                                          "railway group d", "railway group-d")),
    "IBPS": ("Institute of Banking Personnel Selection", ("ibps",)),
    "RSSB": ("Rajasthan Staff Selection Board", ("rssb", "rsmssb", "rajasthan staff selection board", "rajasthan subordinate and ministerial services selection board")),
    "RPSC": ("Rajasthan Public Service Commission", ("rpsc", "rajasthan public service commission")),
    "Rajasthan Police": ("Rajasthan Police", ("rajasthan police", "department of police rajasthan")),
    "BPSC": ("Bihar Public Service Commission", ("bpsc", "bihar public service commission")),
    "BPSSC": ("Bihar Police Subordinate Services Commission", ("bpssc",)),
    "CSBC": ("Central Selection Board of Constable, Bihar", ("csbc",)),
    "JPSC": ("Jharkhand Public Service Commission", ("jpsc",)),
    "WBSSC": ("West Bengal School Service Commission", ("wbssc",)),
    "NTA": ("National Testing Agency", ("nta", "national testing agency")),
    "OICL": ("Oriental Insurance Company Limited", ("oicl", "oriental insurance")),
    "YIL": ("Yantra India Limited", ("yil", "yantra india limited")),
    "Indian Army": ("Indian Army", ("indian army", "join indian army")),
    "Indian Navy": ("Indian Navy", ("indian navy", "join indian navy")),
    "IAF": ("Indian Air Force", ("iaf", "indian air force")),
    "UPSSSC": ("Uttar Pradesh Subordinate Services Selection Commission", ("upsssc",)),
    "UP Police": ("Uttar Pradesh Police Recruitment and Promotion Board", ("up police", "uppbpb", "upprpb", "uttar pradesh police")),
    "UP PNP": ("Pariksha Niyamak Pradhikari, Uttar Pradesh", ("up deled", "updeled", "pnp", "pariksha niyamak pradhikari", "examination regulation authority", "examination regulatory authority")),
    "UPBEB": ("Uttar Pradesh Basic Education Board", ("upbeb", "basic shiksha parishad")),
    "JEECUP": ("Joint Entrance Examination Council Uttar Pradesh", ("jeecup",)),
    "BCECEB": ("Bihar Combined Entrance Competitive Examination Board", ("bcece", "bceceb")),
    "HSSC": ("Haryana Staff Selection Commission", ("hssc", "haryana staff selection commission")),
    "TNPSC": ("Tamil Nadu Public Service Commission", ("tnpsc",)),
    "APPSC": ("Arunachal Pradesh Public Service Commission", ("appsc",)),
    "APSC": ("Assam Public Service Commission", ("apsc",)),
    "OSSC": ("Odisha Staff Selection Commission", ("ossc",)),
    "OPSC": ("Odisha Public Service Commission", ("opsc",)),
    "MPPSC": ("Madhya Pradesh Public Service Commission", ("mppsc",)),
    "MPSC": ("Maharashtra Public Service Commission", ("mpsc",)),
    "TSPSC": ("Telangana State Public Service Commission", ("tspsc", "tgpsc")),
    "JSSC": ("Jharkhand Staff Selection Commission", ("jssc", "jharkhand ssc", "jharkhand staff selection commission")),
    "UKSSSC": ("Uttarakhand Subordinate Service Selection Commission", ("uksssc", "uttarakhand sssc")),
    "DSSSB": ("Delhi Subordinate Services Selection Board", ("dsssb", "delhi subordinate services selection board")),
    "PSSSB": ("Punjab Subordinate Services Selection Board", ("psssb", "punjab sssb")),
    "GSSSB": ("Gujarat Subordinate Service Selection Board", ("gsssb", "gujarat sssb")),
    "OSSSC": ("Odisha Subordinate Staff Selection Commission", ("osssc",)),
    "BSSC": ("Bihar Staff Selection Commission", ("bssc", "bihar ssc", "bihar staff selection commission")),
    # Employers a recruiting agency publishes for (IBPS's board: "SBI Recruitment of Junior Associates…")
    "SBI": ("State Bank of India", ("sbi", "state bank of india")),
    "Nainital Bank": ("The Nainital Bank Limited", ("nbl", "nainital bank")),
    "BOB": ("Bank of Baroda", ("bob", "bank of baroda")),
    "IOB": ("Indian Overseas Bank", ("iob", "indian overseas bank")),
    "IOCL": ("Indian Oil Corporation Limited", ("iocl", "indian oil corporation")),
    "AAI": ("Airports Authority of India", ("aai", "airports authority of india")),
    "AIIMS": ("All India Institute of Medical Sciences", ("aiims", "all india institute of medical sciences")),
    "IIFCL": ("India Infrastructure Finance Company Limited", ("iifcl",)),
    "RRVUNL": ("Rajasthan Rajya Vidyut Utpadan Nigam Limited", ("rrvun", "rrvunl")),
}
# Bodies that recruit for others: a notice they publish may name the employer it is for.
RECRUITING_AGENCIES = frozenset({
    "UPSC", "SSC", "IBPS", "RSSB", "RPSC", "BPSC", "BPSSC", "CSBC", "JPSC", "WBSSC", "UPSSSC", "HSSC", "TNPSC",
    "APPSC", "APSC", "OSSC", "OPSC", "MPPSC", "MPSC", "TSPSC", "JSSC", "UKSSSC", "DSSSB", "PSSSB", "GSSSB",
    "OSSSC", "BSSC",
})
# "Jharkhand SSC", "Bihar Staff Selection Commission": a state's commission, not the central SSC.
_STATE_BEFORE = re.compile(
    r"\b(andhra(\s+pradesh)?|arunachal|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal|jharkhand|"
    r"karnataka|kerala|madhya\s+pradesh|mp|maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|orissa|"
    r"punjab|rajasthan|sikkim|tamil\s+nadu|telangana|tripura|uttar\s+pradesh|up|uttarakhand|west\s+bengal|"
    r"delhi|j&k|jammu(\s+(and|&)\s+kashmir)?|ladakh|puducherry|chandigarh)\s*$",
    re.I,
)
_PATTERNS = [
    (short, full, re.compile(r"\b(" + "|".join(re.escape(a) for a in aliases) + r")\b", re.I))
    for short, (full, aliases) in ORGANISATIONS.items()
]
_ORDER_BY_LENGTH = sorted(_PATTERNS, key=lambda p: -max(len(a) for a in ORGANISATIONS[p[0]][1]))
# One search tells whether a text names any known organisation at all (most notice titles don't).
_ANY = re.compile("|".join(f"(?:{p.pattern})" for _, _, p in _PATTERNS), re.I)


def canonical_organisation(*texts: str | None) -> tuple[str, str] | None:
    """(full name, short name) for the first text that names a known organisation."""
    for text in texts:
        if text:
            found = _named_in(text) if len(text) <= CACHED_LENGTH else _named_in.__wrapped__(text)
            if found:
                return found
    return None


CACHED_LENGTH = 300  # organisation names and titles come back notice after notice; long texts do not


@lru_cache(maxsize=8192)
def _named_in(text: str) -> tuple[str, str] | None:
    if not _ANY.search(text):
        return None
    hits = [(m.start(), short, full) for short, full, p in _ORDER_BY_LENGTH if (m := p.search(text))
            and not (short == "SSC" and _STATE_BEFORE.search(text[:m.start()]))]
    if not hits:
        return None
    _, short, full = min(hits)
    return full, short
