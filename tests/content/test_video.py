import pytest

from content.video import parse_video_url


@pytest.mark.parametrize(
    "url, provider, embed",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        (
            "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
            "PeerTube",
            "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1",
        ),
        (
            "https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv",
            "PeerTube",
            "https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv?autoplay=1",
        ),
        (
            "https://peertube.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d",
            "PeerTube",
            "https://peertube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1",
        ),
    ],
)
def test_recognised_providers(url, provider, embed):
    source = parse_video_url(url)
    assert (source.provider, source.embed_url) == (provider, embed)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "not a url",
        "javascript:alert(1)",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/channels/staffpicks",
        "https://example.org/video.mp4",
        "https://exa mple.org/w/kkGMgK9ZtnKfYAgnEtQxbv",
        "http://[::1/w/x",
    ],
)
def test_unrecognised_urls_give_none(url):
    assert parse_video_url(url) is None
