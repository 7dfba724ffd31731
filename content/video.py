"""Recognise video provider URLs without calling the network.

oEmbed would ask the provider at render time, which fails offline and leaks the visitor's
visit before they consent. Parsing the URL ourselves gives the embed address for the
click-to-load player, and a plain link for anything we do not recognise."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{5,12}$")
# PeerTube uses short base58 ids (/w/<id>) or UUIDs (/videos/watch/<uuid>).
PEERTUBE_ID = re.compile(r"^([1-9A-HJ-NP-Za-km-z]{20,24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
HOST_NAME = re.compile(r"^[a-z0-9.-]+(:\d+)?$")


@dataclass(frozen=True)
class VideoSource:
    provider: str  # "YouTube", "Vimeo" or "PeerTube": shown to visitors before they consent
    video_id: str
    embed_url: str
    watch_url: str


def parse_video_url(url):
    """Return a VideoSource for a YouTube, Vimeo or PeerTube URL, or None if unrecognised."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or not host or not HOST_NAME.match(parts.netloc.lower()):
        return None
    segments = [s for s in parts.path.split("/") if s]

    if host in {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be"}:
        if host == "youtu.be":
            candidate = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
            candidate = segments[1]
        else:
            candidate = ""
        if YOUTUBE_ID.match(candidate):
            return VideoSource(
                "YouTube",
                candidate,
                f"https://www.youtube-nocookie.com/embed/{candidate}?autoplay=1",
                f"https://www.youtube.com/watch?v={candidate}",
            )
        return None

    if host in {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}:
        candidate = segments[-1] if segments else ""
        if VIMEO_ID.match(candidate):
            return VideoSource(
                "Vimeo",
                candidate,
                f"https://player.vimeo.com/video/{candidate}?autoplay=1&dnt=1",
                f"https://vimeo.com/{candidate}",
            )
        return None

    # PeerTube runs on many independent instances, so recognise it by its URL shape.
    if len(segments) == 2 and segments[0] == "w":
        candidate = segments[1]
    elif len(segments) == 3 and segments[:2] in (["videos", "watch"], ["videos", "embed"]):
        candidate = segments[2]
    else:
        return None
    if PEERTUBE_ID.match(candidate):
        origin = f"https://{parts.netloc.lower()}"
        return VideoSource("PeerTube", candidate, f"{origin}/videos/embed/{candidate}?autoplay=1", f"{origin}/w/{candidate}")
    return None
